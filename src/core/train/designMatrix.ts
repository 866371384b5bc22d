import { MISSING_LEVEL } from './fitPreprocessing.ts';
import type { FeatureInput, Preprocessing } from './types.ts';

/**
 * The preprocessed matrix in a sparse-aware layout: a dense row-major block of the standardised
 * numerical columns, and for each categorical the index of the one matrix column that is 1 in
 * that row (one-hot columns are never stored as zeros and ones).
 */
export interface DesignMatrix {
  rows: number;
  /** Numerical columns (k). */
  k: number;
  /** Categorical features (m). */
  m: number;
  /** Total matrix columns: k + sum over categoricals of (levels + 1). */
  columns: number;
  /** rows x k, row-major. */
  numeric: Float64Array;
  /** rows x m, row-major: the matrix column (>= k) holding the 1 for each categorical. */
  hot: Int32Array;
}

/** Column index where each categorical's block starts; the last entry of a block is "other". */
export function categoricalOffsets(prep: Preprocessing): number[] {
  const offsets: number[] = [];
  let at = prep.numerical.length;
  for (const step of prep.categorical) {
    offsets.push(at);
    at += step.levels.length + 1;
  }
  return offsets;
}

/** Matrix column names: numerical names, then `name=level` per level and `name=<other>`. */
export function matrixColumnNames(prep: Preprocessing): string[] {
  const names = prep.numerical.map((s) => s.name);
  for (const s of prep.categorical) {
    for (const level of s.levels) names.push(`${s.name}=${level === MISSING_LEVEL ? '<missing>' : level}`);
    names.push(`${s.name}=<other>`);
  }
  return names;
}

/**
 * Applies a fitted preprocessing to `rows` of `inputs` (looked up by name, so the inputs may come
 * from another table than the training one; categorical levels are matched by text).
 */
export function designMatrix(prep: Preprocessing, inputs: FeatureInput[], rows: Int32Array): DesignMatrix {
  const byName = new Map(inputs.map((f) => [f.name, f]));
  const get = (name: string, kind: FeatureInput['kind']) => {
    const f = byName.get(name);
    if (!f || f.kind !== kind) throw new Error(`designMatrix: no ${kind} input "${name}"`);
    return f;
  };
  const n = rows.length;
  const k = prep.numerical.length;
  const m = prep.categorical.length;
  const numeric = new Float64Array(n * k);
  prep.numerical.forEach((step, j) => {
    const values = (get(step.name, 'numerical') as { values: Float64Array }).values;
    const inv = 1 / step.scale;
    for (let i = 0; i < n; i++) {
      const v = values[rows[i]];
      numeric[i * k + j] = ((v === v ? v : step.median) - step.mean) * inv;
    }
  });
  const offsets = categoricalOffsets(prep);
  const hot = new Int32Array(n * m);
  prep.categorical.forEach((step, j) => {
    const input = get(step.name, 'categorical') as { categories: string[]; codes: Int32Array };
    const position = new Map(step.levels.map((l, i) => [l, i]));
    const other = offsets[j] + step.levels.length;
    const lut = Int32Array.from(input.categories, (c) => {
      const p = position.get(c);
      return p === undefined ? other : offsets[j] + p;
    });
    const missingPos = position.get(MISSING_LEVEL);
    const missing = missingPos === undefined ? other : offsets[j] + missingPos;
    const codes = input.codes;
    for (let i = 0; i < n; i++) {
      const c = codes[rows[i]];
      hot[i * m + j] = c < 0 ? missing : lut[c];
    }
  });
  const columns = k + prep.categorical.reduce((s, c) => s + c.levels.length + 1, 0);
  return { rows: n, k, m, columns, numeric, hot };
}
