import Papa from 'papaparse';
import { CSV_TALLY, type CsvReaderWasm } from './csvReaderWasm.ts';
import { detectFormat } from './detectFormat.ts';
import { notCsvReason } from './notCsvReason.ts';
import { parseWarnings, type ParseCsvOptions, type ParseTally, type CsvChunkOptions } from './parseCsv.ts';
import { TableBuilder, type CellBlock } from './TableBuilder.ts';
import type { ParsedTable } from './types.ts';

/** Bytes the byte reader can take: the whole file, a Blob, or a stream of byte pieces. */
export type ByteInput = Uint8Array | Blob | AsyncIterable<Uint8Array | string>;

/** What readCsvBytes gives back: as parseCsv's reader. */
export interface ByteReadResult {
  table: ParsedTable;
  encoding: string | null;
  tally: ParseTally;
  header: string[];
  /** Byte offset of the first data row (after the header, blank lines and byte-order mark). */
  dataStart: number;
}

/**
 * Thrown (chunk mode only) when the byte reader declines after it has handed tables over: the caller
 * must start again with papaparse, from a fresh consumer.
 */
export class ByteReaderDeclined extends Error {
  constructor() {
    super('the byte reader declined part-way');
    this.name = 'ByteReaderDeclined';
  }
}

/** Bytes per block copied into wasm memory; the head (format detection, header) is the first block. */
const BLOCK = 4 << 20;
/** Rows typed per wasm call. */
const MAX_ROWS = 8192;
/** The delimiter and line ending are detected from this many leading bytes (see papaparse's head). */
const DETECT_BYTES = 64 << 10;
const CRLF = /\r\n/g;
/** Bytes allocated past the block's end: the reader may read (never use) up to 8 bytes past a cell (wasm/csv/parseBlock.ts SLACK). */
const SLACK = 16;

/**
 * Reads a CSV with the wasm byte reader (wasm/csv/parseBlock.ts) into the same TableBuilder, with the
 * same decisions, as parseCsv's papaparse path: the reader splits fields, trims, matches missing
 * markers, reads plain numbers and codes texts; a block's column of common cells goes to its
 * ColumnBuilder as typed-array copies (wholeColumn), any other cell through ColumnBuilder's per-cell
 * path (addNumber, addText, or add with its text when its typing needs JavaScript).
 *
 * Returns null (declines) for what the reader does not handle, so the caller reads the input with
 * papaparse: an encoding other than UTF-8 (a UTF-16 or Windows-1252 file, an explicit other
 * `encoding`), a non-CSV file type, old Mac '\r' line endings, a header or first two lines longer than
 * the detection head, and anything papaparse reports (a quote never closed, text after a closing quote,
 * a row with too many fields, invalid UTF-8). In chunk mode a decline after a table was handed over
 * throws ByteReaderDeclined instead.
 *
 * `blockRows`: rows typed per wasm call (tests make it small, so that a few rows cross many blocks).
 */
