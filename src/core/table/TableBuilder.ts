import { InputError } from '../errors.ts';
import { columnHint } from '../config/suggestColumn.ts';
import { ColumnBuilder } from './ColumnBuilder.ts';
import { MissingMarkers } from './missingMarkers.ts';
import type { DecidedMark, NumberFormatOptions } from './NumberFormatTracker.ts';
import { parseNumber } from './parseNumber.ts';
import type { ParsedTable } from './types.ts';

export interface TableBuilderOptions {
  /** File name for messages. */
  file: string;
  /** Cell values (compared after trimming) that mean "missing"; the empty cell always does. */
  missingValues: string[];
  /** Recorded in the table; only used for messages here. Default ','. */
  delimiter?: string;
  /** Initial row capacity (grows geometrically). Default 1024. */
  initialCapacity?: number;
  /**
   * Header names whose cells are not parsed at all (columns.drop): they cost nothing but a field
   * split, and the table lists them in `notParsed`.
   */
  skipColumns?: readonly string[];
  /** `data.decimal` / `data.thousands` (see NumberFormatTracker). */
  numberFormat?: NumberFormatOptions;
  /**
   * Hand over a table every `chunkRows` data rows (and the rest at finish()) instead of keeping every
   * row: memory is bounded by one chunk. Each chunk's columns start afresh, except that a column's
   * decimal mark, once decided (by the chunk's cells, or by `onChunk` settling it), is carried into the
   * next chunks' columns, as one reader of the whole file would keep it.
   */
  chunkRows?: number;
  /**
   * Receives each chunk table (rows numbered from 1 within the chunk; `rowOffset` rows came before it).
   * It may settle undecided number formats in place (resolveAlone): the marks it leaves are carried on.
   */
  onChunk?: (table: ParsedTable, rowOffset: number) => void;
  /**
   * A later part of a file (split for parallel reading): its header's names, given instead of a header
   * line (every row fed is data; no header warning), the data rows and parser rows (header and blank
   * lines included) of the file before this part, added to the rows that messages name, and the
   * decimal marks decided before it.
   */
  continuation?: Continuation;
  /**
   * Hands every data row's raw cell of one column to `add` (row numbered 0-based over the whole file,
   * '' when the row is short), whether or not the column is parsed: the time windows read their
   * timestamp column this way without keeping its text (windows/timestampColumn.ts).
   */
  cellTap?: CellTap;
}

/** See TableBuilderOptions `cellTap`. */
export interface CellTap {
  column: string;
  add: (row: number, raw: string) => void;
}

/** A later part of a file: see TableBuilderOptions `continuation`. */
export interface Continuation {
  /** The header's names (all columns, dropped ones too). */
  header: readonly string[];
  /** Data rows of the file before the part. */
  dataRowsBefore: number;
  /** Parser rows before the part (header and blank lines included), for quote messages. */
  rowsSeenBefore: number;
  /** Decimal marks the columns have decided by then (as chunks carry them on), by column name. */
  decided?: Record<string, DecidedMark>;
}

/**
 * Rows typed by the byte reader (csvBytes.ts): `rows` data rows of the parsed columns, column-major
 * (see `stride`), tag per cell: -1 missing; -2 - shape a number (`vals`, `shape` parseNumber's pointShape);
 * code * 2 a text that is no number (`dict[column][code]`, trimmed); code * 2 + 1 a text ColumnBuilder.add
 * must type; -16 a text that is no number, given by its hash (`words`), in a column that counts by hash. Blank rows were skipped; the row tallies count within the block (first rows 0-based, -1 none).
 */
