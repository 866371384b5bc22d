/**
 * Parquet files read into the same columnar tables (ParsedTable) a CSV gives, one row group at a time,
 * through hyparquet (pure JavaScript, so the same code runs in Node and in browser workers) and its
 * decompressors (snappy, gzip, zstd, brotli, lz4). The bytes come from an AsyncBuffer: in Node a file
 * handle read by ranges, in the browser File.slice; only the footer and the column chunks of the row
 * group being read are ever in memory.
 */
import {
  parquetMetadataAsync,
  parquetSchema,
  type AsyncBuffer,
  type ColumnChunk,
  type Compressors,
  type FileMetaData,
  type ParquetParsers,
  type SchemaTree,
} from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { InputError, isInputError } from '../../errors.ts';
import { MissingMarkers } from '../missingMarkers.ts';
import type { ParsedTable } from '../types.ts';
import { isCoded, pageRows, ParquetColumnBuilder, type PageValues } from './ParquetColumnBuilder.ts';
import { parquetColumns, type ParquetColumn, type ParquetValueKind, type UnreadColumn } from './parquetColumns.ts';
import { columnHint } from '../../config/suggestColumn.ts';
import { chunkRange, readFlatColumn } from './readFlatColumn.ts';
import { byteTextsValues, isByteTexts, sliceByteTexts } from './byteTexts.ts';
import { DEFAULT_PARSERS } from 'hyparquet/src/convert.js';

export type { AsyncBuffer } from 'hyparquet';

import { PARQUET_FORMAT, hasParquetMagic } from './parquetFormat.ts';
export { PARQUET_FORMAT, hasParquetExtension, hasParquetMagic } from './parquetFormat.ts';

export interface ReadParquetOptions {
  /** File name for messages. */
  file: string;
  /** data.missing_values: text cells (trimmed) equal to one of these are missing, as in a CSV. */
  missingValues: readonly string[];
  /** Column names not to read (columns.drop), listed in the table's notParsed. */
  skipColumns?: readonly string[];
  /** Told the bytes of the row groups read so far, after each row group. */
  onProgress?: (bytesRead: number) => void;
  signal?: AbortSignal;
  /**
   * Hands every row's cell of one column to the tap (rows 0-based over the file), whether or not the
   * column is read as values (skipColumns): the time windows read their timestamp column so, as from a
   * CSV (TableBuilder `cellTap`). readParquetTable only.
   */
  cellTap?: ParquetCellTap;
}

/**
 * A column's cells for the time windows (windows/timestampColumn.ts): text cells (strings, numbers,
 * booleans) as a CSV's raw cells to `add` ('' when null); TIMESTAMP and DATE cells as milliseconds
 * since 1970 to `addTime`, an `instant` when the Parquet type says UTC-adjusted (a DATE, a
 * timestamp without isAdjustedToUTC, INT96 as pyarrow reads it: wall-clock readings). Without
 * `addTime` they reach `add` as ISO text (with `Z` for an instant).
 */
export interface ParquetCellTap {
  column: string;
  add: (row: number, raw: string) => void;
  addTime?: (row: number, ms: number, instant: boolean) => void;
}

export interface ParquetChunksOptions extends ReadParquetOptions {
  /** Rows per table handed to onTable (row groups are cut into tables of at most this many rows). */
  rowsPerTable: number;
  /** Receives each table (rows numbered from 1 within it; `rowOffset` rows came before it). */
  onTable: (table: ParsedTable, rowOffset: number) => void;
}

/** What a chunked read tells about the whole file. */
export interface ParquetSummary {
  rows: number;
  /** Every top-level column name, in schema order (dropped and skipped ones too). */
  header: string[];
  /** Columns not read as values (nested, unsupported types), with why. */
  unread: UnreadColumn[];
  notParsed: string[];
  warnings: string[];
}

// Dates and timestamps come as numbers (days, milliseconds since 1970) and are written as text by the
// column builder; JSON stays text. Statistics in the footer go through these too.
const PARSERS: Partial<ParquetParsers> = {
  stringFromBytes: (bytes: Uint8Array) => bytes && utf8(bytes),
  timestampFromMilliseconds: (v: bigint) => Number(v),
  timestampFromMicroseconds: (v: bigint) => Number(v) / 1e3,
  timestampFromNanoseconds: (v: bigint) => Number(v) / 1e6,
  dateFromDays: (days: number) => days,
  jsonFromBytes: (bytes: Uint8Array) => bytes && new TextDecoder().decode(bytes),
};

