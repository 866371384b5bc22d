/**
 * Table workers (tableWorker.ts) started as the CLI process starts, before its own modules load: a
 * worker thread's start (its isolate, its modules, the CSV reader's wasm) then overlaps the main
 * thread's, instead of following it, and the files' parse begins that much earlier. readTables takes
 * them when it reads a pair in one worker per file; a run that takes none (another kind of run, an
 * error) leaves them idle and unreferenced, so they never keep the process alive.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const TABLE_WORKER_URL = new URL('./tableWorker.js', import.meta.url);
const started: Worker[] = [];

/** Flags after which a run of two tables in one worker per file is not certain (or not the run at all). */
const OTHER_RUNS = new Set([
  '-c',
  '--config',
  '--stream',
  '--engine',
  '--window-column',
  '--window-every',
  '-h',
  '--help',
  '-V',
  '--version',
]);

/**
 * Starts the two table workers when `argv` (the CLI's arguments) is a run of one reference and one
 * production file with this machine's core count read in one worker per file (readTablesForAnalysis);
 * anything else (a subcommand, a config file that may ask for windows, a profile, a folder) starts none.
 */
export function prestartTableWorkers(argv: readonly string[]): void {
  if (!import.meta.url.endsWith('.js') || !existsSync(fileURLToPath(TABLE_WORKER_URL))) return;
  if (!wantsPrestart(argv, availableParallelism())) return;
  for (let i = 0; i < 2; i++) {
    const worker = new Worker(TABLE_WORKER_URL, { workerData: { path: null, opts: null } });
    worker.unref();
    // A worker that failed or ended before it was taken is not handed out (readTables starts its own).
    const drop = () => {
      const i = started.indexOf(worker);
      if (i >= 0) started.splice(i, 1);
    };
    worker.on('error', drop);
    worker.once('exit', drop);
    started.push(worker);
  }
}

/** Whether prestartTableWorkers starts the workers for these CLI arguments on `cores` cores. */
export function wantsPrestart(argv: readonly string[], cores: number): boolean {
  // readTablesForAnalysis reads in parts with 4+ cores, and on one core keeps everything on this thread.
  if (cores < 2 || cores >= 4) return false;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (OTHER_RUNS.has(a) || a.startsWith('--reference=') || a.startsWith('--production=')) return false;
    if (a === '-r' || a === '--reference') files.push(argv[++i] ?? '');
    else if (a === '-p' || a === '--production') {
      files.push(argv[++i] ?? '');
      // Several production files are windows.
      if (i + 1 < argv.length && !argv[i + 1].startsWith('-')) return false;
    } else if (!a.startsWith('-') && (i === 0 || !argv[i - 1].startsWith('-'))) return false; // a subcommand or a stray argument
  }
  return files.length === 2 && files.every(plainFile);
}

/** A regular file that is not a profile (a profile reference is compared without reading a table). */
function plainFile(path: string): boolean {
  if (path === '' || path.endsWith('.profile')) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** One of the prestarted workers (kept referenced from now on: the caller ends it), or undefined. */
export function takePrestarted(): Worker | undefined {
  const worker = started.shift();
  if (worker === undefined) return undefined;
  worker.removeAllListeners('error');
  worker.removeAllListeners('exit');
  worker.ref();
  return worker;
}