export interface CellBlock {
  rows: number;
  /** Cell (row r, parsed column c) is at c * stride + r. */
  stride: number;
  tags: Int32Array;
  vals: Float64Array;
  dict: string[][];
  /** The text of number cell k, when its column's number format needs it (and of a hashed text cell). */
  text(k: number): string;
  /** `vals` as i32 pairs: a hashed text cell's (tag -16) TextHashSet hash pair at 2k, 2k + 1. */
  words?: Int32Array;
  blankRows: number;
  shortRows: number;
  firstShortRow: number;
  longBlankRows: number;
  firstLongBlankRow: number;
  /** Block row r's raw cell of the tapped field (see TableBuilderOptions `cellTap`), when there is a tap. */
  tapCell?: (r: number) => string;
  /**
   * Per parsed column c, the block's cells by kind at c * CSV_TALLY + kind (TALLY_* in ColumnBuilder):
   * a column whose cells are all common ones is taken whole, from `vals` (NaN for every cell that is no
   * number), `codes` and `hashes`, without visiting its cells.
   */
  tally: Int32Array;
  /** Per cell slot: the builder's code of a coded text (as told by `learn`), -1 for a missing cell. */
  codes: Int32Array;
  /** Per parsed column c, from 2 * c * stride: the hash pairs of its hashed texts (tag -16), in row order. */
  hashes: Int32Array;
  /** Column c's builder gives the text of reader code `readerCode` code `code` (the reader then writes it to codes). */
  learn(c: number, readerCode: number, code: number): void;
}

/** What the row warnings of a file count: short rows, rows with extra blank fields (see TableBuilder). */
export interface RowTally {
  shortRows: number;
  /** Data row of the first short row (file-wide), 0 when none. */
  firstShortRow: number;
  longBlankRows: number;
  firstLongBlankRow: number;
}

/** The row warnings of a tally, one line each, in the order TableBuilder.finish gives them. */
export function rowWarnings(file: string, t: RowTally): string[] {
  const warnings: string[] = [];
  if (t.shortRows > 0) {
    warnings.push(
      `${file}: ${t.shortRows} row(s) have fewer fields than the header (first: data row ${t.firstShortRow}); the missing fields are treated as missing values`,
    );
  }
  if (t.longBlankRows > 0) {
    warnings.push(
      `${file}: ${t.longBlankRows} row(s) end with extra empty fields (first: data row ${t.firstLongBlankRow}); they were ignored`,
    );
  }
  return warnings;
}

/** Shows a delimiter in a message. */
export function delimiterName(d: string): string {
  return d === '\t' ? 'tab' : `"${d}"`;
}

/**
 * Builds a columnar {@link ParsedTable} from rows of cell strings fed in chunks (papaparse `chunk`
 * results with `header: false`). The first non-blank row is the header. Rows are not kept: each
 * cell goes straight into its column's typed arrays.
 *
 * Ragged rows: a row with fewer fields than the header gets missing cells for the rest (one
 * warning for the file); a row with more fields is an error (as in pandas, "Expected 3 fields in
 * line 5, saw 4"), unless the extra fields are all blank (a trailing delimiter), which is a warning.
 * Blank lines are skipped.
 */
export class TableBuilder {
  private readonly file: string;
  private readonly markers: MissingMarkers;
  private readonly delimiter: string;
  /** Builders of the parsed columns, and the field index each one reads. */
  private columns: ColumnBuilder[] | null = null;
  private fieldOf: Int32Array = new Int32Array(0);
  private width = 0;
  private readonly skip: ReadonlySet<string>;
  private readonly numberFormat: NumberFormatOptions;
  private headerWarning: string | null = null;
  private notParsed: string[] = [];
  private names: string[] = [];
  private capacity: number;
  private rows = 0;
  /** Rows received so far, header and blank lines included (maps parser errors to rows). */
  rowsSeen = 0;
  private shortRows = 0;
  private firstShortRow = 0;
  private longBlankRows = 0;
  private firstLongBlankRow = 0;
  private readonly chunkRows: number;
  private readonly onChunk: ((table: ParsedTable, rowOffset: number) => void) | null;
  /** Data rows handed over in earlier chunks. */
  private rowsBefore = 0;
  /** Decimal marks decided in earlier chunks, by column name. */
  private readonly decided = new Map<string, DecidedMark>();
  /** Data rows of the file before the first row fed (a continuation part), for messages. */
  private readonly rowNumberOffset: number;
  /** A continuation part: may hold no data rows (blank lines only). */
  private readonly continued: boolean;
  private readonly tap: CellTap | null;
  /** The header field the tap reads; -1 before the header. */
  private tapField = -1;
  /** Counts the sets of column builders (chunk mode starts fresh ones with every chunk). */
  builderSet = 0;

