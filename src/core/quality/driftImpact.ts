/**
 * Drift that matters: each feature's drift score weighted by how much the model's predictions depend
 * on it, so a drifted feature the model ignores ranks below a smaller drift on a feature it relies on.
 *
 * Importance is permutation importance on the reference (Breiman 2001; scikit-learn's
 * permutation_importance with a label-free score): at most `maxRows` reference rows (seeded sample),
 * scored as they are and again with one feature's values shuffled across the rows (seeded); the
 * importance is the mean over rows of the total variation distance between the two predicted class
 * distributions (half the sum of |p - p'| over classes), or, without probabilities, the share of rows
 * whose predicted class changed. It needs labels nowhere, so it works on any reference.
 */
import type { ModelRunner } from '../model/runner.ts';
import { scoreTable, type Predictions, type ScoreOptions } from '../model/scoreTable.ts';
import type { ParsedColumn, ParsedTable } from '../table/types.ts';
import type { DriftImpactStats, FeatureStats } from '../report/types.ts';
import { mulberry32 } from '../samples/mulberry32.ts';
import { sampleRows, shuffled } from './sampleRows.ts';

export interface DriftImpactOptions extends ScoreOptions {
  maxRows: number;
  seed: number;
}

export async function driftImpact(
  runner: ModelRunner,
  reference: ParsedTable,
  stats: readonly FeatureStats[],
  opts: DriftImpactOptions,
): Promise<DriftImpactStats> {
  const random = mulberry32(opts.seed);
  const rows = sampleRows(reference.rows, opts.maxRows, random);
  const sub = takeRows(reference, rows);
  const base = await scoreTable(runner, sub, opts);
  const features: DriftImpactStats['features'] = [];
  for (const s of stats) {
    const at = sub.columns.findIndex((c) => c.name === s.name);
    if (at < 0) continue;
    const order = shuffled(rows.length, random);
    const permuted: ParsedTable = { ...sub, columns: sub.columns.map((c, i) => (i === at ? permuteColumn(c, order) : c)) };
    const importance = change(base, await scoreTable(runner, permuted, opts));
    const score = s.drift_score ?? 0;
    features.push({ name: s.name, drift_score: s.drift_score, importance, weighted: score * importance });
  }
  features.sort((a, b) => b.weighted - a.weighted || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    method: base.proba
      ? 'permutation: mean total variation change of predicted probabilities'
      : 'permutation: share of changed predictions',
    rows: rows.length,
    sampled: rows.length < reference.rows,
    max_rows: opts.maxRows,
    seed: opts.seed,
    features,
  };
}

function change(a: Predictions, b: Predictions): number {
  const n = a.predicted.length;
  if (n === 0) return 0;
  if (a.proba && b.proba) {
    const k = a.classes.length;
    let sum = 0;
    for (let i = 0; i < n * k; i++) sum += Math.abs(a.proba[i] - b.proba[i]);
    return sum / 2 / n;
  }
  let changed = 0;
  for (let i = 0; i < n; i++) if (a.predicted[i] !== b.predicted[i]) changed++;
  return changed / n;
}

/** The table restricted to `rows`, every column's cells kept as read (dictionaries shared). */
function takeRows(t: ParsedTable, rows: Int32Array): ParsedTable {
  return { ...t, rows: rows.length, columns: t.columns.map((c) => permuteColumn(c, rows)) };
}

/** Column whose row i is row order[i] of `c`. */
function permuteColumn(c: ParsedColumn, order: Int32Array): ParsedColumn {
  return {
    ...c,
    values: c.values === null ? null : Float64Array.from(order, (r) => c.values![r]),
    codes: c.codes ? Int32Array.from(order, (r) => c.codes![r]) : null,
  };
}

/** The scoring options analysePerformance uses (same inputs, same exclusions), with drift_impact's sample settings. */
export function driftImpactOptions(
  config: {
    data: { label_column: string | null; prediction_column: string | null; probability_column: string | null };
    columns: { drop: string[] };
    model: { features: string[] | null };
    drift_impact: { max_rows: number; seed: number };
  },
  file: string,
): DriftImpactOptions {
  const { label_column, prediction_column, probability_column } = config.data;
  const exclude = [label_column, prediction_column, probability_column, ...config.columns.drop].filter((x): x is string => x !== null);
  return { file, features: config.model.features, exclude, maxRows: config.drift_impact.max_rows, seed: config.drift_impact.seed };
}
