import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../core/errors.ts';
import type { ModelRunner } from '../core/model/runner.ts';

/** Reads an ONNX file and loads it in onnxruntime-web (Node build). */
export async function readModelFile(path: string): Promise<{ file: string; runner: ModelRunner; bytes: Uint8Array }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new InputError(
      `cannot read model ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; check the path given to --model or model.path`,
    );
  }
  const file = basename(path);
  // onnxruntime-web is loaded only when a model is given: ~20 ms of every CLI start otherwise.
  const { createOnnxRunner } = await import('../onnx/ortNode.ts');
  return { file, runner: await createOnnxRunner(bytes, file), bytes };
}
