import Papa from 'papaparse';
import { InputError } from '../errors.ts';
import { detectFormat } from './detectFormat.ts';
import { rowWarnings, TableBuilder, type CellTap, type Continuation, type RowTally } from './TableBuilder.ts';
import { textChunks, type CsvInput } from './textChunks.ts';
import type { Encoding } from './ByteDecoder.ts';
import type { ParsedTable } from './types.ts';
import type { CsvReaderWasm } from './csvReaderWasm.ts';
import { readCsvBytes } from './csvBytes.ts';

export interface ParseCsvOptions {
  /** File name for messages. */
  file: string;
  delimiter: 'auto' | ',' | ';' | '\t';
  missingValues: string[];
  /** `data.encoding` for byte input (default 'auto', see ByteDecoder); strings are already text. */
  encoding?: Encoding;
  /** `data.decimal`: the decimal mark of numbers, 'auto' (default) detects it per column. */
  decimal?: 'auto' | '.' | ',';
  /** `data.thousands`: the thousands separator, 'auto' (default) accepts any but the decimal mark. */
  thousands?: 'auto' | ',' | '.' | ' ' | "'" | 'none';
  onProgress?: (bytesRead: number) => void;
  signal?: AbortSignal;
  /** Characters per papaparse chunk (default 256 KiB); tests use tiny values to cross chunk boundaries. */
  chunkSize?: number;
  /**
   * Input size in bytes, when the caller knows it (a path's stat). Strings and Blobs know their own
   * size. Used to size the columns from the first chunk's rows per byte.
   */
  sizeHint?: number;
  /** Header names not to parse (columns.drop), see TableBuilder. */
  skipColumns?: readonly string[];
  /**
   * The input is a later part of a file, starting at a record boundary (split for parallel reading):
   * no header line (its names are given), no byte-order mark or file-type check (`encoding` must be
   * the file's, not 'auto'), `delimiter` the file's, LF or CRLF line endings; messages name the rows
   * of the whole file (see TableBuilder `continuation`).
   */
  continuation?: Continuation;
  /**
   * A fresh instance of the wasm byte reader (src/kernels/loadCsvReader.ts): byte input (a Blob, or a
   * stream with `reopen`) is then read by it (csvBytes.ts) unless it declines, with the same result.
   */
  byteReader?: () => Promise<CsvReaderWasm>;
  /** The stream input again from its start, for papaparse when the byte reader declines. */
  reopen?: () => CsvInput;
  /**
   * Reads the input's next bytes straight into `into` (a file in Node; resolves to the bytes read, 0 at
   * the end): the byte reader then reads through it instead of `input`, without a copy per piece.
   */
  readInto?: (into: Uint8Array) => Promise<number>;
  /** Every data row's raw cell of one column, see TableBuilder `cellTap`. */
  cellTap?: CellTap;
}

/** The counts behind a file's parse warnings, so the parts of a file read in parallel add up to one set. */
export interface ParseTally extends RowTally {
  /** Quoted fields with text after the closing quote, and the row of the first (0 when none). */
  invalidQuotes: number;
  firstInvalidQuoteRow: number;
  /** The decoder's warnings (encoding fallback), the header warning (all-numbers header) if any. */
  decodeWarnings: string[];
  headerWarning: string | null;
}

/** A file's parse warnings from its tally, in the order parseCsv gives them. */
export function parseWarnings(file: string, t: ParseTally): string[] {
  const warnings = [...t.decodeWarnings, ...(t.headerWarning !== null ? [t.headerWarning] : []), ...rowWarnings(file, t)];
  if (t.invalidQuotes > 0) {
    warnings.push(
      `${file}: ${t.invalidQuotes} quoted field(s) have text after the closing quote (first near data row ${t.firstInvalidQuoteRow}); the text was kept`,
    );
  }
  return warnings;
}

/**
 * Characters per papaparse chunk. Measured on the 149 MB / 1M-row benchmark file (Node 20, CPU
 * time): 4 MiB 3.0 s, 1 MiB 2.6 s, 128-512 KiB 1.95 s, 32 KiB 2.0 s. Small chunks let each chunk's
 * row arrays and cell strings die in V8's young generation instead of being promoted.
 */
const DEFAULT_CHUNK = 256 << 10;
/** Text examined for delimiter and line-ending detection. */
const HEAD_SIZE = 64 << 10;
const CRLF = /\r\n/g;

/**
 * Parses a CSV into a columnar {@link ParsedTable}, streaming: papaparse parses text chunks (its
 * `chunk` callback, `header: false`) and a {@link TableBuilder} turns each chunk of rows into typed
 * columns, so no per-row object outlives its chunk.
 *
 * Handles a header row, quoted fields with delimiters, doubled quotes and newlines, a UTF-8 BOM,
 * CRLF / LF / CR line endings (CRLF and LF mixed in one file too; a CRLF in a quoted field reads
 * as LF) and ',' ';' tab delimiters ('auto' detects them, see
 * {@link detectFormat}). The input is fed to papaparse through a minimal readable-stream adapter,
 * because papaparse's own File reader decodes each byte slice separately and can break a UTF-8
 * character that straddles two slices.
 *
 * Rejects with InputError (one line, names the file) on an empty or header-only file, an
 * unterminated quote, a row with too many fields; with an Error named 'AbortError' when `signal`
 * aborts.
 */