/**
 * The decompressors, with LZ4 answering an empty block itself: a page of nulls only (an all-missing
 * column) compresses to the single token 0x00, which hyparquet-compressors 1.1.2 reads past (it then
 * fails with "lz4 offset out of range 0").
 */
const COMPRESSORS: Compressors = {
  ...compressors,
  LZ4: emptyAware(compressors.LZ4!),
  LZ4_RAW: emptyAware(compressors.LZ4_RAW!),
};

function emptyAware(decompress: (input: Uint8Array, outputLength: number) => Uint8Array) {
  return (input: Uint8Array, outputLength: number) => (outputLength === 0 ? new Uint8Array(0) : decompress(input, outputLength));
}

const UTF8 = new TextDecoder();

/**
 * A cell's UTF-8 bytes as text. Short ASCII cells (ids, codes, timestamps) are built from their bytes
 * directly: a TextDecoder call per cell is a browser binding call, which made a 1M-row string column
 * take seconds in Chromium workers; anything else goes through the decoder (U+FFFD for invalid bytes).
 */
function utf8(bytes: Uint8Array): string {
  const n = bytes.length;
  if (n > 32) return UTF8.decode(bytes);
  for (let i = 0; i < n; i++) if (bytes[i] > 0x7f) return UTF8.decode(bytes);
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

/** PARSERS over hyparquet's defaults (its page decoders take a complete set). */
const ALL_PARSERS: ParquetParsers = { ...DEFAULT_PARSERS, ...PARSERS };

/** A Parquet file as one table (every row group appended). */
export async function readParquetTable(buffer: AsyncBuffer, opts: ReadParquetOptions): Promise<ParsedTable> {
  return guarded(opts.file, async () => {
    const file = await openParquet(buffer, opts);
    const markers = new MissingMarkers(opts.missingValues);
    const tap = opts.cellTap ? tapOf(file, opts.cellTap, opts.file) : null;
    // A tapped column not read as values (skipColumns) is read for the tap alone, last.
    const valueColumns = tap !== null && tap.only ? file.columns.slice(0, -1) : file.columns;
    const builders = valueColumns.map((c) => new ParquetColumnBuilder(c.name, c.kind, Math.min(file.rows, 1 << 20)));
    let before = 0;
    await eachRowGroup(file, opts, async (read, rows) => {
      for (let c = 0; c < file.columns.length; c++) {
        const pages = await read(c);
        if (c < builders.length) for (const page of pages) builders[c].append(page, markers);
        if (tap !== null && c === tap.index) feedTap(tap, pages, before);
      }
      before += rows;
    });
    return {
      file: opts.file,
      rows: file.rows,
      delimiter: PARQUET_FORMAT,
      columns: builders.map((b) => b.finish()),
      warnings: builderWarnings(opts.file, builders),
      ...(file.notParsed.length > 0 ? { notParsed: file.notParsed } : {}),
      ...(file.unread.length > 0 ? { unreadable: file.unread } : {}),
    };
  });
}

/**
 * A Parquet file as consecutive tables of at most `rowsPerTable` rows (memory: one row group and the
 * tables cut from it), for folding into a profile; returns what the file tells as a whole.
 */
export async function readParquetChunks(buffer: AsyncBuffer, opts: ParquetChunksOptions): Promise<ParquetSummary> {
  return guarded(opts.file, async () => {
    const file = await openParquet(buffer, opts);
    const markers = new MissingMarkers(opts.missingValues);
    const per = Math.max(1, Math.floor(opts.rowsPerTable));
    const warnings: string[] = [];
    const infinite = new Map<string, number>();
    let before = 0;
    await eachRowGroup(file, opts, async (read, rows) => {
      const cuts = Math.ceil(rows / per);
      const tables = Array.from({ length: cuts }, (_, k) =>
        file.columns.map((c) => new ParquetColumnBuilder(c.name, c.kind, Math.min(per, rows - k * per))),
      );
      for (let c = 0; c < file.columns.length; c++) {
        const pages = await read(c);
        for (let k = 0; k < cuts; k++) appendRange(tables[k][c], pages, k * per, Math.min(rows, (k + 1) * per), markers);
      }
      for (const [k, builders] of tables.entries()) {
        const table: ParsedTable = {
          file: opts.file,
          rows: Math.min(per, rows - k * per),
          delimiter: PARQUET_FORMAT,
          columns: builders.map((b) => b.finish()),
          warnings: [],
          ...(file.notParsed.length > 0 ? { notParsed: file.notParsed } : {}),
          ...(file.unread.length > 0 ? { unreadable: file.unread } : {}),
        };
        opts.onTable(table, before);
        before += table.rows;
        tallyInfinite(builders, infinite);
      }
    });
    warnings.push(...infiniteWarnings(opts.file, infinite));
    return { rows: file.rows, header: file.header, unread: file.unread, notParsed: file.notParsed, warnings };
  });
}

/** The top-level column names of a Parquet file, from its footer (nested and dropped columns too). */
export async function parquetHeader(buffer: AsyncBuffer, file: string): Promise<string[]> {
  return guarded(file, async () => (await openParquet(buffer, { file, missingValues: [] })).header);
}

interface OpenParquet {
  metadata: FileMetaData;
  rows: number;
  header: string[];
  columns: ParquetColumn[];
  unread: UnreadColumn[];
  notParsed: string[];
  buffer: AsyncBuffer;
  /** Each read column's schema path from the root (for its definition levels). */
  paths: SchemaTree[][];
  schema: SchemaTree;
}

interface Tap {
  tap: ParquetCellTap;
  /** The tapped column's index in OpenParquet.columns. */
  index: number;
  /** Read for the tap alone (a skipped column, appended last). */
  only: boolean;
  kind: ParquetValueKind;
  instant: boolean;
}

/** Where the tapped column is read; an InputError when the file has no such readable column. */
function tapOf(file: OpenParquet, tap: ParquetCellTap, name: string): Tap {
  const index = file.columns.findIndex((c) => c.name === tap.column);
  if (index < 0) {
    const unread = file.unread.find((c) => c.name === tap.column);
    throw new InputError(
      unread
        ? `${name}: windows.column "${tap.column}" cannot be read as timestamps (${unread.reason})`
        : `${name}: windows.column "${tap.column}" is not a column; ${columnHint(tap.column, file.header)}`,
    );
  }
  const kind = file.columns[index].kind;
  const e = file.paths[index][file.paths[index].length - 1].element;
  const logical = e.logical_type;
  const instant = kind === 'timestamp' && (logical?.type === 'TIMESTAMP' ? logical.isAdjustedToUTC : e.type !== 'INT96');
  return { tap, index, only: file.notParsed.includes(tap.column), kind, instant };
}

/** One row group's pages of the tapped column to the tap; `before` rows came before the group. */
function feedTap(t: Tap, pages: PageValues[], before: number): void {
  const { tap, kind, instant } = t;
  const time = kind === 'timestamp' || kind === 'date';
  let row = before;
  for (const page of pages) {
    const n = pageRows(page);
    const coded = isCoded(page) ? page : null;
    const plain = coded === null ? (isByteTexts(page) ? byteTextsValues(page) : (page as ArrayLike<unknown>)) : null;
    for (let i = 0; i < n; i++, row++) {
      let v: unknown;
      if (coded !== null) {
        const k = coded.indices[i];
        v = k >= 0 ? coded.dictionary[k] : null;
      } else v = plain![i];
      if (v === null || v === undefined || (typeof v === 'number' && v !== v)) {
        tap.add(row, '');
        continue;
      }
      if (!time) {
        tap.add(row, typeof v === 'string' ? v : String(v));
        continue;
      }
      const ms = kind === 'date' ? Number(v) * 86_400_000 : Number(v);
      if (tap.addTime) tap.addTime(row, ms, instant);
      else tap.add(row, timeText(ms, instant));
    }
  }
}

/** A typed date/time as a CSV would write it: ISO, with `Z` for an instant (unparsable when out of Date's range). */
function timeText(ms: number, instant: boolean): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(ms);
  const iso = d.toISOString();
  return instant ? iso : iso.slice(0, -1);
}

