/**
 * worker_threads entry: profiles one part of a split CSV (profileCsvPart) and posts the result back.
 * Used by readCsvProfile so the parts of a large file are profiled on all cores.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isInputError } from '../core/errors.ts';
import type { ProfileCsvOptions } from '../core/profile/profileCsv.ts';
import { profileCsvPart, toTransfer, transferables } from './profileCsvPart.ts';
import type { CsvPart } from './planCsvSplit.ts';

const { path, part, opts } = workerData as { path: string; part: CsvPart; opts: ProfileCsvOptions };
try {
  const result = await profileCsvPart(path, part, opts);
  const message = toTransfer(result);
  parentPort!.postMessage({ ok: true, result: message }, transferables(message));
} catch (e) {
  parentPort!.postMessage({ ok: false, inputError: isInputError(e), message: (e as Error)?.message ?? String(e) });
}
