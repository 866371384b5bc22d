/**
 * Multivariate drift by a domain classifier: gradient-boosted trees (train/gbt, the retraining
 * trainer) learn to tell reference rows (0) from production rows (1). If they cannot, the two files
 * look alike jointly, not just feature by feature; an AUC well above 0.5 means some combination of
 * features moved, even when every marginal distribution is unchanged.
 *
 * - At most `maxRows` rows per file, drawn without replacement by a seeded generator (mulberry32).
 * - Stratified k-fold cross-validation (k = 5, seeded): every sampled row is scored by the model that
 *   did not see it, and the AUC is computed once over these out-of-fold scores (scores of different
 *   fold models pooled, as scikit-learn's cross_val_predict does).
 * - 95% interval: DeLong's variance of that AUC (delongInterval.ts), deterministic.
 * - Feature importance: the share of all tree splits (over every fold's model) made on the feature
 *   (split count; the trainer does not keep split gains).
 */
import { alignCategories } from '../table/categories.ts';
import { numberAt } from '../table/numericValues.ts';
import type { ColumnPlan, ParsedTable } from '../table/types.ts';
import type { FeatureInput } from '../train/types.ts';
import { fitPreprocessing } from '../train/fitPreprocessing.ts';
import { binFeatures } from '../train/gbt/binFeatures.ts';
import { DEFAULT_GBT_PARAMS, fitGradientBoosting } from '../train/gbt/fitGradientBoosting.ts';
import { sampleRows, shuffled } from './sampleRows.ts';
import { predictGbtRaw } from '../train/gbt/predictGbt.ts';
import type { GbtModel, GbtParams } from '../train/gbt/types.ts';
import { rocAuc } from '../metrics/rocAuc.ts';
import { mulberry32 } from '../samples/mulberry32.ts';
import { delongInterval } from './delongInterval.ts';
import type { DomainClassifierStats } from '../report/types.ts';

export const DOMAIN_FOLDS = 5;
/** Fewer, shallower trees than retraining's defaults: the question is "separable or not", and the time is bounded. */
export const DOMAIN_GBT_PARAMS: GbtParams = { ...DEFAULT_GBT_PARAMS, nEstimators: 50, maxDepth: 3, minSamplesLeaf: 20 };
/** Fewest rows per file for the classifier to run (each fold needs both files in training and test). */
const MIN_ROWS = 2 * DOMAIN_FOLDS;
const TOP_FEATURES = 10;

export interface DomainOptions {
  maxRows: number;
  seed: number;
}

export async function domainClassifier(
  ref: ParsedTable,
  prod: ParsedTable,
  plans: readonly ColumnPlan[],
  opts: DomainOptions,
): Promise<DomainClassifierStats> {
  const t0 = globalThis.performance?.now() ?? Date.now();
  const features = plans.filter((p) => p.role !== 'skipped');
  const base = {
    folds: DOMAIN_FOLDS,
    max_rows: opts.maxRows,
    seed: opts.seed,
    rows: { reference: Math.min(ref.rows, opts.maxRows), production: Math.min(prod.rows, opts.maxRows) },
    sampled: ref.rows > opts.maxRows || prod.rows > opts.maxRows,
    importance: 'split_count' as const,
  };
  if (features.length === 0 || ref.rows < MIN_ROWS || prod.rows < MIN_ROWS) {
    return {
      ...base,
      auc: null,
      auc_ci: null,
      top_features: [],
      note: features.length === 0 ? 'no feature to classify on' : `needs at least ${MIN_ROWS} rows in each file`,
      ms: 0,
    };
  }
  const random = mulberry32(opts.seed);
  const refRows = sampleRows(ref.rows, opts.maxRows, random);
  const prodRows = sampleRows(prod.rows, opts.maxRows, random);
  const inputs = sampledInputs(ref, prod, features, refRows, prodRows);
  const n = refRows.length + prodRows.length;
  const y = new Uint8Array(n);
  y.fill(1, refRows.length);
  const fold = stratifiedFolds(refRows.length, prodRows.length, DOMAIN_FOLDS, random);
  const scores = new Float64Array(n);
  const splits = new Map<string, number>();
  for (let k = 0; k < DOMAIN_FOLDS; k++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < n; i++) (fold[i] === k ? test : train).push(i);
    const trainRows = Int32Array.from(train);
    const testRows = Int32Array.from(test);
    const pre = fitPreprocessing(inputs, trainRows);
    const gbtFeatures = { numerical: pre.numerical.map((s) => s.name), categorical: pre.categorical, minFrequency: pre.minFrequency };
    const binned = binFeatures(gbtFeatures, inputs, trainRows, DOMAIN_GBT_PARAMS.maxBins);
    const fit = await fitGradientBoosting(
      binned,
      Uint8Array.from(train, (i) => y[i]),
      DOMAIN_GBT_PARAMS,
    );
    const model: GbtModel = {
      family: 'gradient_boosting',
      trainerVersion: 'domain',
      features: gbtFeatures,
      classes: ['reference', 'production'],
      baseScore: fit.baseScore,
      trees: fit.trees,
      params: DOMAIN_GBT_PARAMS,
    };
    const raw = predictGbtRaw(model, inputs, testRows);
    testRows.forEach((row, i) => (scores[row] = raw[i]));
    countSplits(model, splits);
  }
  const auc = rocAuc(y, scores);
  const ci = delongInterval(y, scores);
  const total = [...splits.values()].reduce((a, b) => a + b, 0);
  const top_features = [...splits.entries()]
    .map(([name, count]) => ({ name, importance: total ? count / total : 0 }))
    .sort((a, b) => b.importance - a.importance || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, TOP_FEATURES);
  return {
    ...base,
    rows: { reference: refRows.length, production: prodRows.length },
    auc,
    auc_ci: ci ? [ci.lower, ci.upper] : null,
    top_features,
    note: null,
    ms: (globalThis.performance?.now() ?? Date.now()) - t0,
  };
}

