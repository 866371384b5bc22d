/**
 * Parses one CSV file off the main thread (papaparse runs inside parseCsv, in this module worker) and
 * hands the columns back as transferred buffers. One worker per file, so both files parse in parallel.
 */
import * as Comlink from 'comlink';
import { parseCsv } from '../core/table/parseCsv.ts';
import type { ParsedTable } from '../core/table/types.ts';
import type { Config } from '../core/config/types.ts';
import { tableBuffers } from '../core/table/tableBuffers.ts';
import { TimestampColumn, type TimestampValues } from '../core/windows/timestampColumn.ts';

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
    const table = await parseCsv(input, {
      ...request,
      onProgress: (bytesRead) => {
        const now = performance.now();
        if (!onProgress || now - last < PROGRESS_EVERY_MS) return;
        last = now;
        void onProgress(bytesRead);
      },
    });
    return Comlink.transfer(table, tableBuffers(table));
  },
  parseWithTimestamps,
};

/**
 * A production file with the windows' timestamp column: parsed as parse() does, with every row's
 * timestamp cell read as it passes (TimestampColumn, in `timezone`) into local milliseconds, whether or
 * not the column is kept as a feature. The table and the timestamps come back transferred.
 */
async function parseWithTimestamps(
  input: Blob | string,
  request: ParseRequest,
  timestamps: { column: string; timezone: string },
  onProgress?: (bytesRead: number) => void,
): Promise<{ table: ParsedTable; timestamps: TimestampValues }> {
  const column = new TimestampColumn(timestamps.timezone, request.missingValues);
  let last = 0;
  const table = await parseCsv(input, {
    ...request,
    cellTap: { column: timestamps.column, add: (row, raw) => column.add(row, raw) },
    onProgress: (bytesRead) => {
      const now = performance.now();
      if (!onProgress || now - last < PROGRESS_EVERY_MS) return;
      last = now;
      void onProgress(bytesRead);
    },
  });
  const values = column.finish(table.rows);
  return Comlink.transfer({ table, timestamps: values }, [...tableBuffers(table), values.local.buffer]);
}

export type ParseWorkerApi = typeof api;
Comlink.expose(api);
