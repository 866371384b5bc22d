import type { CsvReaderWasm } from './csvReaderWasm.ts';
import { readCsvBytes } from './csvBytes.ts';
import { DICTIONARY_LIMIT } from './ColumnBuilder.ts';
import { columnRows, keptValues } from './numericValues.ts';
import type { DecidedMark } from './NumberFormatTracker.ts';
import { parseWarnings, type ParseCsvOptions, type ParseTally } from './parseCsv.ts';
import type { ColumnNumberFormat, ParsedColumn, ParsedTable } from './types.ts';

/**
 * Parsing one CSV in parts, in parallel (worker threads in Node, web workers in the browser), with the
 * table of a one-piece parse. Pure: bytes in, tables out; the caller reads the byte ranges and runs
 * the parts where it likes.
 *
 * 1. `readCsvHead(head)` on the file's first bytes (1 MiB or so): the header, the delimiter, and the
 *    decimal marks its columns decide there. Null: read the file in one piece (parseCsv).
 * 2. `splitOffsets(size, parts, window, head.dataStart)`: the byte offsets where parts start, each
 *    just after a '\n' (the first part holds the header and at least one line after it).
 * 3. `parseTablePart(bytes, opts, { index, head }, wasm)` for each range [offsets[k], offsets[k + 1])
 *    (the bytes, or a stream of them), anywhere. Null: the reader declined, read the file in one piece.
 * 4. `mergeTableParts(parts, opts)` in order: the table, or null when the parts cannot give the
 *    one-piece table exactly (a quote in the file: a split may fall inside a quoted field; a column
 *    whose decimal mark was decided later than the head assumed; a high-cardinality text column).
 */

/** What parts after the first need to know of the file. */
export interface CsvHead {
  header: string[];
  delimiter: ',' | ';' | '\t';
  /** Decimal marks the columns decide within the head, carried into later parts. */
  decided: Record<string, DecidedMark>;
  /** Byte offset of the first data row (after the header, blank lines and byte-order mark). */
  dataStart: number;
}

/** One part's parse. */
export interface TablePart {
  index: number;
  table: ParsedTable;
  tally: ParseTally;
  header: string[];
  /** The part's bytes hold a '"': the split is not known to be at record boundaries. */
  hasQuote: boolean;
  /** The marks the part started with (index 0: none). */
  assumed: Record<string, DecidedMark>;
}

/** The head of a file (its first bytes, cut anywhere): header, delimiter, decided marks; null to read in one piece. */
export async function readCsvHead(head: Uint8Array, opts: ParseCsvOptions, wasm: CsvReaderWasm): Promise<CsvHead | null> {
  const end = head.lastIndexOf(10);
  if (end < 0) return null;
  const read = await readCsvBytes(head.subarray(0, end + 1), { ...opts, onProgress: undefined }, null, wasm).catch(() => null);
  if (read === null) return null;
  const decided: Record<string, DecidedMark> = {};
  for (const c of read.table.columns) {
    const f = c.numberFormat;
    if (f !== undefined && f.decimal !== null) decided[c.name] = { mark: f.decimal, by: f.decidedBy };
  }
  return { header: read.header, delimiter: read.table.delimiter as CsvHead['delimiter'], decided, dataStart: read.dataStart };
}

/**
 * Where parts start: 0, then for each of `parts - 1` near-equal targets, the offset just after the
 * first '\n' at or after it. `window(at)` gives the file's bytes from `at` (any length; 64 KiB is
 * plenty); offsets that fall together are dropped. The split is at a record boundary only when no
 * quoted field spans it: mergeTableParts checks that the parts hold no quote at all.
 */
export async function splitOffsets(
  size: number,
  parts: number,
  window: (at: number) => Promise<Uint8Array>,
  dataStart = 0,
): Promise<number[]> {
  const offsets = [0];
  for (let k = 1; k < parts; k++) {
    let at = Math.max(dataStart, dataStart + Math.floor(((size - dataStart) * k) / parts));
    if (at <= offsets[offsets.length - 1]) continue;
    for (;;) {
      const w = await window(at);
      if (w.length === 0) {
        at = size;
        break;
      }
      const nl = w.indexOf(10);
      if (nl >= 0) {
        at += nl + 1;
        break;
      }
      at += w.length;
    }
    if (at < size && at > offsets[offsets.length - 1]) offsets.push(at);
  }
  return offsets;
}

/**
 * Parses part `index` (its bytes; part 0 starts at the file's start, later parts at offsets from
 * splitOffsets) with the wasm byte reader. Later parts take the header and marks of `head`. Null when
 * the reader declines.
 */
