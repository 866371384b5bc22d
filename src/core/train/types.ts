/**
 * Types of the built-in trainer: the preprocessing fitted on the training rows and the logistic
 * model on top of it. Everything here is plain data (numbers, strings, arrays), so a fitted model
 * can cross a worker boundary, be stored in IndexedDB, or be written into ONNX metadata as JSON.
 */

/** One feature column as the trainer reads it: rows of the training table(s), in order. */
export type FeatureInput =
  | { name: string; kind: 'numerical'; values: Float64Array }
  | {
      name: string;
      kind: 'categorical';
      /** Level texts; codes index this array. */
      categories: string[];
      /** Per row: index into `categories`, -1 = missing. */
      codes: Int32Array;
    };

/** Median imputation, then standardisation: z = (x_imputed - mean) / scale. */
export interface NumericalStep {
  name: string;
  kind: 'numerical';
  /** numpy.median of the non-missing training values (0 when there are none). */
  median: number;
  /** Mean of the imputed training values. */
  mean: number;
  /** Population standard deviation (ddof 0) of the imputed values; 1 when that is 0 (sklearn). */
  scale: number;
}

/**
 * One-hot encoding over the frequent levels, in `levels` order, then one "other" column that takes
 * rare levels, levels never seen in training, and (when rare) missing values. Missing values are the
 * level "" (the empty string is never a real level: the CSV parser treats empty cells as missing).
 */
export interface CategoricalStep {
  name: string;
  kind: 'categorical';
  /** Levels with at least `minFrequency` training rows; their one-hot columns come first. */
  levels: string[];
}

export type PreprocessStep = NumericalStep | CategoricalStep;

export interface PreprocessOptions {
  /**
   * A level gets its own one-hot column when it occurs in at least this many training rows
   * (default 5, sklearn OneHotEncoder's `min_frequency` as a count); rarer levels share "other".
   */
  minFrequency?: number;
}

/** A fitted preprocessing: numerical steps first (their order is the matrix order), then categoricals. */
export interface Preprocessing {
  numerical: NumericalStep[];
  categorical: CategoricalStep[];
  minFrequency: number;
}

/** Binary L2-regularised logistic regression on the preprocessed matrix. */
export interface LogisticModel {
  family: 'logistic';
  /** Trainer version, written into the ONNX metadata. */
  trainerVersion: string;
  preprocessing: Preprocessing;
  /** The two label classes as text, [negative, positive]. */
  classes: [string, string];
  /**
   * Coefficients in matrix column order: numerical columns, then for each categorical its levels'
   * columns followed by its "other" column.
   */
  coef: number[];
  intercept: number;
  /** Inverse regularisation strength, sklearn's C. */
  C: number;
  iterations: number;
  converged: boolean;
}

export interface FitProgress {
  phase: 'preprocess' | 'fit';
  /** Newton iterations done so far (0 during preprocessing). */
  iteration: number;
  /** Largest absolute gradient entry after this iteration (NaN during preprocessing). */
  gradientMax: number;
}

export interface FitHooks {
  onProgress?: (p: FitProgress) => void;
  signal?: AbortSignal;
}
