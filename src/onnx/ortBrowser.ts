/**
 * createOnnxRunner for a browser worker: the CPU-only bundle (14 MB wasm instead of 28 MB with WebGPU).
 * Vite emits its .wasm next to the chunk and rewrites the URL, so it works offline and under any base.
 */
import * as ort from 'onnxruntime-web/wasm';
import { onnxRunnerFactory } from './onnxRunner.ts';

export const createOnnxRunner = onnxRunnerFactory(ort);
