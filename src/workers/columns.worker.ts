/**
 * A helper of the analysis worker for the per-column statistics (the tests and out-of-range figures of
 * one feature at a time, src/core/columnJobs.ts, the jobs the CLI's helper threads run; see
 * analyseInParallel.ts): its first message is the MessagePort the analysis worker sends jobs on
 * (serveColumnJobs.ts). The wasm kernels load as soon as the worker starts, while the files parse.
 */
import { loadKernels } from '../kernels/loadKernels.ts';
import { serveColumnJobs } from './serveColumnJobs.ts';

const kernels = loadKernels();

self.onmessage = (e: MessageEvent<MessagePort>) => {
  self.onmessage = null;
  serveColumnJobs(e.data, kernels);
};
