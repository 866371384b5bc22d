/**
 * worker_threads entry: parses one half of a production CSV with its timestamp tap
 * (readWindowsProduction.ts runWindowPartHere) and posts the table and timestamps back, their
 * typed-array buffers transferred (not copied).
 */
import { workerData } from 'node:worker_threads';
import { answerJob } from './workerJob.ts';
import { trace } from './threadTrace.ts';
import { runWindowPartHere, windowPartBuffers, type WindowPartJob } from './readWindowsProduction.ts';

trace('part worker start');
await answerJob(async () => {
  const result = await runWindowPartHere(workerData as WindowPartJob);
  trace('part parsed');
  return result;
}, windowPartBuffers);
trace('part posted');
