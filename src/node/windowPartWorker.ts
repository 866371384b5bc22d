/**
 * worker_threads entry: parses one half of a production CSV with its timestamp tap
 * (readWindowsProduction.ts runWindowPartHere) and posts the table and timestamps back, their
 * typed-array buffers transferred (not copied).
 */
import { trace } from './threadTrace.ts';
import { parentPort, workerData } from 'node:worker_threads';
import { runWindowPartHere, windowPartBuffers, type WindowPartJob } from './readWindowsProduction.ts';

trace('part worker start');
try {
  const result = await runWindowPartHere(workerData as WindowPartJob);
  trace('part parsed');
  parentPort!.postMessage({ ok: true, result }, windowPartBuffers(result));
  trace('part posted');
} catch (e) {
  parentPort!.postMessage({ ok: false, message: (e as Error)?.message ?? String(e) });
}