/** Reads and checks the footer: magic bytes, schema, column names, row counts. */
async function openParquet(buffer: AsyncBuffer, opts: ReadParquetOptions): Promise<OpenParquet> {
  const { file } = opts;
  const size = buffer.byteLength;
  if (size < 12)
    throw new InputError(`${file} is not a Parquet file: it has ${size} bytes, fewer than the 12 of an empty one; give a complete file`);
  const head = new Uint8Array(await buffer.slice(0, 4));
  if (!hasParquetMagic(head))
    throw new InputError(`${file} is not a Parquet file: it does not start with "PAR1"; give a Parquet file, or a CSV with another name`);
  const tail = new Uint8Array(await buffer.slice(size - 8, size));
  if (!hasParquetMagic(tail.subarray(4)))
    throw new InputError(`${file} is not a complete Parquet file: it does not end with "PAR1" (truncated?); copy or export it again`);
  const footer = new DataView(tail.buffer, tail.byteOffset, 8).getUint32(0, true);
  if (footer > size - 12)
    throw new InputError(
      `${file} is a damaged Parquet file: its footer length (${footer} bytes) is larger than the file allows (${size - 12}); copy or export it again`,
    );
  const metadata = await parquetMetadataAsync(buffer, { parsers: PARSERS, geoparquet: false });
  const root = parquetSchema(metadata);
  const header = root.children.map((c) => c.element.name);
  const seen = new Set<string>();
  for (const [i, name] of header.entries()) {
    if (name.trim() === '') throw new InputError(`${file}: column ${i + 1} of the Parquet schema has no name; give every column a name`);
    if (seen.has(name)) throw new InputError(`${file}: column name "${name}" appears twice in the Parquet schema; rename one of them`);
    seen.add(name);
  }
  const skip = new Set(opts.skipColumns ?? []);
  const { columns, unread } = parquetColumns(root);
  const rows = Number(metadata.num_rows);
  const groupRows = metadata.row_groups.reduce((n, g) => n + Number(g.num_rows), 0);
  if (!Number.isSafeInteger(rows) || rows < 0 || groupRows !== rows)
    throw new InputError(
      `${file} is a damaged Parquet file: its footer counts ${String(metadata.num_rows)} rows but its row groups ${groupRows}; copy or export it again`,
    );
  if (rows === 0)
    throw new InputError(`${file} has no data rows: its Parquet schema has ${header.length} columns but no rows; give a file with rows`);
  const read = columns.filter((c) => !skip.has(c.name));
  const tapped =
    opts.cellTap !== undefined && skip.has(opts.cellTap.column) ? columns.find((c) => c.name === opts.cellTap!.column) : undefined;
  if (tapped !== undefined) read.push(tapped);
  return {
    metadata,
    rows,
    header,
    paths: read.map((c) => [root, root.children.find((child) => child.element.name === c.name)!]),
    columns: read,
    unread: unread.filter((c) => !skip.has(c.name)),
    schema: root,
    notParsed: header.filter((n) => skip.has(n)),
    buffer,
  };
}

