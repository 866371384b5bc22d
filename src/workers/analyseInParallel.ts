/**
 * analyse (src/core/analyse.ts) with the per-column statistics spread over helper workers
 * (columns.worker.ts, one per core): the pair is typed here, then the tested features are handed out
 * one at a time, the costliest first, each to whichever helper is free; a helper gets a feature's two
 * columns moved to it (buffers transferred, not copied) and moves them back with the statistics. This
 * worker only hands out and collects: when it computed features too, a helper that finished waited
 * for this worker's feature (100-300 ms) before it got its next one. A helper is kept one feature ahead,
 * so it does not wait for the round trip either. The statistics are computed by the functions analyse
 * runs (src/core/columnJobs.ts), so the analysis is the one analyse gives alone; a helper's error makes this
 * worker run analyse itself, which raises it as a one-thread run would.
 */
import type { Config } from '../core/config/types.ts';
import type { FeatureStats, OutOfRange } from '../core/report/types.ts';
import type { ColumnPlan, ParsedTable } from '../core/table/types.ts';
import type { StatKernels } from '../core/stattests/kernels.ts';
import { analyse, typePair, type Analysis, type PrecomputedStats } from '../core/analyse.ts';
import { runMark } from './runMarks.ts';
import { columnBuffers, columnResults, movableColumns, restoreColumns, type ColumnJob, type ColumnJobResult } from '../core/columnJobs.ts';

/**
 * Relative cost of a feature's statistics: a numerical one sorts both samples and runs up to eight
 * tests (60-120 ms per million-row pair on the bench machine), a categorical one counts codes (5-10 ms).
 */
const NUMERICAL_COST = 8;
const CATEGORICAL_COST = 1;
/** Features sent to a helper before its first answer: one to work on, one waiting. */
const AHEAD = 2;

export async function analyseInParallel(
  reference: ParsedTable,
  production: ParsedTable,
  config: Config,
  kernels: StatKernels,
  helpers: readonly MessagePort[],
  known: Pick<PrecomputedStats, 'duplicates' | 'plansAlone'> = {},
): Promise<Analysis> {
  const typed = typePair(reference, production, config);
  runMark('typed');
  if (helpers.length === 0) return analyse(reference, production, config, kernels, undefined, typed, known);
  const refCols = new Map(reference.columns.map((c) => [c.name, c]));
  const prodCols = new Map(production.columns.map((c) => [c.name, c]));
  const cost = (p: ColumnPlan) => (p.role === 'numerical' ? NUMERICAL_COST : CATEGORICAL_COST);
  const queue = typed.plans
    .filter((p) => p.role !== 'skipped' && refCols.has(p.name) && prodCols.has(p.name))
    .sort((a, b) => cost(b) - cost(a));
  const movable = movableColumns([reference, production]);
  const canMove = (p: ColumnPlan) => movable.has(refCols.get(p.name)!) && movable.has(prodCols.get(p.name)!);
  const job = (plan: ColumnPlan): ColumnJob => ({
    config,
    refRows: reference.rows,
    prodRows: production.rows,
    plans: [plan],
    ref: [refCols.get(plan.name)!],
    prod: [prodCols.get(plan.name)!],
  });

  const featureStats = new Map<string, FeatureStats>();
  const outOfRange = new Map<string, OutOfRange>();
  let failed = false;
  const keep = (results: ColumnJobResult['results']) => {
    if ('error' in results) {
      failed = true;
      return;
    }
    for (const s of results.stats) featureStats.set(s.name, s);
    for (const o of results.outOfRange) if (o !== null) outOfRange.set(o.name, o);
  };
  /** The next feature a helper can take (its columns can move), removed from the queue. */
  const nextMovable = () => {
    if (failed) return null;
    const i = queue.findIndex(canMove);
    return i < 0 ? null : queue.splice(i, 1)[0];
  };

  const lanes = helpers.map((port) => helperLane(port, nextMovable, job, keep));
  // What no helper can take (columns over shared buffers) is computed here, while the helpers work.
  for (const plan of queue.filter((p) => !canMove(p))) {
    queue.splice(queue.indexOf(plan), 1);
    try {
      keep(columnResults(job(plan), kernels));
    } catch {
      failed = true;
    }
  }
  await Promise.all(lanes);
  runMark('helpers done');
  if (failed) return analyse(reference, production, config, kernels, undefined, typed, known);
  return analyse(reference, production, config, kernels, undefined, typed, { ...known, featureStats, outOfRange });
}

/**
 * One helper's lane: keeps up to AHEAD features on its port, each answered with its columns (given back
 * to the tables' column objects) and results; ends when the queue has nothing it can take.
 */
function helperLane(
  port: MessagePort,
  next: () => ColumnPlan | null,
  job: (plan: ColumnPlan) => ColumnJob,
  keep: (results: ColumnJobResult['results']) => void,
): Promise<void> {
  return new Promise((resolve) => {
    const sent: ColumnJob[] = [];
    const send = () => {
      const plan = next();
      if (plan === null) return false;
      const j = job(plan);
      runMark(`sent ${plan.name}`);
      sent.push(j);
      port.postMessage(j, [...columnBuffers(j.ref), ...columnBuffers(j.prod)]);
      return true;
    };
    port.onmessage = (e: MessageEvent<ColumnJobResult>) => {
      const j = sent.shift()!;
      restoreColumns(j.ref, e.data.ref);
      restoreColumns(j.prod, e.data.prod);
      keep(e.data.results);
      send();
      if (sent.length === 0) {
        port.onmessage = null;
        resolve();
      }
    };
    for (let i = 0; i < AHEAD; i++) send();
    if (sent.length === 0) resolve();
  });
}
