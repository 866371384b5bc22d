/**
 * Parses one CSV file off the main thread (papaparse runs inside parseCsv, in this module worker) and
 * hands the columns over as transferred buffers: back to the caller (`parse`), or straight to another
 * worker through a MessagePort (`parseTo`), so a table never passes through the main thread (whose heap
 * would then count its hundreds of MB and collect garbage for them). One worker per file, so both
 * files parse in parallel.
 */
import * as Comlink from 'comlink';
import { parseCsv } from '../core/table/parseCsv.ts';
import type { ParsedTable } from '../core/table/types.ts';
import type { Config } from '../core/config/types.ts';
import { tableBuffers } from '../core/table/tableBuffers.ts';

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

/** What `parseTo` tells its caller once the table is on its way: the facts, not the columns. */
export interface ParsedFacts {
  rows: number;
  columns: number;
}

/** Progress callbacks are throttled to this interval: each one is a message to the main thread. */
const PROGRESS_EVERY_MS = 100;

function parseInput(input: Blob | string, request: ParseRequest, onProgress?: (bytesRead: number) => void): Promise<ParsedTable> {
  let last = 0;
  return parseCsv(input, {
    ...request,
    onProgress: (bytesRead) => {
      const now = performance.now();
      if (!onProgress || now - last < PROGRESS_EVERY_MS) return;
      last = now;
      void onProgress(bytesRead);
    },
  });
}

const api = {
  async parse(input: Blob | string, request: ParseRequest, onProgress?: (bytesRead: number) => void): Promise<ParsedTable> {
    const table = await parseInput(input, request, onProgress);
    return Comlink.transfer(table, tableBuffers(table));
  },

  /**
   * Parses `input` and posts the table on `port` (its buffers transferred; see receiveTable), then
   * closes the port. A parse error rejects this call (the caller fails the run); nothing is posted.
   */
  async parseTo(
    input: Blob | string,
    request: ParseRequest,
    port: MessagePort,
    onProgress?: (bytesRead: number) => void,
  ): Promise<ParsedFacts> {
    try {
      const table = await parseInput(input, request, onProgress);
      port.postMessage(table, tableBuffers(table));
      return { rows: table.rows, columns: table.columns.length };
    } finally {
      port.close();
    }
  },
};

export type ParseWorkerApi = typeof api;
Comlink.expose(api);
