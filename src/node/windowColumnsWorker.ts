/**
 * worker_threads entry for windowColumns.ts: profiles its share of the production table's columns
 * (posting them at once), then answers one windows job with those columns' statistics in every window.
 */
import { trace } from './threadTrace.ts';
import { parentPort } from 'node:worker_threads';
import { profileFromTable } from '../core/profile/profileBuilder.ts';
import { testsOfRun } from '../core/stattests/testChoice.ts';
import { windowColumnStats, type WindowIndex } from '../core/windows/windowColumnStats.ts';
import type { FeatureStats } from '../core/report/types.ts';
import { tableBuffers } from '../core/table/tableBuffers.ts';
import { toTransfer, type ColumnWindowsJob, type ColumnWorkerData, type ColumnWorkerMessage } from './windowColumns.ts';

trace('column worker start');
const post = (m: ColumnWorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);
const failed = (e: unknown) => post({ kind: 'error', message: (e as Error)?.message ?? String(e) });

// The table's share comes in the first message (the thread may start before the table is read), the windows job in the second.
parentPort!.once('message', ({ table, profileConfig, windowOf }: ColumnWorkerData) => {
  trace('column worker got table');
  try {
    // The same call as on one thread: the columns' sorted numbers are kept with these column objects for the windows.
    const profile = profileFromTable(table, { config: profileConfig, source: null, keepSortedNumbers: true, windowOf });
    trace('profiled');
    post({ kind: 'profile', columns: profile.columns.map(toTransfer) });
  } catch (e) {
    failed(e);
  }
  parentPort!.once('message', (job: ColumnWindowsJob | null) => windows(table, job, windowOf));
});

/** The windows job's statistics (none without a job), posted with the table's columns transferred back. */
function windows(table: ColumnWorkerData['table'], job: ColumnWindowsJob | null, windowOf: Int32Array | null): void {
  let stats: (FeatureStats[] | null)[] | null = [];
  let message: string | undefined;
  try {
    if (job !== null) {
      const index: WindowIndex = {
        tables: [table],
        offsets: Int32Array.of(0, table.rows),
        windowOf: job.windowOf ?? windowOf!,
        windowRows: job.windowRows,
      };
      const tests = testsOfRun(job.config);
      stats = job.plans.map((plan, i) => windowColumnStats(plan, job.reference[i], job.refRows, index, job.config, tests));
    }
  } catch (e) {
    stats = null;
    message = (e as Error)?.message ?? String(e);
  }
  post({ kind: 'windows', stats, ...(message !== undefined ? { message } : {}), columns: table.columns }, tableBuffers(table));
}