export async function parseTablePart(
  bytes: Uint8Array | AsyncIterable<Uint8Array>,
  opts: ParseCsvOptions,
  part: { index: number; head: CsvHead },
  wasm: CsvReaderWasm,
): Promise<TablePart | null> {
  const first = part.index === 0;
  const assumed = first ? {} : part.head.decided;
  let hasQuote = false;
  async function* watched(pieces: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const piece of pieces) {
      if (!hasQuote && piece.indexOf(34) >= 0) hasQuote = true;
      yield piece;
    }
  }
  if (bytes instanceof Uint8Array) hasQuote = bytes.indexOf(34) >= 0;
  const read = await readCsvBytes(
    bytes instanceof Uint8Array ? bytes : watched(bytes),
    first
      ? opts
      : {
          ...opts,
          encoding: 'utf-8',
          delimiter: part.head.delimiter,
          continuation: { header: part.head.header, dataRowsBefore: 0, rowsSeenBefore: 0, decided: assumed },
        },
    null,
    wasm,
  ).catch(() => null); // an error (or an empty first part) is the one-piece read's to report
  if (read === null) return null;
  return { index: part.index, table: read.table, tally: read.tally, header: read.header, hasQuote, assumed };
}

/** The parts' table, equal to a one-piece parse; null when that cannot be guaranteed (see above). */
export function mergeTableParts(parts: TablePart[], opts: Pick<ParseCsvOptions, 'file'>): ParsedTable | null {
  if (parts.length === 0 || parts.some((p) => p.hasQuote)) return null;
  parts = [...parts].sort((a, b) => a.index - b.index);
  if (parts.length === 1) return parts[0].table;
  const first = parts[0].table;
  // The marks in force where each part starts, from the parts before it; each part must have started with them.
  const state = new Map<string, DecidedMark>();
  for (const p of parts) {
    const assumed = Object.entries(p.assumed);
    if (assumed.length !== state.size || assumed.some(([name, m]) => state.get(name)?.mark !== m.mark || state.get(name)?.by !== m.by)) {
      return null;
    }
    for (const c of p.table.columns) {
      const f = c.numberFormat;
      if (f !== undefined && f.decimal !== null && !state.has(c.name)) state.set(c.name, { mark: f.decimal, by: f.decidedBy });
    }
  }
  const rowsBefore: number[] = [];
  let rows = 0;
  for (const p of parts) {
    rowsBefore.push(rows);
    rows += p.table.rows;
  }
  const columns: ParsedColumn[] = [];
  for (let c = 0; c < first.columns.length; c++) {
    const col = mergeColumn(
      parts.map((p) => p.table.columns[c]),
      rowsBefore,
      rows,
      state.get(first.columns[c].name),
    );
    if (col === null) return null;
    columns.push(col);
  }
  const tallies = parts.map((p) => p.tally);
  const firstOf = (count: (t: ParseTally) => number, row: (t: ParseTally) => number) => {
    const k = tallies.findIndex((t) => count(t) > 0);
    return k < 0 ? 0 : row(tallies[k]) + rowsBefore[k];
  };
  const tally: ParseTally = {
    shortRows: sum(tallies, (t) => t.shortRows),
    firstShortRow: firstOf(
      (t) => t.shortRows,
      (t) => t.firstShortRow,
    ),
    longBlankRows: sum(tallies, (t) => t.longBlankRows),
    firstLongBlankRow: firstOf(
      (t) => t.longBlankRows,
      (t) => t.firstLongBlankRow,
    ),
    invalidQuotes: 0,
    firstInvalidQuoteRow: 0,
    decodeWarnings: [...tallies[0].decodeWarnings],
    headerWarning: tallies[0].headerWarning,
  };
  return { ...first, rows, columns, warnings: parseWarnings(opts.file, tally) };
}

function sum<T>(xs: T[], f: (x: T) => number): number {
  let s = 0;
  for (const x of xs) s += f(x);
  return s;
}