/** Fold of each stacked row (reference rows first): each file's rows shuffled, then dealt round-robin. */
function stratifiedFolds(nRef: number, nProd: number, k: number, random: () => number): Int32Array {
  const fold = new Int32Array(nRef + nProd);
  for (const [start, count] of [
    [0, nRef],
    [nRef, nProd],
  ]) {
    shuffled(count, random).forEach((row, i) => (fold[start + row] = i % k));
  }
  return fold;
}

/** The planned features of the sampled rows, stacked: the reference's sampled rows, then production's. */
function sampledInputs(
  ref: ParsedTable,
  prod: ParsedTable,
  plans: readonly ColumnPlan[],
  refRows: Int32Array,
  prodRows: Int32Array,
): FeatureInput[] {
  const col = (t: ParsedTable, name: string) => t.columns.find((c) => c.name === name)!;
  const nRef = refRows.length;
  return plans.map((plan): FeatureInput => {
    const r = col(ref, plan.name);
    const p = col(prod, plan.name);
    if (plan.role === 'numerical') {
      const values = new Float64Array(nRef + prodRows.length);
      refRows.forEach((row, i) => (values[i] = numberAt(r, row)));
      prodRows.forEach((row, i) => (values[nRef + i] = numberAt(p, row)));
      return { name: plan.name, kind: 'numerical', values };
    }
    const aligned = alignCategories(r, p);
    const codes = new Int32Array(nRef + prodRows.length);
    refRows.forEach((row, i) => (codes[i] = aligned.refCodes[row]));
    prodRows.forEach((row, i) => (codes[nRef + i] = aligned.prodCodes[row]));
    return { name: plan.name, kind: 'categorical', categories: aligned.categories, codes };
  });
}

/** Adds each tree split to its feature: a numerical matrix column, or the categorical whose one-hot block holds the column. */
function countSplits(model: GbtModel, splits: Map<string, number>): void {
  const { numerical, categorical } = model.features;
  const owner: string[] = [...numerical];
  for (const step of categorical) for (let l = 0; l <= step.levels.length; l++) owner.push(step.name);
  for (const tree of model.trees) {
    for (const f of tree.feature) if (f >= 0) splits.set(owner[f], (splits.get(owner[f]) ?? 0) + 1);
  }
}

export const PROFILE_DOMAIN_NOTE = 'domain classifier: not available from a profile (it needs rows)';

/**
 * Sets analysis.domainClassifier when domain_classifier.enabled: from the two tables, or, when a side
 * is a profile (null here), the figures' place with the reason they are absent.
 */
export async function addDomainClassifier(
  analysis: { plans: ColumnPlan[]; domainClassifier?: DomainClassifierStats },
  ref: ParsedTable | null,
  prod: ParsedTable | null,
  config: { domain_classifier: { enabled: boolean; max_rows: number; seed: number } },
): Promise<void> {
  const c = config.domain_classifier;
  if (!c.enabled) return;
  if (ref === null || prod === null) {
    analysis.domainClassifier = {
      folds: DOMAIN_FOLDS,
      max_rows: c.max_rows,
      seed: c.seed,
      rows: { reference: 0, production: 0 },
      sampled: false,
      auc: null,
      auc_ci: null,
      importance: 'split_count',
      top_features: [],
      note: PROFILE_DOMAIN_NOTE,
      ms: 0,
    };
    return;
  }
  analysis.domainClassifier = await domainClassifier(ref, prod, analysis.plans, { maxRows: c.max_rows, seed: c.seed });
}