  constructor(opts: TableBuilderOptions) {
    this.file = opts.file;
    this.markers = new MissingMarkers(opts.missingValues);
    this.delimiter = opts.delimiter ?? ',';
    this.capacity = Math.max(16, opts.initialCapacity ?? 1024);
    this.skip = new Set(opts.skipColumns ?? []);
    this.numberFormat = opts.numberFormat ?? {};
    this.onChunk = opts.onChunk ?? null;
    this.chunkRows = this.onChunk !== null ? Math.max(1, Math.floor(opts.chunkRows ?? 65_536)) : Infinity;
    if (this.onChunk !== null) this.capacity = Math.min(this.capacity, this.chunkRows);
    this.rowNumberOffset = opts.continuation?.dataRowsBefore ?? 0;
    this.continued = opts.continuation !== undefined;
    this.tap = opts.cellTap ?? null;
    if (opts.continuation !== undefined) {
      for (const [name, mark] of Object.entries(opts.continuation.decided ?? {})) this.decided.set(name, mark);
      this.rowsSeen = opts.continuation.rowsSeenBefore;
      this.columns = this.header([...opts.continuation.header]);
      this.headerWarning = null;
    }
  }

  /** The all-numbers header warning, if the header is all numbers. */
  get headerWarningText(): string | null {
    return this.headerWarning;
  }

  /** The header's names (dropped columns too); empty before the header row. */
  get headerNames(): string[] {
    return [...this.names];
  }

  /** The row warnings' counts so far (rows file-wide). */
  get tally(): RowTally {
    return {
      shortRows: this.shortRows,
      firstShortRow: this.firstShortRow,
      longBlankRows: this.longBlankRows,
      firstLongBlankRow: this.firstLongBlankRow,
    };
  }

  /** Data rows so far (in all chunks). */
  get rowCount(): number {
    return this.rowsBefore + this.rows;
  }

  /** Grows the columns to hold at least `rows` rows now (an estimate saves the doubling copies). */
  reserve(rows: number): void {
    if (this.onChunk !== null) rows = Math.min(rows, this.chunkRows);
    if (rows <= this.capacity) return;
    this.capacity = Math.ceil(rows);
    if (this.columns !== null) for (const c of this.columns) c.grow(this.capacity, this.rows);
  }

  addRows(rows: string[][]): void {
    const n = rows.length;
    for (let r = 0; r < n; r++) {
      const row = rows[r];
      this.rowsSeen++;
      if (isBlankRow(row)) continue;
      if (this.columns === null) {
        this.columns = this.header(row);
        continue;
      }
      this.addRow(row);
    }
  }

  private addRow(row: string[]): void {
    const columns = this.columns!;
    const parsed = columns.length;
    const width = this.width;
    const fieldOf = this.fieldOf;
    const i = this.rows;
    if (i === this.capacity) {
      this.capacity *= 2;
      for (let c = 0; c < parsed; c++) columns[c].grow(this.capacity, i);
    }
    const markers = this.markers;
    let n = row.length;
    if (n !== width) n = this.ragged(row, width, this.rowNumberOffset + this.rowsBefore + i + 1);
    for (let c = 0; c < parsed; c++) {
      const f = fieldOf[c];
      if (f < n) columns[c].add(i, row[f], markers);
      else columns[c].addMissing(i);
    }
    if (this.tap !== null) this.tap.add(this.rowsBefore + i, this.tapField < n ? row[this.tapField] : '');
    this.rows = i + 1;
    if (this.rows === this.chunkRows) this.handOver();
  }

  /** Data rows until the next chunk is handed over (Infinity when not in chunk mode). */
  get rowsToHandOver(): number {
    return this.chunkRows - this.rows;
  }