export async function parseCsv(input: CsvInput, opts: ParseCsvOptions): Promise<ParsedTable> {
  return (await readCsv(input, opts, null)).table;
}

export interface CsvChunkOptions {
  /**
   * Data rows per table handed over (default 65536, the reader's dictionary limit: a chunk's text
   * column then never turns high-cardinality, so its text counts reach the callback whole).
   */
  rowsPerTable?: number;
  /**
   * Receives each table of consecutive rows (rows numbered within the table; `rowOffset` data rows came
   * before it), synchronously, while the parser waits. See TableBuilder `onChunk` for number formats.
   */
  onTable: (table: ParsedTable, rowOffset: number) => void;
}

/** What a chunked read tells about the whole file: the ParsedTable facts without columns. */
export type CsvChunksSummary = Omit<ParsedTable, 'columns'> & {
  /** The text encoding in use (detected or configured); null for string input. */
  encoding: string | null;
  /** The counts behind `warnings` (see parseWarnings). */
  tally: ParseTally;
  /** The names of the header (all columns, dropped ones too). */
  header: string[];
};

/**
 * parseCsv, handing over a table every `rowsPerTable` rows instead of building one table of the whole
 * file: memory is bounded by a chunk of rows, whatever the file size. Warnings (ragged rows, quotes,
 * encoding) name data rows of the whole file and come once, in the summary.
 */
export async function parseCsvChunks(input: CsvInput, opts: ParseCsvOptions & CsvChunkOptions): Promise<CsvChunksSummary> {
  const { table, encoding, tally, header } = await readCsv(input, opts, {
    rowsPerTable: opts.rowsPerTable ?? 65_536,
    onTable: opts.onTable,
  });
  const { columns: _columns, ...summary } = table;
  return { ...summary, encoding, tally, header };
}

