import type { TrainedModel } from './trainChallenger.ts';

/** A trained model's feature columns (its ONNX inputs), numericals first, in graph order. */
export function modelFeatures(model: TrainedModel): string[] {
  if (model.family === 'gradient_boosting') return [...model.features.numerical, ...model.features.categorical.map((s) => s.name)];
  return [...model.preprocessing.numerical, ...model.preprocessing.categorical].map((s) => s.name);
}
