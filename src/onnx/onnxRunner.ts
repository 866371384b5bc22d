/**
 * A ModelRunner on onnxruntime-web. The runtime namespace is passed in, so the same code serves Node
 * (ortNode.ts: 'onnxruntime-web') and a browser worker (ortBrowser.ts: 'onnxruntime-web/wasm').
 */
import type * as Ort from 'onnxruntime-web';
import { InputError } from '../core/errors.ts';
import { readOnnxInfo } from '../core/model/readOnnxInfo.ts';
import type { ModelGraphInfo, ModelRunner, ModelValueInfo, RunnerTensor } from '../core/model/runner.ts';

export type OrtModule = typeof Ort;

/**
 * @returns createOnnxRunner(bytes, file): a runner for the model in `bytes`; `file` names it in messages
 * @throws InputError (from the returned function) when the bytes are not a model onnxruntime can load
 */
export function onnxRunnerFactory(ort: OrtModule) {
  return async function createOnnxRunner(bytes: Uint8Array, file = 'model.onnx'): Promise<ModelRunner> {
    let graph: ModelGraphInfo;
    try {
      graph = readOnnxInfo(bytes);
    } catch (e) {
      throw new InputError(
        `${file}: not a readable ONNX model (${(e as Error).message}); export the model to .onnx again (see the README, "Models (ONNX)")`,
      );
    }
    let session: Ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
    } catch (e) {
      const msg = ortMessage(e);
      throw new InputError(
        `${file}: onnxruntime cannot load this model (${msg}); check the export and its opsets (ai.onnx <= 21, ai.onnx.ml <= 5)`,
      );
    }
    const info = (m: Ort.InferenceSession.ValueMetadata): ModelValueInfo =>
      m.isTensor
        ? { name: m.name, isTensor: true, type: m.type, shape: [...m.shape] }
        : { name: m.name, isTensor: false, type: null, shape: [] };
    return {
      inputs: session.inputMetadata.map(info),
      outputs: session.outputMetadata.map(info),
      graph,
      async run(feeds, outputNames) {
        const ortFeeds: Record<string, Ort.Tensor> = {};
        for (const [name, t] of Object.entries(feeds)) {
          ortFeeds[name] = new ort.Tensor(t.type as 'float32', t.data as Float32Array, t.dims);
        }
        let result: Ort.InferenceSession.ReturnType;
        try {
          result = await session.run(ortFeeds, [...outputNames]);
        } catch (e) {
          // The core turns this into one InputError naming the model, the rows and the tensors fed.
          throw new Error(ortMessage(e), { cause: e });
        }
        const out: Record<string, RunnerTensor> = {};
        for (const name of outputNames) {
          const t = result[name];
          out[name] = { type: t.type, data: t.data as RunnerTensor['data'], dims: t.dims };
        }
        return out;
      },
      release: () => session.release(),
    };
  };
}

/**
 * onnxruntime-web's message without its wrapper and C++ location, first line, at most 300 characters:
 * "failed to call OrtRun(). ERROR_CODE: 1, ERROR_MESSAGE: /.../onnxruntime/core/providers/cpu/tensor/
 * reshape_helper.h:93 onnxruntime::ReshapeHelper::ReshapeHelper(...) input_shape_size == ..." ->
 * "input_shape_size == ...".
 */
export function ortMessage(e: unknown): string {
  return String((e as Error)?.message ?? e)
    .replace(/^failed to call \w+\(\)\. ERROR_CODE: \d+, ERROR_MESSAGE: /, '')
    .replace(/^\S+\.(?:h|cc|cpp):\d+ (?:[\w:~<>]+\([^)]*\)(?: const)? )?/, '')
    .split('\n')[0]
    .trim()
    .slice(0, 300);
}