/**
 * Calls `each` for every row group in order, with a reader of each column's values of that group (page
 * by page, one value per row in all) and the group's rows.
 */
async function eachRowGroup(
  file: OpenParquet,
  opts: ReadParquetOptions,
  each: (read: (column: number) => Promise<PageValues[]>, rows: number) => Promise<void>,
): Promise<void> {
  const names = file.columns.map((c) => c.name);
  let bytes = 0;
  for (const [g, group] of file.metadata.row_groups.entries()) {
    const rows = Number(group.num_rows);
    if (opts.signal?.aborted) throw abortError(opts.file);
    if (rows > 0) {
      const damaged = (e: unknown, c: number) => {
        if (isInputError(e)) return e;
        const detail = e instanceof Error ? e.message : String(e);
        return new InputError(
          `${opts.file} is a damaged or unsupported Parquet file (column "${names[c]}", row group ${g + 1}: ${detail}); copy or export it again, or write it with pyarrow or DuckDB`,
        );
      };
      const fetchChunk = async (c: number): Promise<{ chunk: ColumnChunk; bytes: ArrayBuffer }> => {
        const chunk = group.columns.find((ch) => ch.meta_data?.path_in_schema.length === 1 && ch.meta_data.path_in_schema[0] === names[c]);
        if (chunk === undefined)
          throw new InputError(
            `${opts.file} is a damaged Parquet file: row group ${g + 1} has no data for column "${names[c]}"; copy or export it again`,
          );
        try {
          const [start, end] = chunkRange(chunk, file.buffer.byteLength);
          return { chunk, bytes: await file.buffer.slice(start, end) };
        } catch (e) {
          throw damaged(e, c);
        }
      };
      // Columns are read in order, each chunk's bytes asked for one column ahead: the next one is on
      // its way (File.slice in a browser worker, a file read in Node) while this one is decoded.
      let ahead: { column: number; bytes: Promise<{ chunk: ColumnChunk; bytes: ArrayBuffer }> } | null = null;
      await each(async (c) => {
        const got = ahead !== null && ahead.column === c ? ahead.bytes : fetchChunk(c);
        ahead = null;
        if (c + 1 < names.length) {
          ahead = { column: c + 1, bytes: fetchChunk(c + 1) };
          // Not read when an earlier column fails: its rejection is not left unhandled.
          ahead.bytes.catch(() => undefined);
        }
        const { chunk, bytes } = await got;
        try {
          return readFlatColumn(bytes, chunk, rows, {
            kind: file.columns[c].kind,
            schemaPath: file.paths[c],
            parsers: ALL_PARSERS,
            compressors: COMPRESSORS,
          });
        } catch (e) {
          throw damaged(e, c);
        }
      }, rows);
    }
    bytes += group.columns.reduce((n, c) => n + Number(c.meta_data?.total_compressed_size ?? 0), 0);
    opts.onProgress?.(Math.min(bytes, file.buffer.byteLength));
  }
}

