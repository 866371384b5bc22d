/**
 * worker_threads entry: parses one part of a CSV file (readCsvParts.ts runPartHere) and posts the
 * TablePart back with its typed-array buffers transferred (not copied).
 */
import { workerData } from 'node:worker_threads';
import { answerJob } from './workerJob.ts';
import { partBuffers, runPartHere, type PartJob } from './readCsvParts.ts';

await answerJob(() => runPartHere(workerData as PartJob), partBuffers);
