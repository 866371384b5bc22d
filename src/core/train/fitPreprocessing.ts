import { median } from './median.ts';
import type { CategoricalStep, FeatureInput, NumericalStep, PreprocessOptions, Preprocessing } from './types.ts';

/** Default `minFrequency`: a level needs 5 training rows for its own column (see PreprocessOptions). */
export const DEFAULT_MIN_FREQUENCY = 5;

/** The text of the missing level (empty cells are always missing, so no real level is ""). */
export const MISSING_LEVEL = '';

/**
 * Fits the preprocessing on the training rows only, as sklearn would with
 * `SimpleImputer(strategy="median")` + `StandardScaler()` on numericals and
 * `OneHotEncoder(min_frequency=k, handle_unknown="infrequent_if_exist")` on categoricals (with
 * missing values as the level "", and the infrequent column always present, last).
 *
 * - numerical: median of the non-missing training values (0 when there are none), the mean and
 *   population standard deviation (ddof 0) of the imputed values; a zero deviation gives scale 1.
 * - categorical: levels with at least `minFrequency` training rows, in the column's category order
 *   (sorted, see alignCategories), then "" when missing values are that frequent.
 *
 * Numerical steps keep the order of `inputs`, categoricals likewise; the matrix puts all numerical
 * columns first.
 */
export function fitPreprocessing(inputs: FeatureInput[], rows: Int32Array, options: PreprocessOptions = {}): Preprocessing {
  const minFrequency = options.minFrequency ?? DEFAULT_MIN_FREQUENCY;
  const numerical: NumericalStep[] = [];
  const categorical: CategoricalStep[] = [];
  for (const input of inputs) {
    if (input.kind === 'numerical') numerical.push(fitNumerical(input.name, input.values, rows));
    else categorical.push(fitCategorical(input.name, input.categories, input.codes, rows, minFrequency));
  }
  return { numerical, categorical, minFrequency };
}

function fitNumerical(name: string, values: Float64Array, rows: Int32Array): NumericalStep {
  const med = median(values, rows);
  const fill = med === med ? med : 0;
  const n = rows.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[rows[i]];
    sum += v === v ? v : fill;
  }
  const mean = n > 0 ? sum / n : 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const v = values[rows[i]];
    const d = (v === v ? v : fill) - mean;
    squares += d * d;
  }
  const std = n > 0 ? Math.sqrt(squares / n) : 0;
  return { name, kind: 'numerical', median: fill, mean, scale: std > 0 ? std : 1 };
}

function fitCategorical(name: string, categories: string[], codes: Int32Array, rows: Int32Array, minFrequency: number): CategoricalStep {
  const counts = new Float64Array(categories.length);
  let missing = 0;
  for (let i = 0; i < rows.length; i++) {
    const c = codes[rows[i]];
    if (c < 0) missing++;
    else counts[c]++;
  }
  const levels = categories.filter((_, i) => counts[i] >= minFrequency);
  if (missing >= minFrequency) levels.push(MISSING_LEVEL);
  return { name, kind: 'categorical', levels };
}
