/** createOnnxRunner for Node: 'onnxruntime-web' resolves to its Node build, which finds its .wasm by itself. */
import * as ort from 'onnxruntime-web';
import { onnxRunnerFactory } from './onnxRunner.ts';

export const createOnnxRunner = onnxRunnerFactory(ort);
