import { InputError } from '../errors.ts';
import type { ModelRunner } from './runner.ts';
import { CLASSIFIERS, REGRESSORS } from './readOnnxInfo.ts';

export interface OutputPlan {
  label: string | null;
  probabilities: string | null;
  warnings: string[];
}

/** The ZipMap advice, one line. */
export const ZIPMAP_ADVICE =
  "re-export without ZipMap to get probabilities (skl2onnx: options={id(model): {'zipmap': False}}; onnxmltools: the same option)";

/**
 * Picks the label tensor and the probability tensor among the outputs. Non-tensor outputs (ZipMap's
 * sequence of maps) are never fetched: onnxruntime-web cannot read them.
 *
 * @throws InputError for a regression model, or when no output is usable
 */
export function planOutputs(runner: ModelRunner, file: string): OutputPlan {
  const ops = runner.graph.opTypes;
  if (ops.some((o) => REGRESSORS.has(o)) && !ops.some((o) => CLASSIFIERS.has(o))) {
    const op = ops.find((o) => REGRESSORS.has(o));
    throw new InputError(
      `${file}: this is a regression model (${op}); drift-monitor needs a classifier that outputs labels or class probabilities`,
    );
  }
  const tensors = runner.outputs.filter((o) => o.isTensor);
  const warnings: string[] = [];
  const label =
    tensors.find((o) => (o.type === 'int64' || o.type === 'string' || o.type === 'int32') && /label/i.test(o.name)) ??
    tensors.find((o) => o.type === 'int64' || o.type === 'string' || o.type === 'int32');
  const floats = tensors.filter((o) => o.type === 'float32' || o.type === 'float64');
  const probabilities = floats.find((o) => /prob/i.test(o.name)) ?? (floats.length === 1 ? floats[0] : undefined);
  const sequences = runner.outputs.filter((o) => !o.isTensor);
  if (!probabilities && sequences.length) {
    warnings.push(
      `${file}: output "${sequences[0].name}" is a ZipMap (sequence of maps) that onnxruntime-web cannot read, so there are no probabilities (no ROC AUC, no probability drift, no label-free estimate); ${ZIPMAP_ADVICE}`,
    );
  }
  if (!label && !probabilities) {
    throw new InputError(
      `${file}: no label or probability tensor among the outputs (${runner.outputs.map((o) => o.name).join(', ')}); export a classifier with a label output and a probability tensor (${ZIPMAP_ADVICE})`,
    );
  }
  return { label: label?.name ?? null, probabilities: probabilities?.name ?? null, warnings };
}
