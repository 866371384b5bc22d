import { errorFromAnswer, runJobInWorker } from './workerJob.ts';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParsedTable } from '../core/table/types.ts';
import type { Config } from '../core/config/types.ts';
import { readCsvFile } from './readCsvFile.ts';
import { canRunPartWorkers, readCsvFileInParts, runPartInWorker } from './readCsvParts.ts';
import type { PrecomputedStats } from '../core/analyse.ts';
import type { PlanColumnsConfig } from '../core/table/planColumns.ts';
import type { ColumnHelper, KnownFacts } from './analyseOnHelpers.ts';
import type { ColumnJobResult } from '../core/columnJobs.ts';
import type { ReadRequest, TableMessage } from './tableWorker.ts';
import { takePrestarted } from './prestartedWorkers.ts';

export interface ReadOptions {
  delimiter: 'auto' | ',' | ';' | '\t';
  missingValues: string[];
  /** `data.encoding`, `data.decimal`, `data.thousands` (default 'auto'). */
  encoding?: Config['data']['encoding'];
  decimal?: Config['data']['decimal'];
  thousands?: Config['data']['thousands'];
  /** Header names not to parse (see columnsToSkip). */
  skipColumns?: readonly string[];
  /** Read with papaparse only, not the wasm byte reader (default false; for comparisons and tests). */
  papaparseOnly?: boolean;
}

// Compiled (lib/) builds parse each file in its own worker thread; from TypeScript sources (tests run
// through vitest) the worker file is not runnable JavaScript, so parsing stays on this thread.
const WORKER_URL = new URL('./parseWorker.js', import.meta.url);
const canUseWorkers = import.meta.url.endsWith('.js') && existsSync(fileURLToPath(WORKER_URL));

/** Read the reference and production files (paths or already parsed tables), in parallel when possible. */
export async function readTables(
  reference: string | ParsedTable,
  production: string | ParsedTable,
  opts: ReadOptions,
): Promise<[ParsedTable, ParsedTable]> {
  const both = typeof reference === 'string' && typeof production === 'string';
  // With 4+ cores each file is read in parts on its own workers (readCsvParts.ts), else one worker per file.
  const parts = Math.floor(availableParallelism() / 2);
  const inParts = async (src: string) =>
    (opts.papaparseOnly !== true && parts >= 2 && canRunPartWorkers ? await readCsvFileInParts(src, opts, parts, runPartInWorker) : null) ??
    readInWorker(src, opts);
  const read = (src: string | ParsedTable) =>
    typeof src !== 'string' ? Promise.resolve(src) : both && canUseWorkers ? inParts(src) : readCsvFile(src, opts);
  return Promise.all([read(reference), read(production)]);
}

/** Two tables read for a run, with the threads kept to share its tests (analyseOnHelpers). */
export interface TablesForAnalysis {
  tables: [ParsedTable, ParsedTable];
  /**
   * Each file's duplicate rows and columns typed alone, and what typing learnt of its columns
   * (ColumnFactsCache), when its reading thread computed them (tableWorker.ts).
   */
  known: Required<Pick<PrecomputedStats, 'duplicates' | 'plansAlone'>> & Required<KnownFacts>;
  /** Threads ready for column jobs: as many as there are other cores (none from TypeScript sources). */
  helpers: ColumnHelper[];
  /** Ends the helper threads; call once the analysis is done. */
  close(): void;
}

const TABLE_WORKER_URL = new URL('./tableWorker.js', import.meta.url);
const canUseTableWorkers = import.meta.url.endsWith('.js') && existsSync(fileURLToPath(TABLE_WORKER_URL));

/**
 * readTables for a run's analysis: with one worker per file (fewer than 4 cores), the file's worker
 * counts its duplicate rows after parsing and one of them stays for column jobs; with parts (4+ cores)
 * new threads wait for the column jobs, one per other core.
 */
export async function readTablesForAnalysis(
  reference: string | ParsedTable,
  production: string | ParsedTable,
  opts: ReadOptions,
  typing?: PlanColumnsConfig,
): Promise<TablesForAnalysis> {
  const cores = availableParallelism();
  const wanted = canUseTableWorkers && opts.papaparseOnly !== true ? Math.min(cores - 1, 3) : 0;
  const workers: Worker[] = [];
  const close = () => {
    for (const w of workers.splice(0)) void w.terminate();
  };
  const both = typeof reference === 'string' && typeof production === 'string';
  const parts = Math.floor(cores / 2);
  try {
    if (wanted > 0 && both && (parts < 2 || !canRunPartWorkers)) {
      const read = (path: string) => {
        const prestarted = takePrestarted();
        const worker = prestarted ?? new Worker(TABLE_WORKER_URL, { workerData: { path, opts, typing } });
        workers.push(worker);
        const table = tableFromWorker(worker);
        if (prestarted !== undefined) worker.postMessage({ read: { path, opts, typing } } satisfies ReadRequest);
        return table;
      };
      const [r, p] = await Promise.all([read(reference), read(production)]);
      // One thread per core: the reference's worker stays (this thread is the other).
      while (workers.length > wanted) void workers.pop()!.terminate();
      // An idle helper does not keep the process alive (a run that fails before close() still ends).
      for (const w of workers) w.unref();
      return {
        tables: [r.table, p.table],
        known: { duplicates: [r.duplicates, p.duplicates], plansAlone: [r.plansAlone, p.plansAlone], facts: [r.facts, p.facts] },
        helpers: workers.map(workerHelper),
        close,
      };
    }
    for (let i = 0; i < wanted; i++) {
      const worker = new Worker(TABLE_WORKER_URL, { workerData: { path: null, opts } });
      worker.unref();
      workers.push(worker);
    }
    const tables = await readTables(reference, production, opts);
    return {
      tables,
      known: { duplicates: [undefined, undefined], plansAlone: [undefined, undefined], facts: [undefined, undefined] },
      helpers: workers.map(workerHelper),
      close,
    };
  } catch (e) {
    close();
    throw e;
  }
}

function tableFromWorker(worker: Worker): Promise<Extract<TableMessage, { ok: true }>> {
  return new Promise((resolve, reject) => {
    worker.once('message', (m: TableMessage) => {
      if (m.ok) resolve(m);
      else reject(errorFromAnswer(m));
    });
    worker.once('error', reject);
  });
}

/** Column jobs on a table worker, one at a time (analyseOnHelpers sends each helper one job). */
function workerHelper(worker: Worker): ColumnHelper {
  return {
    run: (job, transfer) =>
      new Promise((resolve, reject) => {
        const onError = (e: Error) => {
          worker.unref();
          reject(e);
        };
        worker.ref();
        worker.once('error', onError);
        worker.once('message', (m: ColumnJobResult) => {
          worker.off('error', onError);
          worker.unref();
          resolve(m);
        });
        try {
          worker.postMessage(job, transfer);
        } catch (e) {
          // Not sent (a value that cannot be cloned): nothing moved, the columns stay here.
          worker.removeAllListeners('message');
          worker.off('error', onError);
          worker.unref();
          resolve({ ref: job.ref, prod: job.prod, results: { error: (e as Error)?.message ?? String(e) } });
        }
      }),
  };
}

function readInWorker(path: string, opts: ReadOptions): Promise<ParsedTable> {
  return runJobInWorker(WORKER_URL, { path, opts });
}
