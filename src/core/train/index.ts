export type {
  FeatureInput,
  NumericalStep,
  CategoricalStep,
  PreprocessStep,
  PreprocessOptions,
  Preprocessing,
  LogisticModel,
  FitProgress,
  FitHooks,
} from './types.ts';
export { fitPreprocessing, DEFAULT_MIN_FREQUENCY, MISSING_LEVEL } from './fitPreprocessing.ts';
export { designMatrix, categoricalOffsets, matrixColumnNames, type DesignMatrix } from './designMatrix.ts';
export { fitLogisticRegression, type LogisticFitOptions, type LogisticFit } from './fitLogisticRegression.ts';
export { predictProbabilities } from './predictProbabilities.ts';
export { choleskySolve } from './choleskySolve.ts';
export { median } from './median.ts';
export { splitHoldout } from './splitHoldout.ts';
export { compareModels, type ModelScore, type Comparison } from './compareModels.ts';
export { f1Binary } from './f1Binary.ts';
export { featureInputs, categoricalStrings } from './featureInputs.ts';
export { binaryLabels, type BinaryLabels } from './binaryLabels.ts';
export { trainChallenger, TRAINER_VERSION, GBT_TRAINER_VERSION, type TrainOptions, type TrainResult, type ModelFamily, type TrainedModel } from './trainChallenger.ts';
export { modelFeatures } from './modelFeatures.ts';
export type { GbtModel, GbtTree, GbtParams, GbtFeatures } from './gbt/types.ts';
export { binFeatures, binThresholds, float32Between, type BinnedFeatures } from './gbt/binFeatures.ts';
export { growTree, treeWorkspace, type TreeWorkspace } from './gbt/growTree.ts';
export { fitGradientBoosting, DEFAULT_GBT_PARAMS, type GbtFit } from './gbt/fitGradientBoosting.ts';
export { predictGbtRaw, predictGbtProbabilities } from './gbt/predictGbt.ts';
