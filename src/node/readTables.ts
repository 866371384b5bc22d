import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParsedTable } from '../core/table/types.ts';
import type { Config } from '../core/config/types.ts';
import { InputError } from '../core/errors.ts';
import { readCsvFile } from './readCsvFile.ts';
import { canRunPartWorkers, readCsvFileInParts, runPartInWorker } from './readCsvParts.ts';

export interface ReadOptions {
  delimiter: 'auto' | ',' | ';' | '\t';
  missingValues: string[];
  /** `data.encoding`, `data.decimal`, `data.thousands` (default 'auto'). */
  encoding?: Config['data']['encoding'];
  decimal?: Config['data']['decimal'];
  thousands?: Config['data']['thousands'];
  /** Header names not to parse (see columnsToSkip). */
  skipColumns?: readonly string[];
  /** Read with papaparse only, not the wasm byte reader (default false; for comparisons and tests). */
  papaparseOnly?: boolean;
}

// Compiled (lib/) builds parse each file in its own worker thread; from TypeScript sources (tests run
// through vitest) the worker file is not runnable JavaScript, so parsing stays on this thread.
const WORKER_URL = new URL('./parseWorker.js', import.meta.url);
const canUseWorkers = import.meta.url.endsWith('.js') && existsSync(fileURLToPath(WORKER_URL));

/** Read the reference and production files (paths or already parsed tables), in parallel when possible. */
export async function readTables(
  reference: string | ParsedTable,
  production: string | ParsedTable,
  opts: ReadOptions,
): Promise<[ParsedTable, ParsedTable]> {
  const both = typeof reference === 'string' && typeof production === 'string';
  // With 4+ cores each file is read in parts on its own workers (readCsvParts.ts), else one worker per file.
  const parts = Math.floor(availableParallelism() / 2);
  const inParts = async (src: string) =>
    (opts.papaparseOnly !== true && parts >= 2 && canRunPartWorkers ? await readCsvFileInParts(src, opts, parts, runPartInWorker) : null) ??
    readInWorker(src, opts);
  const read = (src: string | ParsedTable) =>
    typeof src !== 'string' ? Promise.resolve(src) : both && canUseWorkers ? inParts(src) : readCsvFile(src, opts);
  return Promise.all([read(reference), read(production)]);
}

function readInWorker(path: string, opts: ReadOptions): Promise<ParsedTable> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { path, opts } });
    worker.once('message', (m: { ok: true; table: ParsedTable } | { ok: false; inputError: boolean; message: string }) => {
      void worker.terminate();
      if (m.ok) resolve(m.table);
      else reject(m.inputError ? new InputError(m.message) : new Error(m.message));
    });
    worker.once('error', reject);
  });
}
