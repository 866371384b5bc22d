/**
 * worker_threads entry: profiles one part of a split CSV (profileCsvPart) and posts the result back.
 * Used by readCsvProfile so the parts of a large file are profiled on all cores.
 */
import { workerData } from 'node:worker_threads';
import type { ProfileCsvOptions } from '../core/profile/profileCsv.ts';
import { answerJob } from './workerJob.ts';
import { profileCsvPart, toTransfer, transferables } from './profileCsvPart.ts';
import type { CsvPart } from './planCsvSplit.ts';

const { path, part, opts } = workerData as { path: string; part: CsvPart; opts: ProfileCsvOptions };
await answerJob(async () => toTransfer(await profileCsvPart(path, part, opts)), transferables);
