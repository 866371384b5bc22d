import type { TrainedModel } from '../train/trainChallenger.ts';
import { exportGbtOnnx } from './exportGbtOnnx.ts';
import { exportLogisticOnnx } from './exportLogisticOnnx.ts';

/** The ONNX bytes of a trained challenger of either family. */
export function exportModelOnnx(model: TrainedModel): Uint8Array {
  return model.family === 'gradient_boosting' ? exportGbtOnnx(model) : exportLogisticOnnx(model);
}