export async function readCsvBytes(
  input: ByteInput,
  opts: ParseCsvOptions,
  chunking: Required<CsvChunkOptions> | null,
  wasm: CsvReaderWasm,
  blockRows = MAX_ROWS,
): Promise<ByteReadResult | null> {
  const encoding = opts.encoding ?? 'auto';
  if (encoding !== 'auto' && encoding !== 'utf-8') return null;
  if (opts.continuation !== undefined && encoding !== 'utf-8') return null;
  const pieces = opts.readInto !== undefined ? byteIterator(new Uint8Array(0)) : byteIterator(input);
  const stride = Math.max(1, Math.floor(blockRows));
  const buffers = new WasmBuffers(wasm, stride);
  let handedOver = false;
  const decline = (): null => {
    if (handedOver) throw new ByteReaderDeclined();
    return null;
  };
  try {
    const size =
      opts.sizeHint ?? (input instanceof Uint8Array ? input.length : typeof Blob !== 'undefined' && input instanceof Blob ? input.size : 0);
    let bytesRead = 0;
    let eof = false;
    let pending: Uint8Array | null = null;
    /** Fills the buffer [filled, cap) from the input; false when a piece was text (no bytes). */
    const readInto = opts.readInto;
    const fill = async (): Promise<boolean> => {
      while (readInto !== undefined && buffers.filled < buffers.cap && !eof) {
        const n = await readInto(buffers.bytes().subarray(buffers.filled));
        if (n === 0) eof = true;
        buffers.filled += n;
        bytesRead += n;
        opts.onProgress?.(bytesRead);
      }
      while (buffers.filled < buffers.cap && !eof) {
        if (pending === null) {
          const next = await pieces.next();
          if (next.done) {
            eof = true;
            break;
          }
          if (typeof next.value === 'string') return false;
          pending = next.value;
          bytesRead += pending.length;
          opts.onProgress?.(bytesRead);
        }
        const take = Math.min(pending.length, buffers.cap - buffers.filled);
        buffers.bytes().set(pending.subarray(0, take), buffers.filled);
        buffers.filled += take;
        pending = take === pending.length ? null : pending.subarray(take);
      }
      return true;
    };
    if (!(await fill())) return null;
    throwIfAborted(opts);
    let off = 0;
    const head = buffers.bytes().subarray(0, buffers.filled);
    if (opts.continuation === undefined) {
      if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return null;
      if (notCsvReason(head.subarray(0, 4096), opts.file) !== null) return null;
      if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
        off = 3;
        // parseCsv drops a U+FEFF after the decoder's BOM too: a rare case left to papaparse.
        if (head.length >= 6 && head[3] === 0xef && head[4] === 0xbb && head[5] === 0xbf) return null;
      }
    }
    const detectEnd = Math.min(head.length, off + DETECT_BYTES);
    if (lineEnds(head, off, detectEnd) < 2 && !(eof && detectEnd === head.length)) return null;
    const detected = detectFormat(new TextDecoder().decode(head.subarray(off, detectEnd)));
    if (detected.newline === '\r') return null;
    const delimiter = opts.delimiter === 'auto' ? detected.delimiter : opts.delimiter;
    const builder = new TableBuilder({
      file: opts.file,
      missingValues: opts.missingValues,
      delimiter,
      skipColumns: opts.skipColumns,
      numberFormat: { decimal: opts.decimal, thousands: opts.thousands },
      ...(chunking !== null
        ? {
            chunkRows: chunking.rowsPerTable,
            onChunk: (t: ParsedTable, rowOffset: number) => {
              handedOver = true;
              chunking.onTable(t, rowOffset);
            },
          }
        : {}),
      ...(opts.continuation !== undefined ? { continuation: opts.continuation } : {}),
      ...(opts.cellTap !== undefined ? { cellTap: opts.cellTap } : {}),
    });
    // The header (and blank lines before it) goes through papaparse line by line, so its names are
    // exactly papaparse's.
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    while (builder.headerNames.length === 0) {
      const nl = lineEnd(head, off);
      if (nl < 0 && !eof) return decline();
      if (off >= head.length) break;
      const end = nl < 0 ? head.length : nl;
      let text: string;
      try {
        text = utf8.decode(head.subarray(off, end > off && head[end - 1] === 13 && nl >= 0 ? end - 1 : end));
      } catch {
        return decline();
      }
      off = nl < 0 ? head.length : nl + 1;
      if (text.indexOf('\r') >= 0) text = text.replace(CRLF, '\n');
      const parsed = Papa.parse<string[]>(text, { header: false, delimiter, newline: '\n', quoteChar: '"', skipEmptyLines: false });
      if (parsed.errors.length > 0 || parsed.data.length > 1) return decline();
      builder.addRows(parsed.data.length > 0 ? parsed.data : [['']]);
    }
    const dataStart = off;
    const names = builder.headerNames;
    if (names.length > 0) {
      const parsedNames = builder.parsedNames;
      const kept = parsedNames.length;
      const keptIndex = new Map(parsedNames.map((n, c) => [n, c] as const));
      const fieldCol = Int32Array.from(names, (n) => keptIndex.get(n) ?? -1);
      buffers.init(fieldCol, delimiter.charCodeAt(0), opts.missingValues, kept);
      const tapped = builder.tappedField;
      if (tapped >= 0) wasm.csvTap(tapped, buffers.tapEnds);
      /** The block's tapped cells as one string, and row r's cell as its slice. */
      let tapText = '';
      let tapEnds: Int32Array = new Int32Array(0);
      const tapCell = (r: number): string => tapText.slice(r === 0 ? 0 : tapEnds[r - 1], tapEnds[r]);
      const dict: string[][] = parsedNames.map(() => []);
      /** Per parsed column, the reader's dictionary entry of each of its codes. */
      const entries: number[][] = parsedNames.map(() => []);
      let entriesSeen = 0;
      const learn = (c: number, readerCode: number, code: number) => wasm.csvMapEntry(entries[c][readerCode], code);
      let builderSet = builder.builderSet;
      const text = (k: number): string => {
        const starts = buffers.i32(buffers.starts, stride * kept);
        const lens = buffers.i32(buffers.lens, stride * kept);
        return utf8.decode(new Uint8Array(wasm.memory.buffer, buffers.blockPtr + starts[k], lens[k]));
      };
      let reserved = false;
      let consumed = 0;
      /** Per parsed column: the reader hashes its texts (the builder's column counts them by hash). */
      const hashing = new Uint8Array(kept);
      for (;;) {
        throwIfAborted(opts);
        for (;;) {
          const ptr = buffers.ptr + off;
          // A block never crosses a chunk's end, so each column of it goes whole to one builder.
          const maxRows = Math.min(stride, builder.rowsToHandOver);
          const n = wasm.csvParseBlock(ptr, buffers.filled - off, eof ? 1 : 0, maxRows);
          if (n < 0) return decline();
          buffers.blockPtr = ptr;
          const rows = wasm.rowsOut.value;
          for (let e = wasm.csvEntryCount(); entriesSeen < e; entriesSeen++) {
            const p = wasm.csvEntryPtr(entriesSeen);
            const c = wasm.csvEntryCol(entriesSeen);
            const code = wasm.csvEntryCode(entriesSeen);
            dict[c][code] = utf8.decode(new Uint8Array(wasm.memory.buffer, p, wasm.csvEntryLen(entriesSeen)));
            entries[c][code] = entriesSeen;
          }
          if (tapped >= 0) {
            const bytes = wasm.tapBytes.value;
            tapText = bytes === 0 ? '' : utf8.decode(new Uint8Array(wasm.memory.buffer, wasm.csvTapPtr(), bytes));
            tapEnds = buffers.i32(buffers.tapEnds, rows);
          }
          const block: CellBlock = {
            rows,
            stride,
            tags: buffers.i32(buffers.tags, stride * kept),
            vals: new Float64Array(wasm.memory.buffer, buffers.vals, stride * kept),
            words: new Int32Array(wasm.memory.buffer, buffers.vals, stride * kept * 2),
            codes: buffers.i32(buffers.codes, stride * kept),
            hashes: buffers.i32(buffers.hashes, stride * kept * 2),
            tally: buffers.i32(buffers.tally, CSV_TALLY * kept),
            learn,
            dict,
            text,
            blankRows: wasm.blankRows.value,
            shortRows: wasm.shortRows.value,
            firstShortRow: wasm.firstShortRow.value,
            longBlankRows: wasm.longBlankRows.value,
            firstLongBlankRow: wasm.firstLongBlankRow.value,
            ...(tapped >= 0 ? { tapCell } : {}),
          };
          builder.addCells(block);
          if (builder.builderSet !== builderSet) {
            // New column builders (a chunk was handed over): the codes they give are their own.
            builderSet = builder.builderSet;
            wasm.csvMapReset();
          }
          // A column past the dictionary limit keeps no texts: the reader hashes them, without a
          // dictionary entry and a string per distinct text (a million timestamps or IDs).
          for (let c = 0; c < kept; c++) {
            const on = builder.hashing(c) ? 1 : 0;
            if (on !== hashing[c]) {
              hashing[c] = on;
              wasm.csvHashing(c, on);
            }
          }
          off += n;
          consumed += n;
          if (!reserved && size > 0 && builder.rowCount > 0) {
            reserved = true;
            builder.reserve(Math.ceil(((builder.rowCount * size) / consumed) * 1.05) + 16);
          }
          if (rows < maxRows || off >= buffers.filled) break;
        }
        if (eof && off >= buffers.filled) break;
        if (off === 0) buffers.grow(buffers.cap * 2); // one row longer than the buffer
        buffers.shift(off);
        off = 0;
        if (!(await fill())) return decline();
      }
    }
    const headerWarning = builder.headerWarningText;
    const table = builder.finish();
    const tally: ParseTally = { ...builder.tally, invalidQuotes: 0, firstInvalidQuoteRow: 0, decodeWarnings: [], headerWarning };
    table.warnings = parseWarnings(opts.file, tally);
    return { table, encoding: 'utf-8', tally, header: builder.headerNames, dataStart };
  } finally {
    buffers.release();
    await pieces.return?.(undefined);
  }
}

