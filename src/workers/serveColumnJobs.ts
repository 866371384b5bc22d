import type { StatKernels } from '../core/stattests/kernels.ts';
import { columnBuffers, runColumnJob, type ColumnJob, type ColumnJobResult } from '../core/columnJobs.ts';

/**
 * Answers the column jobs that come on `port` (analyseInParallel's): each job's statistics with its
 * columns moved back (buffers transferred). Kernels that fail to load are each job's error: its columns
 * still go back and the analysis worker computes the analysis itself.
 */
export function serveColumnJobs(port: MessagePort, kernels: Promise<StatKernels>): void {
  // Handled by each job (below); not an unhandled rejection before the first job comes.
  kernels.catch(() => undefined);
  port.onmessage = async (m: MessageEvent<ColumnJob>) => {
    const job = m.data;
    const back: ColumnJobResult = await kernels.then(
      (k) => runColumnJob(job, k),
      (err: unknown) => ({ ref: job.ref, prod: job.prod, results: { error: String(err) } }),
    );
    port.postMessage(back, [...columnBuffers(back.ref), ...columnBuffers(back.prod)]);
  };
}