async function readCsv(
  input: CsvInput,
  opts: ParseCsvOptions,
  chunking: Required<CsvChunkOptions> | null,
): Promise<{ table: ParsedTable; encoding: string | null; tally: ParseTally; header: string[] }> {
  if (opts.byteReader !== undefined && typeof input !== 'string') {
    const blob = typeof Blob !== 'undefined' && input instanceof Blob;
    if (blob || opts.reopen !== undefined) {
      const tap = opts.cellTap;
      let tapped = 0;
      const byteOpts: ParseCsvOptions =
        tap === undefined
          ? opts
          : {
              ...opts,
              cellTap: {
                column: tap.column,
                add: (row, raw) => {
                  tapped = row + 1;
                  tap.add(row, raw);
                },
              },
            };
      const read = await readCsvBytes(input, byteOpts, chunking, await opts.byteReader());
      if (read !== null) return read;
      if (!blob) input = opts.reopen!();
      // The byte reader declined part-way: the rows it tapped are the rows papaparse gives first, with
      // the same cells (csvBytes.test.ts), so the tap takes papaparse's cells from the next row on.
      if (tap !== undefined && tapped > 0) {
        const from = tapped;
        opts = { ...opts, cellTap: { column: tap.column, add: (row, raw) => (row >= from ? tap.add(row, raw) : undefined) } };
      }
    }
  }
  const chunkSize = Math.max(1, opts.chunkSize ?? DEFAULT_CHUNK);
  const { signal } = opts;
  throwIfAborted(signal, opts.file);
  const decodeWarnings: string[] = [];
  const info: { encoding?: string } = {};
  const chunks = textChunks(input, chunkSize, opts.onProgress, {
    file: opts.file,
    encoding: opts.encoding,
    warnings: decodeWarnings,
    info,
    continuation: opts.continuation !== undefined,
  });
  let failure: unknown = null;
  let parser: Papa.Parser | null = null;
  const onAbort = () => {
    failure ??= abortError(opts.file);
    (parser as Papa.Parser | null)?.abort();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    // Gather a head for detection; papaparse's own guess would only see the first chunk.
    const head: string[] = [];
    let headLength = 0;
    let done = false;
    while (headLength < HEAD_SIZE && failure === null) {
      const next = await chunks.next();
      if (next.done) {
        done = true;
        break;
      }
      head.push(next.value);
      headLength += next.value.length;
    }
    if (failure !== null) throw failure;
    // A UTF-8 BOM goes before papaparse sees the text: left in, it would be part of the first field,
    // so a quoted first header ("\ufeff"id",...) would not parse as quoted and keep its quotes.
    if (opts.continuation === undefined && head.length > 0 && head[0].charCodeAt(0) === 0xfeff) head[0] = head[0].slice(1);
    const detected = detectFormat(head.length > 0 ? (head[0].length >= HEAD_SIZE ? head[0] : head.join('')) : '');
    const delimiter = opts.delimiter === 'auto' ? detected.delimiter : opts.delimiter;
    const builder = new TableBuilder({
      file: opts.file,
      missingValues: opts.missingValues,
      delimiter,
      skipColumns: opts.skipColumns,
      numberFormat: { decimal: opts.decimal, thousands: opts.thousands },
      ...(chunking !== null ? { chunkRows: chunking.rowsPerTable, onChunk: chunking.onTable } : {}),
      ...(opts.continuation !== undefined ? { continuation: opts.continuation } : {}),
      ...(opts.cellTap !== undefined ? { cellTap: opts.cellTap } : {}),
    });
    // Line endings may change part-way (CRLF rows appended to an LF file, or the reverse) and papaparse
    // takes one newline: unless the file uses old Mac '\r' endings, every CRLF becomes LF before
    // papaparse (inside quoted fields too), and papaparse splits on LF.
    const crlf = opts.continuation !== undefined || detected.newline !== '\r';
    const source = new ChunkEmitter();
    const size =
      opts.sizeHint ?? (typeof input === 'string' ? input.length : typeof Blob !== 'undefined' && input instanceof Blob ? input.size : 0);
    let emitted = 0;
    let reserved = false;
    let invalidQuotes = 0;
    let firstInvalidQuoteRow = 0;
    const completed = new Promise<void>((resolve, reject) => {
      Papa.parse(source as unknown as Papa.LocalFile, {
        header: false,
        delimiter,
        newline: crlf ? '\n' : detected.newline,
        quoteChar: '"',
        skipEmptyLines: false,
        chunk(results: Papa.ParseResult<string[]>, p: Papa.Parser) {
          parser = p;
          if (failure !== null) return;
          try {
            const rowsBefore = builder.rowsSeen;
            for (const e of results.errors) {
              const dataRow = rowsBefore + (e.row ?? 0);
              if (e.code === 'MissingQuotes') {
                throw new InputError(
                  `${opts.file}: a quoted field starting near data row ${dataRow} is never closed; close the quote or double quotes inside quoted fields ("")`,
                );
              }
              if (e.code === 'InvalidQuotes' && invalidQuotes++ === 0) firstInvalidQuoteRow = dataRow;
            }
            builder.addRows(results.data);
            if (!reserved && size > 0 && builder.rowCount > 0) {
              reserved = true;
              builder.reserve(Math.ceil(((builder.rowCount * size) / emitted) * 1.05) + 16);
            }
          } catch (e) {
            failure = e;
            p.abort();
          }
        },
        complete() {
          resolve();
        },
        error(e: Error) {
          reject(e);
        },
      });
    });
    // A chunk must not end between the '\r' and '\n' of a CRLF: papaparse would flag a closing
    // quote followed by a lone '\r' as InvalidQuotes. A trailing '\r' moves to the next chunk.
    let carry = '';
    const emit = (text: string) => {
      let t = carry + text;
      carry = '';
      if (t.charCodeAt(t.length - 1) === 13) {
        carry = '\r';
        t = t.slice(0, -1);
      }
      emitted += t.length;
      if (crlf && t.indexOf('\r') >= 0) t = t.replace(CRLF, '\n');
      if (t.length > 0) source.emit('data', t);
    };
    for (const text of head) {
      if (failure !== null) break;
      emit(text);
    }
    if (!done) {
      while (failure === null) {
        const next = await chunks.next();
        if (next.done) break;
        if (failure !== null) break;
        emit(next.value);
      }
    }
    if (failure === null && carry !== '') source.emit('data', carry);
    if (failure === null) source.emit('end');
    if (failure === null) await completed;
    if (failure !== null) throw failure;
    const headerWarning = builder.headerWarningText;
    const table = builder.finish();
    const tally: ParseTally = { ...builder.tally, invalidQuotes, firstInvalidQuoteRow, decodeWarnings, headerWarning };
    table.warnings = parseWarnings(opts.file, tally);
    return { table, encoding: info.encoding ?? null, tally, header: builder.headerNames };
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await chunks.return(undefined);
  }
}

function abortError(file: string): Error {
  const e = new Error(`reading ${file} was cancelled`);
  e.name = 'AbortError';
  return e;
}

function throwIfAborted(signal: AbortSignal | undefined, file: string): void {
  if (signal?.aborted) throw abortError(file);
}

type Listener = (arg?: unknown) => void;

/**
 * The smallest object papaparse accepts as a Node readable stream (`readable`, `read`, `on`,
 * `removeListener`, `pause`, `resume`); we push text into it with `emit`, and papaparse parses each
 * 'data' chunk synchronously.
 */
class ChunkEmitter {
  readonly readable = true;
  private readonly listeners = new Map<string, Listener[]>();
  read(): null {
    return null;
  }
  on(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  removeListener(event: string, fn: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((f) => f !== fn),
    );
    return this;
  }
  pause(): void {}
  resume(): void {}
  emit(event: string, arg?: unknown): void {
    for (const fn of this.listeners.get(event) ?? []) fn(arg);
  }
}
