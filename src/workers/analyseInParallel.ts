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
import type { ColumnPlan, ParsedTable } from '../core/table/types.ts';
import type { StatKernels } from '../core/stattests/kernels.ts';
import { analyse, typePair, type Analysis, type PrecomputedStats } from '../core/analyse.ts';
import { runMark } from './runMarks.ts';
import {
  columnBuffers,
  columnResults,
  featureCost,
  pairJobs,
  precomputed,
  restoreColumns,
  type ColumnJob,
  type ColumnJobResult,
  type ColumnResults,
} from '../core/columnJobs.ts';

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
  const { tested, canMove, job: jobOf } = pairJobs(reference, production, config, typed.plans);
  const queue = tested.sort((a, b) => featureCost(b) - featureCost(a));
  const job = (plan: ColumnPlan) => jobOf([plan]);
  const results: ColumnResults[] = [];
  let failed = false;
  const keep = (r: ColumnJobResult['results']) => {
    if ('error' in r) failed = true;
    else results.push(r);
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
  return analyse(reference, production, config, kernels, undefined, typed, { ...known, ...precomputed(results) });
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
