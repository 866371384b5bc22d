/**
 * worker_threads entry: parses one part of a CSV file (readCsvParts.ts runPartHere) and posts the
 * TablePart back with its typed-array buffers transferred (not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { partBuffers, runPartHere, type PartJob } from './readCsvParts.ts';

try {
  const part = await runPartHere(workerData as PartJob);
  parentPort!.postMessage({ ok: true, part }, partBuffers(part));
} catch (e) {
  parentPort!.postMessage({ ok: false, message: (e as Error)?.message ?? String(e) });
}
