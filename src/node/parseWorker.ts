/**
 * worker_threads entry: parses one CSV file and posts the ParsedTable back with its typed-array
 * buffers transferred (not copied). Used by readTables() so the two files parse on two cores.
 */
import { workerData } from 'node:worker_threads';
import { tableBuffers } from '../core/table/tableBuffers.ts';
import { answerJob } from './workerJob.ts';
import { readCsvFile } from './readCsvFile.ts';
import type { ReadOptions } from './readTables.ts';

const { path, opts } = workerData as { path: string; opts: ReadOptions };
await answerJob(() => readCsvFile(path, opts), tableBuffers);