/** Line ends ('\n', '\r\n' or '\r', as detectFormat counts them) outside quotes in [from, to). */
function lineEnds(b: Uint8Array, from: number, to: number): number {
  let n = 0;
  let quoted = false;
  for (let i = from; i < to; i++) {
    const c = b[i];
    if (c === 34) quoted = !quoted;
    else if (!quoted && (c === 10 || c === 13)) {
      if (c === 13 && b[i + 1] === 10) i++;
      if (++n >= 2) return n;
    }
  }
  return n;
}

/** Index of the first '\n' outside quotes from `from`, or -1. */
function lineEnd(b: Uint8Array, from: number): number {
  let quoted = false;
  for (let i = from; i < b.length; i++) {
    const c = b[i];
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) return i;
  }
  return -1;
}

function throwIfAborted(opts: ParseCsvOptions): void {
  if (opts.signal?.aborted) {
    const e = new Error(`reading ${opts.file} was cancelled`);
    e.name = 'AbortError';
    throw e;
  }
}

function byteIterator(input: ByteInput): AsyncIterator<Uint8Array | string> {
  if (input instanceof Uint8Array) {
    return (async function* () {
      yield input;
    })();
  }
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    const reader = input.stream().getReader();
    return {
      async next() {
        const r = await reader.read();
        return r.done ? { done: true, value: undefined } : { done: false, value: r.value };
      },
      async return() {
        await reader.cancel().catch(() => {});
        return { done: true, value: undefined };
      },
    };
  }
  return (input as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]();
}

