/**
 * Parses CSV (and Parquet) files off the main thread (parseCsv in this module worker: papaparse, or the wasm byte
 * reader, see BYTE_READER_ONE_PIECE) and hands the columns over as transferred buffers: back to the caller
 * (`parse`), or straight to another worker through a MessagePort (`parseTo`, `parsePartTo`), so a
 * table never passes through the main thread (whose heap would then count its hundreds of MB and
 * collect garbage for them). A large file is parsed in parts, one worker each (`planParts`, then
 * `parsePartTo` per part; the analysis worker merges them, see receiveTable.ts).
 */
import * as Comlink from 'comlink';
import { parseCsv } from '../core/table/parseCsv.ts';
import type { ParsedTable } from '../core/table/types.ts';
import type { ParquetCellTap } from '../core/table/parquet/readParquet.ts';
import type { Config } from '../core/config/types.ts';
import { tableBuffers } from '../core/table/tableBuffers.ts';
import { blobBuffer, isParquetBlob } from '../core/table/parquet/blobBuffer.ts';
import { readParquetTable } from '../core/table/parquet/readParquet.ts';
import { csvReaderInstance } from '../kernels/loadCsvReader.ts';
import { parseTablePart, readCsvHead, splitOffsets, type CsvHead, type TablePart } from '../core/table/tableParts.ts';
import { runMark } from './runMarks.ts';
import { rowDuplicates } from '../core/quality/rowDuplicates.ts';
import { plansAlone } from '../core/quality/typeChanges.ts';
import { tableFacts } from '../core/table/columnFacts.ts';
import type { PlanColumnsConfig } from '../core/table/planColumns.ts';
import type { PostedTable } from './receiveTable.ts';
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

/** What `parseTo` tells its caller once the table is on its way: the facts, not the columns. */
export interface ParsedFacts {
  rows: number;
  columns: number;
}

/** Where a file's parts start and end (bytes), and what later parts need to know of its head. */
export interface PartsPlan {
  head: CsvHead;
  /** Part k is bytes [offsets[k], offsets[k + 1]) (the last one runs to the end of the file). */
  offsets: number[];
}

/** Progress callbacks are throttled to this interval: each one is a message to the main thread. */
const PROGRESS_EVERY_MS = 100;
/** Bytes of a file's head read for its header, delimiter and decimal marks (tableParts.readCsvHead). */
const HEAD_BYTES = 1 << 20;
/** Bytes read around a split target to find the next line start. */
const WINDOW_BYTES = 64 << 10;

function throttled(onProgress?: (bytesRead: number) => void): (bytesRead: number) => void {
  let last = 0;
  return (bytesRead) => {
    const now = performance.now();
    if (!onProgress || now - last < PROGRESS_EVERY_MS) return;
    last = now;
    void onProgress(bytesRead);
  };
}

/** Bytes of a Blob handed to the byte reader at a time (File.slice): a Blob's own stream comes in ~64 KiB pieces. */
const BLOCK_BYTES = 4 << 20;

/** The Blob's bytes in blocks of BLOCK_BYTES (the byte reader reads them ~3x faster than Blob.stream()'s pieces). */
async function* blocksOf(data: Blob): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.size; at += BLOCK_BYTES) yield await bytesOf(data, at, at + BLOCK_BYTES);
}

/**
 * Whether a file read in one piece goes through the wasm byte reader (else papaparse). It was off while
 * a 1M-distinct text column (the bench pair's timestamps) made the reader slower than papaparse and the
 * tab ~550 MB larger: a dictionary entry and a string per distinct text. A column past the dictionary
 * limit is now hashed in wasm (csvBytes.ts, wasm/csv/parseBlock.ts TAG_HASHED), as ColumnBuilder keeps
 * no text for it anyway. Parts (parsePartTo) always use it: tableParts parses bytes with it.
 */
export const BYTE_READER_ONE_PIECE = true;

async function parseInput(
  input: Blob | string,
  request: ParseRequest,
  onProgress?: (bytesRead: number) => void,
  cellTap?: ParquetCellTap,
): Promise<ParsedTable> {
  const options = { ...request, onProgress: throttled(onProgress), ...(cellTap !== undefined ? { cellTap } : {}) };
  // A Parquet file (told by its first bytes or its name) is read by ranges of the File, row group by row group.
  if (typeof input !== 'string' && (await isParquetBlob(input, request.file))) return readParquetTable(blobBuffer(input), options);
  if (typeof input === 'string' || !BYTE_READER_ONE_PIECE) return parseCsv(input, options);
  // The wasm byte reader reads the file unless it declines; papaparse then reads it again from the start.
  return parseCsv(blocksOf(input), { ...options, byteReader: csvReaderInstance, reopen: () => input, sizeHint: input.size });
}

