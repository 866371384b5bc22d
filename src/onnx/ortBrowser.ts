/**
 * createOnnxRunner for a browser worker: the CPU-only bundle (14 MB wasm instead of 28 MB with WebGPU).
 * Vite emits its .wasm next to the chunk and rewrites the URL, so it works offline and under any base.
 */
import * as ort from 'onnxruntime-web/wasm';
import { onnxRunnerFactory } from './onnxRunner.ts';

// One thread: more would need SharedArrayBuffer, i.e. a cross-origin-isolated page (COOP/COEP headers a
// plain static host such as GitHub Pages cannot send); ORT would fall back to one with console warnings.
// Scoring already runs in our own analysis worker, so the page stays responsive either way.
ort.env.wasm.numThreads = 1;

export const createOnnxRunner = onnxRunnerFactory(ort);