  /** Whether parsed column c counts its texts by hash only (high-cardinality, see ColumnBuilder). */
  hashing(c: number): boolean {
    return this.columns![c].hashing;
  }

  /** The header field the cell tap reads (-1: no tap, or before the header). */
  get tappedField(): number {
    return this.tapField;
  }

  /** The header's names whose columns are parsed, in column order (empty before the header row). */
  get parsedNames(): string[] {
    return this.columns === null ? [] : this.columns.map((c) => c.name);
  }

  /**
   * Adds the data rows of a block typed by the byte reader (csvBytes.ts): per row, one tag per parsed
   * column (see CellBlock), so each cell takes the same ColumnBuilder path add() would take for its text.
   */
  addCells(b: CellBlock): void {
    const kept = this.columns!.length;
    const total = this.rowsBefore + this.rows;
    this.rowsSeen += b.rows + b.blankRows;
    if (b.shortRows > 0) {
      if (this.shortRows === 0) this.firstShortRow = this.rowNumberOffset + total + b.firstShortRow + 1;
      this.shortRows += b.shortRows;
    }
    if (b.longBlankRows > 0) {
      if (this.longBlankRows === 0) this.firstLongBlankRow = this.rowNumberOffset + total + b.firstLongBlankRow + 1;
      this.longBlankRows += b.longBlankRows;
    }
    const markers = this.markers;
    let done = 0;
    while (done < b.rows) {
      // Up to the end of the block, or of the current chunk (chunk mode).
      const n = Math.min(b.rows - done, this.chunkRows - this.rows);
      const i0 = this.rows;
      if (i0 + n > this.capacity) {
        while (i0 + n > this.capacity) this.capacity *= 2;
        for (let c = 0; c < kept; c++) this.columns![c].grow(this.capacity, i0);
      }
      const columns = this.columns!;
      for (let c = 0; c < kept; c++) columns[c].addCells(i0, n, b, c, done, markers);
      const tap = this.tap;
      if (tap !== null && b.tapCell !== undefined) {
        const first = this.rowsBefore + i0;
        for (let j = 0; j < n; j++) tap.add(first + j, b.tapCell(done + j));
      }
      this.rows = i0 + n;
      done += n;
      if (this.rows === this.chunkRows) this.handOver();
    }
  }

  /** Chunk mode: hands the rows so far to onChunk and starts fresh columns (carrying decided marks). */
  private handOver(): void {
    const rows = this.rows;
    const table: ParsedTable = {
      file: this.file,
      rows,
      delimiter: this.delimiter,
      columns: this.columns!.map((c) => c.finish(rows)),
      warnings: [],
      ...(this.notParsed.length ? { notParsed: this.notParsed } : {}),
      ...(this.headerWarning !== null ? { headerIsNumbers: true } : {}),
    };
    this.onChunk!(table, this.rowsBefore);
    for (const c of table.columns) {
      const f = c.numberFormat;
      if (f !== undefined && f.decimal !== null && !this.decided.has(c.name))
        this.decided.set(c.name, { mark: f.decimal, by: f.decidedBy });
    }
    this.rowsBefore += rows;
    this.rows = 0;
    this.columns = this.columns!.map((c) => this.columnBuilder(c.name));
    this.builderSet++;
  }

  private columnBuilder(name: string): ColumnBuilder {
    const decided = this.decided.get(name);
    return new ColumnBuilder(name, this.capacity, decided !== undefined ? { ...this.numberFormat, decided } : this.numberFormat);
  }

  /** Handles a row whose field count differs from the header's; returns the fields to use. */
  private ragged(row: string[], width: number, dataRow: number): number {
    if (row.length < width) {
      if (this.shortRows++ === 0) this.firstShortRow = dataRow;
      return row.length;
    }
    for (let c = width; c < row.length; c++) {
      if (row[c].trim() !== '') {
        throw new InputError(
          `${this.file}: data row ${dataRow} has ${row.length} fields but the header has ${width}; ` +
            `quote fields that contain the delimiter ${delimiterName(this.delimiter)} or remove the extra fields`,
        );
      }
    }
    if (this.longBlankRows++ === 0) this.firstLongBlankRow = dataRow;
    return width;
  }

