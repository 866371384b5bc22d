/**
 * The per-column half of analyse (src/core/analyse.ts) as a job that can run on another thread: a
 * share of the tested features, with both files' columns moved in (their buffers transferred, not
 * copied) and moved back out with the statistics. The job runs the same functions analyse runs
 * (featureStats, outOfRangeFromValues), so its results are the ones analyse would compute itself.
 */
import type { Config } from './config/types.ts';
import type { FeatureStats, OutOfRange } from './report/types.ts';
import type { ColumnPlan, ParsedColumn, ParsedTable } from './table/types.ts';
import type { NumericalKernelResult, StatKernels } from './stattests/kernels.ts';
import { featureStats, type PrecomputedStats } from './analyse.ts';
import { outOfRangeFromKernel, outOfRangeFromValues } from './quality/outOfRange.ts';
import { numericValues } from './table/numericValues.ts';
import { testsOfRun } from './stattests/testChoice.ts';

export interface ColumnJob {
  config: Config;
  refRows: number;
  prodRows: number;
  /** Numerical or categorical plans; ref[i] and prod[i] are plans[i]'s columns. */
  plans: ColumnPlan[];
  ref: ParsedColumn[];
  prod: ParsedColumn[];
}

export interface ColumnResults {
  /** One per plan, in the job's order. */
  stats: FeatureStats[];
  /** One per plan: the out-of-range figures of a numerical feature, null for a categorical one. */
  outOfRange: (OutOfRange | null)[];
}

/** The job's columns (to move back) with its results, or the message of the error that stopped it. */
export interface ColumnJobResult {
  ref: ParsedColumn[];
  prod: ParsedColumn[];
  results: ColumnResults | { error: string };
}

/**
 * Relative cost of a feature's statistics: a numerical one sorts both samples and runs up to eight
 * tests (60-120 ms per million-row pair on the bench machine), a categorical one counts codes (5-10 ms).
 */
export function featureCost(plan: ColumnPlan): number {
  return plan.role === 'numerical' ? 8 : 1;
}

/** A pair's features to hand out as column jobs. */
export interface PairJobs {
  /** The tested features both files hold, in plan order. */
  tested: ColumnPlan[];
  /** True when the feature's columns can move to another thread (movableColumns). */
  canMove(plan: ColumnPlan): boolean;
  /** The job of these features (their columns, not copies). */
  job(plans: ColumnPlan[]): ColumnJob;
}

export function pairJobs(reference: ParsedTable, production: ParsedTable, config: Config, plans: readonly ColumnPlan[]): PairJobs {
  const refCols = new Map(reference.columns.map((c) => [c.name, c]));
  const prodCols = new Map(production.columns.map((c) => [c.name, c]));
  const movable = movableColumns([reference, production]);
  return {
    tested: plans.filter((p) => p.role !== 'skipped' && refCols.has(p.name) && prodCols.has(p.name)),
    canMove: (p) => movable.has(refCols.get(p.name)!) && movable.has(prodCols.get(p.name)!),
    job: (ps) => ({
      config,
      refRows: reference.rows,
      prodRows: production.rows,
      plans: ps,
      ref: ps.map((p) => refCols.get(p.name)!),
      prod: ps.map((p) => prodCols.get(p.name)!),
    }),
  };
}

/** The jobs' feature statistics and out-of-range figures by feature name, as analyse takes them computed. */
export function precomputed(results: readonly ColumnResults[]): Required<Pick<PrecomputedStats, 'featureStats' | 'outOfRange'>> {
  const featureStats = new Map<string, FeatureStats>();
  const outOfRange = new Map<string, OutOfRange>();
  for (const r of results) {
    for (const s of r.stats) featureStats.set(s.name, s);
    for (const o of r.outOfRange) if (o !== null) outOfRange.set(o.name, o);
  }
  return { featureStats, outOfRange };
}

/** Runs a job on this thread. An error is returned, not thrown, so the columns still go back. */
export function runColumnJob(job: ColumnJob, kernels: StatKernels): ColumnJobResult {
  try {
    return { ref: job.ref, prod: job.prod, results: columnResults(job, kernels) };
  } catch (e) {
    return { ref: job.ref, prod: job.prod, results: { error: (e as Error)?.message ?? String(e) } };
  }
}

/** The statistics of each plan of the job, as analyse computes them. */
export function columnResults(job: ColumnJob, kernels: StatKernels): ColumnResults {
  const tests = testsOfRun(job.config);
  const stats: FeatureStats[] = [];
  const outOfRange: (OutOfRange | null)[] = [];
  // The numerical kernel's result of the feature at hand: its range gives the out-of-range figures
  // from the sorted samples, without two more passes over the values.
  let last: NumericalKernelResult | null = null;
  const seen: StatKernels = {
    numerical: (ref, prod, bins) => (last = kernels.numerical(ref, prod, bins)),
    countCodes: (codes, k) => kernels.countCodes(codes, k),
  };
  job.plans.forEach((plan, i) => {
    const r = job.ref[i];
    const p = job.prod[i];
    last = null;
    stats.push(featureStats(plan, r, p, job.refRows, job.prodRows, job.config, seen, tests));
    // (Set by the featureStats call through `seen`, which the compiler does not follow.)
    const kernel = last as NumericalKernelResult | null;
    if (plan.role !== 'numerical') outOfRange.push(null);
    else if (kernel?.range !== undefined) outOfRange.push(outOfRangeFromKernel(plan.name, kernel.range, kernel.nProd));
    else outOfRange.push(outOfRangeFromValues(plan.name, numericValues(r), numericValues(p)));
  });
  return { stats, outOfRange };
}

/** The ArrayBuffers behind columns' typed arrays, each once, to transfer. */
export function columnBuffers(columns: readonly ParsedColumn[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const c of columns) {
    if (c.values !== null && c.values.buffer instanceof ArrayBuffer) buffers.add(c.values.buffer);
    if (c.codes !== null && c.codes.buffer instanceof ArrayBuffer) buffers.add(c.codes.buffer);
  }
  return [...buffers];
}

/**
 * The columns whose typed arrays can move to another thread: each over an ArrayBuffer (not shared
 * memory) that no other array of the tables uses (moving it would empty the other array too).
 */
export function movableColumns(tables: readonly ParsedTable[]): Set<ParsedColumn> {
  const uses = new Map<ArrayBufferLike, number>();
  const arrays = (c: ParsedColumn) => [c.values, c.codes].filter((a) => a !== null);
  for (const t of tables) for (const c of t.columns) for (const a of arrays(c)) uses.set(a.buffer, (uses.get(a.buffer) ?? 0) + 1);
  const movable = new Set<ParsedColumn>();
  for (const t of tables) {
    for (const c of t.columns) {
      if (arrays(c).every((a) => a.buffer instanceof ArrayBuffer && uses.get(a.buffer) === 1)) movable.add(c);
    }
  }
  return movable;
}

/** Gives each original column object the arrays of its returned copy. */
export function restoreColumns(originals: readonly ParsedColumn[], returned: readonly ParsedColumn[]): void {
  originals.forEach((c, i) => {
    c.values = returned[i].values;
    c.codes = returned[i].codes;
  });
}