async function bytesOf(data: Blob, start: number, end: number): Promise<Uint8Array> {
  return new Uint8Array(await data.slice(start, end).arrayBuffer());
}

const api = {
  async parse(input: Blob | string, request: ParseRequest, onProgress?: (bytesRead: number) => void): Promise<ParsedTable> {
    const table = await parseInput(input, request, onProgress);
    return Comlink.transfer(table, tableBuffers(table));
  },

  /**
   * Parses `input` and posts the table on `port` (a PostedTable, its buffers transferred; see
   * receiveTable), then closes the port. With `prepare` (the run's typing settings, analyse.ts planConfig)
   * the file's duplicate rows are counted and its columns typed alone (the type changes) here first, when
   * its number formats are settled (resolveNumberFormats changes only an undecided column): each file's
   * on its own core, as the CLI's table workers do, rather than both after each other in the analysis worker.
   * A parse error rejects this call (the caller fails the run); nothing is posted.
   */
  async parseTo(
    input: Blob | string,
    request: ParseRequest,
    port: MessagePort,
    onProgress?: (bytesRead: number) => void,
    prepare: PlanColumnsConfig | null = null,
  ): Promise<ParsedFacts> {
    try {
      runMark(`parse ${request.file}`, true);
      const table = await parseInput(input, request, onProgress);
      runMark(`parsed ${request.file}`);
      const settled = table.columns.every((c) => c.numberFormat === undefined || c.numberFormat.decimal !== null);
      const posted: PostedTable =
        prepare !== null && settled
          ? { table, duplicates: rowDuplicates(table), plansAlone: plansAlone(tableFacts(table), prepare) }
          : { table };
      runMark(`prepared ${request.file}`);
      port.postMessage(posted, tableBuffers(table));
      runMark(`posted ${request.file}`);
      return { rows: table.rows, columns: table.columns.length };
    } finally {
      port.close();
    }
  },

  /**
   * Where `data` splits into up to `parts` parts at line starts (tableParts.splitOffsets), from its
   * head and a small window at each target; null when it is to be parsed in one piece (the head is not
   * one the byte reader takes, or the file is too short to split).
   */
  async planParts(data: Blob, request: ParseRequest, parts: number): Promise<PartsPlan | null> {
    if (await isParquetBlob(data, request.file)) return null;
    const head = await readCsvHead(await bytesOf(data, 0, HEAD_BYTES), { ...request }, await csvReaderInstance());
    if (head === null) return null;
    const offsets = await splitOffsets(data.size, parts, (at) => bytesOf(data, at, at + WINDOW_BYTES), head.dataStart);
    return offsets.length > 1 ? { head, offsets } : null;
  },

  /**
   * Parses part `index` of `plan` (its bytes only) and posts it on `port` (a TablePart, or null when the
   * byte reader declined it: the analysis worker then parses the file in one piece), then closes it.
   */
  async parsePartTo(
    data: Blob,
    request: ParseRequest,
    plan: PartsPlan,
    index: number,
    port: MessagePort,
    onProgress?: (bytesRead: number) => void,
  ): Promise<boolean> {
    try {
      const end = index + 1 < plan.offsets.length ? plan.offsets[index + 1] : data.size;
      const bytes = await bytesOf(data, plan.offsets[index], end);
      const progress = throttled(onProgress);
      const part: TablePart | null = await parseTablePart(
        bytes,
        { ...request, onProgress: progress },
        { index, head: plan.head },
        await csvReaderInstance(),
      );
      onProgress?.(bytes.length);
      port.postMessage(part, part ? tableBuffers(part.table) : []);
      return part !== null;
    } finally {
      port.close();
    }
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
  const cellTap: ParquetCellTap = {
    column: timestamps.column,
    add: (row: number, raw: string) => column.add(row, raw),
    addTime: (row: number, ms: number, instant: boolean) => column.addTime(row, ms, instant),
  };
  // A Parquet file's column is read typed (TIMESTAMP, DATE) or as text (readParquet `cellTap`), see parseInput.
  const table = await parseInput(input, request, onProgress, cellTap);
  const values = column.finish(table.rows);
  return Comlink.transfer({ table, timestamps: values }, [...tableBuffers(table), values.local.buffer]);
}

export type ParseWorkerApi = typeof api;
Comlink.expose(api);
