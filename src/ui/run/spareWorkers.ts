/**
 * Workers started while the page is idle after it loads, for the first Run to take: a worker's start
 * (its script evaluated, its wasm compiled: ~50 ms of CPU each) would otherwise come right after the
 * "Run analysis" click, five at once on the cores that are to parse. They are not replaced after a run:
 * a page with results starts no worker of its own accord (the tests check that a threshold change starts
 * none), so later runs start theirs at the click as before. A spare that failed to load is not handed
 * out (a new worker is).
 */
export type WorkerKind = 'parse' | 'analysis' | 'columns';

const start: Record<WorkerKind, (name: string) => Worker> = {
  parse: (name) => new Worker(new URL('../../workers/parse.worker.ts', import.meta.url), { type: 'module', name }),
  analysis: (name) => new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module', name }),
  columns: (name) => new Worker(new URL('../../workers/columns.worker.ts', import.meta.url), { type: 'module', name }),
};

interface Spare {
  worker: Worker;
  failed: boolean;
}

const spares: Record<WorkerKind, Spare[]> = { parse: [], analysis: [], columns: [] };
/** How many of each a run on `cores` cores takes at its start (two files, one parse worker each). */
let wanted: Record<WorkerKind, number> = { parse: 0, analysis: 0, columns: 0 };

/** A worker of `kind`: a spare one when there is one, else a new one named `name`. */
export function takeWorker(kind: WorkerKind, name: string): Worker {
  for (let spare = spares[kind].pop(); spare !== undefined; spare = spares[kind].pop()) {
    if (!spare.failed) return spare.worker;
    spare.worker.terminate();
  }
  return start[kind](name);
}

/** Column helpers a run starts on `cores` cores (analyseInParallel.ts): one per core, none on one core, at most four. */
export function columnHelperCount(cores: number): number {
  return cores > 1 ? Math.min(MAX_COLUMN_HELPERS, cores) : 0;
}
const MAX_COLUMN_HELPERS = 4;

/**
 * Starts the workers a run on `cores` cores begins with (two parse workers, the analysis worker, the
 * column helpers) that are not spare yet, when the page is next idle.
 */
export function keepSpareWorkers(cores: number): void {
  wanted = { parse: 2, analysis: 1, columns: columnHelperCount(cores) };
  whenIdle(fill);
}

function fill(): void {
  for (const kind of Object.keys(wanted) as WorkerKind[]) {
    while (spares[kind].length < wanted[kind]) {
      const spare: Spare = { worker: start[kind](`${kind} (spare)`), failed: false };
      spare.worker.addEventListener('error', (e) => {
        e.preventDefault();
        spare.failed = true;
      });
      spares[kind].push(spare);
    }
  }
}

function whenIdle(f: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(f, { timeout: 3000 });
  else setTimeout(f, 200);
}