  private header(row: string[]): ColumnBuilder[] {
    const names = row.map((cell, c) => (c === 0 ? cell.replace(/^\ufeff/, '') : cell).trim());
    const isNumber = (name: string) => parseNumber(name) === parseNumber(name);
    const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ', ...' : '');
    // A file without a header row often repeats a value in its first row (0/1 flags) or leaves a cell
    // empty, and fails here, before the all-numbers warning below could say what is wrong.
    const nonEmpty = names.filter((name) => name !== '');
    const noHeaderHint =
      nonEmpty.length > 0 && nonEmpty.every(isNumber)
        ? `; the first row (${shown}) is all numbers: if the file has no header row, add a header line with the column names`
        : '';
    const seen = new Map<string, number>();
    names.forEach((name, c) => {
      if (name === '') {
        throw new InputError(
          `${this.file}: column ${c + 1} of the header has no name; give every column a name in the first line${noHeaderHint}`,
        );
      }
      const before = seen.get(name);
      if (before !== undefined) {
        throw new InputError(
          `${this.file}: column name "${name}" appears twice in the header (columns ${before + 1} and ${c + 1}); rename one of them${
            noHeaderHint !== '' || !isNumber(name)
              ? noHeaderHint
              : `; a repeated number as a column name suggests the first row (${shown}) is data: if the file has no header row, add a header line with the column names`
          }`,
        );
      }
      seen.set(name, c);
    });
    if (names.every(isNumber)) {
      // Names like "2019" exist, so this is a warning, not an error; a file without a header row would
      // otherwise only fail later, on "column ... is missing from" the other file.
      this.headerWarning = `${this.file}: the first row (${shown}) is all numbers; the first row must be the header with the column names, so it is read as names; add a header line if the file has none`;
    }
    this.width = names.length;
    this.names = names;
    if (this.tap !== null) {
      this.tapField = names.indexOf(this.tap.column);
      if (this.tapField < 0)
        throw new InputError(`${this.file}: windows.column "${this.tap.column}" is not a column; ${columnHint(this.tap.column, names)}`);
    }
    const kept = names.map((name, c) => [name, c] as const).filter(([name]) => !this.skip.has(name));
    this.notParsed = names.filter((name) => this.skip.has(name));
    this.fieldOf = Int32Array.from(kept, ([, c]) => c);
    return kept.map(([name]) => this.columnBuilder(name));
  }

  /**
   * The table; in chunk mode, the last rows go to onChunk and the table returned has every fact of the
   * file (rows in all, warnings) but no columns.
   */
  finish(): ParsedTable {
    if (this.columns === null) {
      throw new InputError(`${this.file} is empty: it has no header and no rows; export it with a header line and data rows`);
    }
    if (this.rowsBefore + this.rows === 0 && !this.continued) {
      throw new InputError(`${this.file} has a header but no data rows: add rows below the header line (${this.width} columns)`);
    }
    const warnings: string[] = this.headerWarning !== null ? [this.headerWarning] : [];
    warnings.push(...rowWarnings(this.file, this.tally));
    if (this.onChunk !== null && this.rows > 0) this.handOver();
    const rows = this.rowsBefore + this.rows;
    return {
      file: this.file,
      rows,
      delimiter: this.delimiter,
      columns: this.onChunk !== null ? [] : this.columns.map((c) => c.finish(rows)),
      warnings,
      ...(this.notParsed.length ? { notParsed: this.notParsed } : {}),
      ...(this.headerWarning !== null ? { headerIsNumbers: true } : {}),
    };
  }
}

/**
 * True for a blank line (no delimiter, only whitespace), which is skipped like pandas'
 * `skip_blank_lines`. A line of delimiters only (",,,") is a row of missing values.
 */
function isBlankRow(row: string[]): boolean {
  if (row.length !== 1) return false;
  const first = row[0];
  return first.length === 0 || (first.charCodeAt(0) <= 32 && first.trim() === '');
}