function mergeColumn(cols: ParsedColumn[], rowsBefore: number[], rows: number, mark: DecidedMark | undefined): ParsedColumn | null {
  if (cols.some((c) => c.highCardinality !== undefined)) return null;
  // Text columns in every part keep no values (types.ts); else a part without them is NaN there.
  const values = cols.every((c) => c.values === null) ? null : new Float64Array(rows);
  if (values !== null)
    cols.forEach((c, k) =>
      c.values === null ? values.fill(NaN, rowsBefore[k], rowsBefore[k] + columnRows(c)) : values.set(c.values, rowsBefore[k]),
    );
  let codes: Int32Array | null = null;
  let dictionary: string[] | null = null;
  if (cols.some((c) => c.codes !== null)) {
    // Codes in the order texts first appear in the file, as one reader gives them; a part read
    // without codes (numbers only) codes its numbers by their canonical text, as ColumnBuilder does.
    codes = new Int32Array(rows);
    dictionary = [];
    const index = new Map<string, number>();
    const codeOf = (s: string) => {
      let code = index.get(s);
      if (code === undefined) {
        code = dictionary!.length;
        dictionary!.push(s);
        index.set(s, code);
      }
      return code;
    };
    cols.forEach((c, k) => {
      const at = rowsBefore[k];
      if (c.codes !== null) {
        const remap = Int32Array.from(c.dictionary!, codeOf);
        const src = c.codes;
        for (let i = 0; i < src.length; i++) codes![at + i] = src[i] >= 0 ? remap[src[i]] : -1;
      } else {
        const v64 = c.values!; // without codes a column has values
        for (let i = 0; i < v64.length; i++) {
          const v = v64[i];
          codes![at + i] = v === v ? codeOf(String(v)) : -1;
        }
      }
    });
    if (dictionary.length > DICTIONARY_LIMIT) return null;
  }
  const firstK = cols.findIndex((c) => c.firstNonNumeric !== null);
  const missing = sum(cols, (c) => c.missing);
  const nonNumeric = sum(cols, (c) => c.nonNumeric);
  const numberFormat = mergeNumberFormats(cols, rowsBefore, mark);
  if (numberFormat === false) return null;
  return {
    name: cols[0].name,
    values: values === null ? null : keptValues(values, codes, missing, nonNumeric),
    codes,
    dictionary,
    missing,
    nonNumeric,
    firstNonNumeric:
      firstK < 0 ? null : { row: cols[firstK].firstNonNumeric!.row + rowsBefore[firstK], value: cols[firstK].firstNonNumeric!.value },
    ...(numberFormat !== null ? { numberFormat } : {}),
  };
}

const GROUP_ORDER = [',', '.', ' ', "'"];

/** The column's number format over the parts (false: not exactly mergeable). */
function mergeNumberFormats(cols: ParsedColumn[], rowsBefore: number[], mark: DecidedMark | undefined): ColumnNumberFormat | null | false {
  const fs = cols.map((c) => c.numberFormat);
  if (fs.every((f) => f === undefined)) return null;
  const config = fs.find((f) => f !== undefined)!.decidedBy === 'config';
  const pendingPoint: number[] = [];
  const pendingComma: number[] = [];
  let example: ColumnNumberFormat['example'] | undefined;
  let conflicts: ColumnNumberFormat['conflicts'] | undefined;
  let thousands = '';
  let localeCells = 0;
  let ambiguousCells = 0;
  for (let k = 0; k < fs.length; k++) {
    const f = fs[k];
    if (f === undefined) continue;
    // Pending cells of a part are settled by a later decision in one read: not reproduced here.
    if ((f.pendingPoint?.length || f.pendingComma?.length) && mark !== undefined) return false;
    for (const r of f.pendingPoint ?? []) pendingPoint.push(r + rowsBefore[k]);
    for (const r of f.pendingComma ?? []) pendingComma.push(r + rowsBefore[k]);
    if (f.example !== undefined && (example === undefined || (f.example.score ?? 0) > (example.score ?? 0))) {
      example = { row: f.example.row + rowsBefore[k], text: f.example.text, score: f.example.score };
    }
    if (f.conflicts !== undefined) {
      conflicts =
        conflicts === undefined
          ? { count: f.conflicts.count, row: f.conflicts.row + rowsBefore[k], text: f.conflicts.text }
          : { ...conflicts, count: conflicts.count + f.conflicts.count };
    }
    thousands += f.thousands;
    localeCells += f.localeCells;
    ambiguousCells += f.ambiguousCells;
  }
  return {
    decimal: mark?.mark ?? null,
    decidedBy: config ? 'config' : mark !== undefined ? mark.by : 'undecided',
    thousands: GROUP_ORDER.filter((g) => thousands.includes(g)).join(''),
    localeCells,
    ambiguousCells,
    ...(pendingPoint.length ? { pendingPoint } : {}),
    ...(pendingComma.length ? { pendingComma } : {}),
    ...(example !== undefined ? { example } : {}),
    ...(conflicts !== undefined ? { conflicts } : {}),
  };
}
