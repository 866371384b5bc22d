export { confusionMatrix } from './confusionMatrix.ts';
export { classScores, type ClassScores } from './classScores.ts';
export { rocAuc } from './rocAuc.ts';
export { classificationMetrics, type ClassificationInput, type ClassificationMetrics, type ClassReport } from './classificationMetrics.ts';
export { isotonicFit } from './isotonicFit.ts';
export {
  estimatePerformance,
  BAND_Z,
  type PerformanceEstimate,
  type EstimateInput,
  type LabelShiftAdjusted,
} from './estimatePerformance.ts';
