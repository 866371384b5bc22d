/**
 * worker_threads entry that reads one file and then stays to run column jobs (src/core/columnJobs.ts): it
 * posts the ParsedTable back with its typed-array buffers transferred (not copied), with the file's
 * duplicate rows when they can be counted before the pair is settled; then each message is a column
 * job, answered with its columns (moved back) and their statistics. Without a path it only runs jobs;
 * without a path or options it waits for its file in a ReadRequest (prestartedWorkers.ts).
 * Used by readTables so the two files parse on two cores and the tests run on both.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { errorAnswer, type ErrorAnswer } from './workerJob.ts';
import { readCsvFile } from './readCsvFile.ts';
import { tableBuffers } from '../core/table/tableBuffers.ts';
import { rowDuplicates } from '../core/quality/rowDuplicates.ts';
import type { ColumnPlan, ParsedTable } from '../core/table/types.ts';
import { distinctCap, type PlanColumnsConfig } from '../core/table/planColumns.ts';
import { columnFactsCaches, tableFacts, type ColumnFactsCache } from '../core/table/columnFacts.ts';
import { plansAlone } from '../core/quality/typeChanges.ts';
import type { ReadOptions } from './readTables.ts';
import type { ColumnJob } from '../core/columnJobs.ts';
import { trace } from './threadTrace.ts';

trace('table worker start');

const start = workerData as { path: string | null; opts: ReadOptions | null; typing?: PlanColumnsConfig };

// The statistics code (another module graph, not needed for reading) loads once the table is parsed
// (for the duplicate count's sort), not while both cores parse.
let jobs:
  | Promise<[typeof import('../core/columnJobs.ts'), Awaited<ReturnType<typeof import('../kernels/loadKernels.ts').loadKernels>>]>
  | undefined;
const loadJobs = () =>
  (jobs ??= Promise.all([import('../core/columnJobs.ts'), import('../kernels/loadKernels.ts').then((k) => k.loadKernels())]));
parentPort!.on('message', (message: ColumnJob | ReadRequest) => {
  // A worker started before its file was known (prestartedWorkers.ts) gets it as its first message.
  if ('read' in message) {
    void readAndPost(message.read.path, message.read.opts, message.read.typing);
    return;
  }
  trace('job received');
  void loadJobs().then(([{ runColumnJob, columnBuffers }, kernels]) => {
    trace('job modules loaded');
    const back = runColumnJob(message, kernels);
    trace('job done');
    parentPort!.postMessage(back, [...columnBuffers(back.ref), ...columnBuffers(back.prod)]);
  });
});

if (start.path !== null) void readAndPost(start.path, start.opts!, start.typing);
else if (start.opts !== null) void loadJobs();

/** Reads the file and posts its table (TableMessage), then loads the column jobs' code. */
async function readAndPost(path: string, opts: ReadOptions, typing: PlanColumnsConfig | undefined): Promise<void> {
  try {
    const table = await readCsvFile(path, opts);
    trace('parsed');
    // resolveNumberFormats (analyse) changes only columns whose decimal mark is undecided; a table
    // without one is final here, and its duplicates and columns typed alone are the analysis's.
    const settled = table.columns.every((c) => c.numberFormat === undefined || c.numberFormat.decimal !== null);
    // The keys of the duplicate count sorted by the wasm kernels' radix sort.
    const kernels = await loadJobs().then(([, k]) => k);
    trace('kernels loaded');
    const duplicates = settled ? rowDuplicates(table, (keys) => kernels.sortedWithoutNaN(keys)) : undefined;
    trace('duplicates');
    // What typing the file alone learns from passes over the values, per column, goes with the table:
    // the main thread types the pair without those passes.
    const caches = settled && typing !== undefined ? columnFactsCaches(table, distinctCap(typing)) : undefined;
    const plans = caches !== undefined ? alone(table, typing!, caches) : undefined;
    trace('typed alone');
    const message: TableMessage = { ok: true, table, duplicates, plansAlone: plans, facts: caches };
    parentPort!.postMessage(message, tableBuffers(table));
    trace('table posted');
  } catch (e) {
    parentPort!.postMessage(errorAnswer(e));
  }
}

/** The file to read, sent to a worker started without one (prestartedWorkers.ts). */
export interface ReadRequest {
  read: { path: string; opts: ReadOptions; typing?: PlanColumnsConfig };
}

/** The file's columns typed alone (the type changes), or undefined where that fails: the analysis types them again. */
function alone(table: ParsedTable, typing: PlanColumnsConfig, caches: ColumnFactsCache[]): ColumnPlan[] | undefined {
  try {
    return plansAlone(tableFacts(table, caches), typing);
  } catch {
    return undefined;
  }
}

export type TableMessage =
  | {
      ok: true;
      table: ParsedTable;
      duplicates: ReturnType<typeof rowDuplicates> | undefined;
      plansAlone: ColumnPlan[] | undefined;
      /** Per column, what typing the file alone learnt (ColumnFactsCache), when the table is settled. */
      facts: ColumnFactsCache[] | undefined;
    }
  | ErrorAnswer;