/** The wasm-side buffers of one read: the byte block and the cell outputs. */
class WasmBuffers {
  ptr = 0;
  cap = BLOCK;
  filled = 0;
  blockPtr = 0;
  tags = 0;
  vals = 0;
  starts = 0;
  lens = 0;
  codes = 0;
  hashes = 0;
  tally = 0;
  tapEnds = 0;
  private others: number[] = [];

  constructor(
    private readonly wasm: CsvReaderWasm,
    private readonly stride: number,
  ) {
    this.ptr = wasm.alloc(this.cap + SLACK);
  }

  bytes(): Uint8Array {
    return new Uint8Array(this.wasm.memory.buffer, this.ptr, this.cap);
  }

  i32(ptr: number, n: number): Int32Array {
    return new Int32Array(this.wasm.memory.buffer, ptr, n);
  }

  init(fieldCol: Int32Array, delimiter: number, missing: readonly string[], kept: number): void {
    const w = this.wasm;
    const cells = this.stride * Math.max(kept, 1);
    this.tags = this.own(cells * 4);
    this.vals = this.own(cells * 8);
    this.starts = this.own(cells * 4);
    this.lens = this.own(cells * 4);
    this.codes = this.own(cells * 4);
    this.hashes = this.own(cells * 8);
    this.tally = this.own(Math.max(kept, 1) * CSV_TALLY * 4);
    this.tapEnds = this.own(this.stride * 4);
    w.csvOutputs(this.stride, this.tags, this.vals, this.starts, this.lens, this.codes, this.hashes, this.tally);
    const enc = new TextEncoder();
    const markers = [...new Set(missing.map((m) => m.trim()).filter((m) => m.length > 0))].map((m) => enc.encode(m));
    const total = markers.reduce((n, m) => n + m.length, 0);
    const fc = this.own(Math.max(fieldCol.length, 1) * 4);
    const data = this.own(Math.max(total, 1));
    const index = this.own(Math.max(markers.length, 1) * 8);
    new Int32Array(w.memory.buffer, fc, fieldCol.length).set(fieldCol);
    let at = 0;
    const idx = new Int32Array(w.memory.buffer, index, markers.length * 2);
    markers.forEach((m, i) => {
      new Uint8Array(w.memory.buffer, data + at, m.length).set(m);
      idx[i * 2] = at;
      idx[i * 2 + 1] = m.length;
      at += m.length;
    });
    w.csvInit(fieldCol.length, fc, delimiter, data, index, markers.length);
  }

  private own(bytes: number): number {
    const p = this.wasm.alloc(bytes);
    this.others.push(p);
    return p;
  }

  /** Moves the unread bytes [off, filled) to the start. */
  shift(off: number): void {
    if (off > 0) this.bytes().copyWithin(0, off, this.filled);
    this.filled -= off;
  }

  grow(cap: number): void {
    const p = this.wasm.alloc(cap + SLACK);
    new Uint8Array(this.wasm.memory.buffer, p, this.filled).set(new Uint8Array(this.wasm.memory.buffer, this.ptr, this.filled));
    this.wasm.free(this.ptr);
    this.ptr = p;
    this.cap = cap;
  }

  release(): void {
    this.wasm.free(this.ptr);
    for (const p of this.others) this.wasm.free(p);
    this.others = [];
  }
}
