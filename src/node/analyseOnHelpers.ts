/**
 * analyse (src/core/analyse.ts) with the per-column statistics shared between this thread and helper
 * threads: typing runs here, then each helper gets a share of the tested features (both files'
 * columns moved to it, not copied) while this thread computes its own share, and analyse assembles
 * the results. The shares are computed by the functions analyse runs, so the analysis is the one
 * analyse gives on its own; any error falls back to analyse on this thread, which raises it as a
 * one-thread run would.
 */
import type { Config } from '../core/config/types.ts';
import type { ColumnPlan, ParsedTable } from '../core/table/types.ts';
import type { ColumnFactsCache } from '../core/table/columnFacts.ts';
import type { StatKernels } from '../core/stattests/kernels.ts';
import { analyse, typePair, type Analysis, type PrecomputedStats } from '../core/analyse.ts';
import { trace } from './threadTrace.ts';
import {
  columnBuffers,
  columnResults,
  featureCost,
  pairJobs,
  precomputed,
  restoreColumns,
  runColumnJob,
  type ColumnJob,
  type ColumnJobResult,
  type ColumnResults,
} from '../core/columnJobs.ts';

/** What typing learnt of each file's settled columns on the thread that read it (ColumnFactsCache per column). */
export interface KnownFacts {
  facts?: readonly [readonly ColumnFactsCache[] | undefined, readonly ColumnFactsCache[] | undefined];
}

/** A thread that runs column jobs (tableWorker.ts), or this thread (inThreadHelper). */
export interface ColumnHelper {
  run(job: ColumnJob, transfer: ArrayBuffer[]): Promise<ColumnJobResult>;
}

export async function analyseOnHelpers(
  reference: ParsedTable,
  production: ParsedTable,
  config: Config,
  kernels: StatKernels,
  helpers: readonly ColumnHelper[],
  known: Pick<PrecomputedStats, 'duplicates' | 'plansAlone'> & KnownFacts = {},
): Promise<{ analysis: Analysis; threads: number }> {
  trace('tables received');
  const typed = typePair(reference, production, config, known.facts);
  trace('typed');
  const plain = () => ({ analysis: analyse(reference, production, config, kernels, undefined, typed, known), threads: 1 });
  if (helpers.length === 0) return plain();
  const { tested, canMove, job } = pairJobs(reference, production, config, typed.plans);
  const shares = shareOut(tested, helpers.length + 1, canMove);
  const running = helpers.map((helper, i) => {
    if (shares[i + 1].length === 0) return null;
    const j = job(shares[i + 1]);
    return { job: j, reply: helper.run(j, [...columnBuffers(j.ref), ...columnBuffers(j.prod)]) };
  });
  let failed = false;
  const results: ColumnResults[] = [];
  const mine = job(shares[0]);
  try {
    results.push(columnResults(mine, kernels));
    trace('own share done');
  } catch {
    failed = true;
  }
  for (const r of running) {
    if (r === null) continue;
    const back = await r.reply;
    // The columns come back as new objects over the moved buffers: the tables' (and the typing facts')
    // column objects take their arrays again.
    restoreColumns(r.job.ref, back.ref);
    restoreColumns(r.job.prod, back.prod);
    if ('error' in back.results) failed = true;
    else results.push(back.results);
  }
  trace('helpers done');
  if (failed) return plain();
  const analysis = analyse(reference, production, config, kernels, undefined, typed, { ...known, ...precomputed(results) });
  trace('analysis assembled');
  return { analysis, threads: results.length };
}

/**
 * Shares of the plans, [0] for this thread, by longest processing time first (each feature to the
 * least loaded thread, ties to this one). A feature whose columns cannot move stays here.
 */
function shareOut(plans: readonly ColumnPlan[], threads: number, canMove: (plan: ColumnPlan) => boolean): ColumnPlan[][] {
  const shares: ColumnPlan[][] = Array.from({ length: threads }, () => []);
  const loads = new Array<number>(threads).fill(0);
  const byCost = [...plans].sort((a, b) => featureCost(b) - featureCost(a));
  for (const plan of byCost) {
    let to = 0;
    if (canMove(plan)) {
      for (let i = 1; i < threads; i++) if (loads[i] < loads[to]) to = i;
    }
    shares[to].push(plan);
    loads[to] += featureCost(plan);
  }
  // In plan order within each share, so each thread meets its features as analyse would.
  const order = new Map(plans.map((p, i) => [p, i]));
  for (const s of shares) s.sort((a, b) => order.get(a)! - order.get(b)!);
  return shares;
}

/**
 * A helper on this thread: the job is structured-cloned with its buffers transferred, as postMessage
 * does between threads (the sender's arrays are emptied), and the result comes back the same way.
 * For tests of analyseOnHelpers, and where no worker thread can run.
 */
export function inThreadHelper(kernels: StatKernels): ColumnHelper {
  return {
    run: async (job, transfer) => {
      const moved = structuredClone(job, { transfer });
      const back = runColumnJob(moved, kernels);
      return structuredClone(back, { transfer: [...columnBuffers(back.ref), ...columnBuffers(back.prod)] });
    },
  };
}
