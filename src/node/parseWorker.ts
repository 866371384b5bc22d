/**
 * worker_threads entry: parses one CSV file and posts the ParsedTable back with its typed-array
 * buffers transferred (not copied). Used by readTables() so the two files parse on two cores.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isInputError } from '../core/errors.ts';
import { readCsvFile } from './readCsvFile.ts';
import { tableBuffers } from '../core/table/tableBuffers.ts';
import type { ReadOptions } from './readTables.ts';

const { path, opts } = workerData as { path: string; opts: ReadOptions };
try {
  const table = await readCsvFile(path, opts);
  parentPort!.postMessage({ ok: true, table }, tableBuffers(table));
} catch (e) {
  parentPort!.postMessage({ ok: false, inputError: isInputError(e), message: (e as Error)?.message ?? String(e) });
}
