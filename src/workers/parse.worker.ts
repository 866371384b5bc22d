/**
 * Parses one CSV (or Parquet) file off the main thread (papaparse runs inside parseCsv, in this module worker) and
 * hands the columns back as transferred buffers. One worker per file, so both files parse in parallel.
 */
import * as Comlink from 'comlink';
import { parseCsv } from '../core/table/parseCsv.ts';
import type { ParsedTable } from '../core/table/types.ts';
import type { Config } from '../core/config/types.ts';
import { tableBuffers } from '../core/table/tableBuffers.ts';
import { blobBuffer, isParquetBlob } from '../core/table/parquet/blobBuffer.ts';
import { readParquetTable } from '../core/table/parquet/readParquet.ts';

export interface ParseRequest {
  file: string;
  delimiter: Config['data']['delimiter'];
  missingValues: string[];
  encoding: Config['data']['encoding'];
  decimal: Config['data']['decimal'];
  thousands: Config['data']['thousands'];
  /** Header names not to parse (columns.drop, see columnsToSkip). */
  skipColumns?: string[];
}

/** Progress callbacks are throttled to this interval: each one is a message to the main thread. */
const PROGRESS_EVERY_MS = 100;

const api = {
  async parse(input: Blob | string, request: ParseRequest, onProgress?: (bytesRead: number) => void): Promise<ParsedTable> {
    let last = 0;
    const progress = (bytesRead: number) => {
      const now = performance.now();
      if (!onProgress || now - last < PROGRESS_EVERY_MS) return;
      last = now;
      void onProgress(bytesRead);
    };
    // A Parquet file (told by its first bytes or its name) is read by ranges of the File, row group by row group.
    const table =
      typeof input !== 'string' && (await isParquetBlob(input, request.file))
        ? await readParquetTable(blobBuffer(input), { ...request, onProgress: progress })
        : await parseCsv(input, { ...request, onProgress: progress });
    return Comlink.transfer(table, tableBuffers(table));
  },
};

export type ParseWorkerApi = typeof api;
Comlink.expose(api);