/** Appends rows [from, to) of a column given as consecutive pages. */
function appendRange(builder: ParquetColumnBuilder, pages: PageValues[], from: number, to: number, markers: MissingMarkers): void {
  let start = 0;
  for (const page of pages) {
    const end = start + pageRows(page);
    if (end > from && start < to) builder.append(slice(page, Math.max(from, start) - start, Math.min(to, end) - start), markers);
    start = end;
    if (start >= to) break;
  }
}

function slice(data: PageValues, from: number, to: number): PageValues {
  if (isCoded(data))
    return from === 0 && to === data.indices.length ? data : { indices: data.indices.subarray(from, to), dictionary: data.dictionary };
  if (isByteTexts(data)) return sliceByteTexts(data, from, to);
  if (from === 0 && to === data.length) return data;
  const d = data as unknown as { subarray?: (a: number, b: number) => PageValues; slice: (a: number, b: number) => PageValues };
  return typeof d.subarray === 'function' ? d.subarray(from, to) : d.slice(from, to);
}

function tallyInfinite(builders: ParquetColumnBuilder[], into: Map<string, number>): void {
  for (const b of builders) if (b.infinite > 0) into.set(b.name, (into.get(b.name) ?? 0) + b.infinite);
}

function infiniteWarnings(file: string, counts: Map<string, number>): string[] {
  return [...counts].map(
    ([name, n]) => `${file}: column "${name}" has ${n} infinite value(s); they are read as missing (the tests need finite numbers)`,
  );
}

function builderWarnings(file: string, builders: ParquetColumnBuilder[]): string[] {
  const counts = new Map<string, number>();
  tallyInfinite(builders, counts);
  return infiniteWarnings(file, counts);
}

/**
 * Runs `read`; anything it throws that is not already an InputError (a damaged page, a codec error, a
 * range past the end of the file) becomes one line naming the file.
 */
async function guarded<T>(file: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (isInputError(e) || (e instanceof Error && e.name === 'AbortError')) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw new InputError(
      `${file} is a damaged or unsupported Parquet file (${detail}); copy or export it again, or write it with pyarrow or DuckDB`,
    );
  }
}

/** As parseCsv's: an Error named 'AbortError'. */
function abortError(file: string): Error {
  const e = new Error(`reading ${file} was cancelled`);
  e.name = 'AbortError';
  return e;
}
