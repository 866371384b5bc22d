import type { ParsedColumn } from './types.ts';
import { keptValues } from './numericValues.ts';
import type { MissingMarkers } from './missingMarkers.ts';
import { parseNumber, pointShape, POINT_DECIMAL } from './parseNumber.ts';
import { groupedShape, mayBeGrouped, parseGroupedNumber } from './parseGroupedNumber.ts';
import { NumberFormatTracker, type NumberFormatOptions } from './NumberFormatTracker.ts';
import { TextHashSet } from './TextHashSet.ts';
import type { CellBlock } from './TableBuilder.ts';
import { CSV_TALLY } from './csvReaderWasm.ts';

/** Distinct texts kept as strings; beyond this a column is high-cardinality (hashes only). */
export const DICTIONARY_LIMIT = 1 << 16;

const CACHE_MASK = 1023;
/** The byte reader's tag of a text given by its hash (wasm/csv/parseBlock.ts TAG_HASHED). */
const TAG_HASHED = -16;
const EMPTY_CACHE = new Int32Array(0);
// The byte reader's tally of a column's cells in a block (wasm/csv/parseBlock.ts K_*), at
// column * CSV_TALLY + kind.
const TALLY_INT = 0;
const TALLY_DECIMAL = 1;
const TALLY_AMBIGUOUS = 2;
const TALLY_MISSING = 3;
const TALLY_CODED = 4;
const TALLY_HASHED = 5;
const TALLY_OTHER = 6;

/**
 * Accumulates one CSV column into typed arrays, cell by cell.
 *
 * Every cell goes to `values` as a number (NaN when missing or not a number). The first non-missing
 * cell that is not a number switches the column to dictionary encoding as well: from then on every
 * non-missing cell gets a code. Numeric cells are encoded by their canonical text `String(value)`
 * ("1.0" and "1" are one category, as pandas does on a numeric dtype), also for the rows before the
 * switch, whose raw text is no longer kept. Text cells are encoded by their trimmed text.
 */
export class ColumnBuilder {
  /**
   * The numbers, allocated at the first number (a text column never needs them, see ParsedColumn.values);
   * while null every row so far is NaN.
   */
  values: Float64Array | null = null;
  /** Rows the arrays hold (grow()). */
  private capacity: number;
  codes: Int32Array | null = null;
  dictionary: string[] | null = null;
  private index: Map<string, number> | null = null;
  private cache = EMPTY_CACHE;
  /** Replaces the dictionary once it passes DICTIONARY_LIMIT. */
  private hashes: TextHashSet | null = null;
  missing = 0;
  nonNumeric = 0;
  firstNonNumeric: { row: number; value: string } | null = null;
  private readonly format: NumberFormatTracker;
  /** Codes were rewritten (rescaled numbers): unused dictionary entries are dropped at finish(). */
  private recoded = false;

  constructor(
    readonly name: string,
    capacity: number,
    numberFormat: NumberFormatOptions = {},
  ) {
    this.capacity = capacity;
    this.format = new NumberFormatTracker(numberFormat, (rows) => this.rescale(rows));
  }

  /** Ambiguous cells ("1.234") that turned out to hold thousands: their value times 1000. */
  private rescale(rows: number[]): void {
    const values = this.values!; // the rows hold numbers
    for (const r of rows) {
      values[r] = Math.round(values[r] * 1000);
      if (this.codes !== null) {
        this.codes[r] = this.code(String(values[r]));
        this.recoded = true;
      } else if (this.hashes !== null) this.hashes.add(String(values[r]));
    }
  }

  /** Reallocates to `capacity` rows, keeping the first `rows`. */
  grow(capacity: number, rows: number): void {
    this.capacity = capacity;
    if (this.values !== null) {
      const values = new Float64Array(capacity);
      values.set(this.values.subarray(0, rows));
      this.values = values;
    }
    if (this.codes) {
      const codes = new Int32Array(capacity);
      codes.set(this.codes.subarray(0, rows));
      this.codes = codes;
    }
  }

  /** Records row `i` (0-based) from its raw cell text. */
  add(i: number, raw: string, markers: MissingMarkers): void {
    let s = raw;
    let len = s.length;
    if (len === 0) return this.addMissing(i);
    if (s.charCodeAt(0) <= 32 || s.charCodeAt(len - 1) <= 32) {
      s = s.trim();
      len = s.length;
      if (len === 0) return this.addMissing(i);
    }
    if (markers.has(s)) return this.addMissing(i);
    let v = parseNumber(s);
    if (v === v) {
      const shape = pointShape;
      if (shape !== 0 && !(shape === POINT_DECIMAL && this.format.pointSettled)) v = this.format.point(i, v, shape, s);
    } else if (mayBeGrouped(s)) {
      v = parseGroupedNumber(s);
      if (v === v) v = this.format.grouped(i, v, groupedShape, s);
    }
    const values = this.values ?? (v === v ? this.numbers() : null);
    if (values !== null) values[i] = v;
    if (v === v) {
      if (this.codes !== null) this.codes[i] = this.code(String(v));
      else if (this.hashes !== null) this.hashes.add(String(v));
      return;
    }
    this.addNonNumber(i, s);
  }

  /**
   * Records row `i` as a number read from bytes (see csvBytes.ts): `v` and `shape` are what
   * parseNumber and its pointShape give for the cell's text. Returns false, recording nothing, when
   * the column's number format needs the text: then the caller calls add() with it.
   */
  addNumber(i: number, v: number, shape: number): boolean {
    if (shape !== 0) {
      if (!this.format.pointSettled) return false;
      // Decided '.': a plain decimal needs no bookkeeping and an ambiguous "1.234" is read as a decimal,
      // without looking at its text (NumberFormatTracker.point).
      if (shape !== POINT_DECIMAL) v = this.format.point(i, v, shape, '');
    }
    const values = this.values ?? (v === v ? this.numbers() : null);
    if (values !== null) values[i] = v;
    if (this.codes !== null) this.codes[i] = this.code(String(v));
    else if (this.hashes !== null) this.hashes.add(String(v));
    return true;
  }

  /**
   * Rows `i0` to `i0 + n - 1` from parsed column `c` of a block of the byte reader (see TableBuilder
   * CellBlock), from the block's row `done` on. The rows must fit (grow() first). Each cell takes the
   * path add() would. A whole block column of common cells (numbers the column needs no text of,
   * missing cells, texts seen before, hashed texts of a hashing column) is copied from the reader's
   * dense outputs (wholeColumn); otherwise the common cells go in tight runs (plain numbers and missing
   * cells of a column without codes; missing cells and texts seen before of a coded column), the
   * others one by one (cell()).
   */
  addCells(i0: number, n: number, b: CellBlock, c: number, done: number, markers: MissingMarkers): void {
    if (done === 0 && n === b.rows && this.wholeColumn(i0, n, b, c)) return;
    const { tags, vals } = b;
    const dict = b.dict[c];
    const k0 = c * b.stride + done;
    const stride = 1;
    let r = 0;
    while (r < n) {
      if (this.hashes !== null) r = b.words !== undefined ? this.hashedRun(i0, n, r, tags, b.words, k0, stride) : r;
      else r = this.codes === null ? this.plainRun(i0, n, r, tags, vals, k0, stride) : this.codedRun(i0, n, r, tags, k0, stride);
      if (r >= n) break;
      this.cell(i0 + r, tags[k0 + r * stride], k0 + r * stride, b, c, dict, markers);
      r++;
    }
  }

  /**
   * Takes block column c (rows i0..i0 + n - 1) whole when its tally shows only cells whose effect on
   * this builder the reader's outputs give: numbers in a column without codes or hashes (decimals once
   * the column's mark is '.'), missing cells, texts with a builder code, hashed texts of a hashing
   * column. Returns false, changing nothing, otherwise.
   */
  private wholeColumn(i0: number, n: number, b: CellBlock, c: number): boolean {
    const t = b.tally;
    const o = c * CSV_TALLY;
    const decimals = t[o + TALLY_DECIMAL];
    const ambiguous = t[o + TALLY_AMBIGUOUS];
    const numbers = t[o + TALLY_INT] + decimals + ambiguous;
    const coded = t[o + TALLY_CODED];
    const hashed = t[o + TALLY_HASHED];
    if (t[o + TALLY_OTHER] !== 0) return false;
    if (numbers > 0 && (this.codes !== null || this.hashes !== null || (decimals + ambiguous > 0 && !this.format.pointSettled)))
      return false;
    if ((coded > 0 && this.codes === null) || (hashed > 0 && this.hashes === null)) return false;
    const k0 = c * b.stride;
    if (numbers > 0) (this.values ?? this.numbers()).set(b.vals.subarray(k0, k0 + n), i0);
    else if (this.values !== null) this.values.fill(NaN, i0, i0 + n);
    if (this.codes !== null) this.codes.set(b.codes.subarray(k0, k0 + n), i0);
    if (hashed > 0) this.hashes!.addPairs(b.hashes.subarray(2 * k0, 2 * (k0 + hashed)));
    // A settled '.' column reads an ambiguous "1.234" as a decimal, counting the cell (NumberFormatTracker.point).
    if (ambiguous > 0) this.format.settledAmbiguous(ambiguous);
    this.missing += t[o + TALLY_MISSING];
    this.nonNumeric += coded + hashed;
    return true;
  }

  /** Rows from r while they are plain numbers or missing, in a column without codes; returns the first row that is not. */
  private plainRun(i0: number, n: number, r: number, tags: Int32Array, vals: Float64Array, k0: number, stride: number): number {
    let values = this.values;
    const settled = this.format.pointSettled;
    let missing = 0;
    let k = k0 + r * stride;
    for (; r < n; r++, k += stride) {
      const t = tags[k];
      if (t === -2 || (t === -3 && settled)) (values ??= this.numbers())[i0 + r] = vals[k];
      else if (t === -1) {
        if (values !== null) values[i0 + r] = NaN;
        missing++;
      } else break;
    }
    this.missing += missing;
    return r;
  }

  /** Rows from r while they are missing or texts whose reader code has a code here, in a coded column. */
  private codedRun(i0: number, n: number, r: number, tags: Int32Array, k0: number, stride: number): number {
    const values = this.values;
    const codes = this.codes!;
    const known = this.readerCodes;
    const knownLength = known.length;
    let missing = 0;
    let texts = 0;
    let k = k0 + r * stride;
    for (; r < n; r++, k += stride) {
      const t = tags[k];
      const i = i0 + r;
      if (t >= 0) {
        // The reader's code of a text maps to one dictionary code for the life of this builder
        // (codes only change at finish, or go away when the column turns high-cardinality).
        const c = (t & 1) === 0 && t >> 1 < knownLength ? known[t >> 1] : -1;
        if (c < 0) break;
        if (values !== null) values[i] = NaN;
        codes[i] = c;
        texts++;
      } else if (t === -1) {
        if (values !== null) values[i] = NaN;
        codes[i] = -1;
        missing++;
      } else break;
    }
    this.missing += missing;
    this.nonNumeric += texts;
    return r;
  }

  /** Rows from r while they are missing or hashed texts (tag -16), in a column that counts texts by hash. */
  private hashedRun(i0: number, n: number, r: number, tags: Int32Array, words: Int32Array, k0: number, stride: number): number {
    const values = this.values;
    const hashes = this.hashes!;
    let missing = 0;
    let texts = 0;
    let k = k0 + r * stride;
    for (; r < n; r++, k += stride) {
      const t = tags[k];
      if (t === TAG_HASHED) {
        if (values !== null) values[i0 + r] = NaN;
        hashes.addHash(words[2 * k], words[2 * k + 1]);
        texts++;
      } else if (t === -1) {
        if (values !== null) values[i0 + r] = NaN;
        missing++;
      } else break;
    }
    this.missing += missing;
    this.nonNumeric += texts;
    return r;
  }

  /** Whether the column counts its texts by hash only (it passed DICTIONARY_LIMIT). */
  get hashing(): boolean {
    return this.hashes !== null;
  }

  /** One cell of a byte reader block (tag t, slot k), as add() would take it. */
  private cell(i: number, t: number, k: number, b: CellBlock, c: number, dict: string[], markers: MissingMarkers): void {
    if (t >= 0) {
      const s = dict[t >> 1];
      if ((t & 1) === 0) {
        this.addText(i, s);
        if (this.codes !== null && !(t >> 1 < this.readerCodes.length && this.readerCodes[t >> 1] >= 0)) {
          this.rememberReaderCode(t >> 1, this.codes[i]);
          b.learn(c, t >> 1, this.codes[i]);
        }
      } else this.add(i, s, markers);
    } else if (t === -1) this.addMissing(i);
    else if (t === TAG_HASHED) {
      if (this.hashes !== null) {
        if (this.values !== null) this.values[i] = NaN;
        this.nonNumeric++;
        this.hashes.addHash(b.words![2 * k], b.words![2 * k + 1]);
      } else this.addText(i, b.text(k));
    } else if (!this.addNumber(i, b.vals[k], -2 - t)) this.add(i, b.text(k), markers);
  }

  private readerCodes = EMPTY_CACHE;

  private rememberReaderCode(readerCode: number, code: number): void {
    if (readerCode >= this.readerCodes.length) {
      const next = new Int32Array(Math.max(64, readerCode * 2)).fill(-1);
      next.set(this.readerCodes);
      this.readerCodes = next;
    }
    this.readerCodes[readerCode] = code;
  }

  /**
   * Records row `i` from a trimmed, non-empty text that is no missing marker and that neither
   * parseNumber nor parseGroupedNumber can read (its first character rules both out, see mayBeGrouped).
   */
  addText(i: number, s: string): void {
    if (this.values !== null) this.values[i] = NaN;
    this.addNonNumber(i, s);
  }

  private addNonNumber(i: number, s: string): void {
    this.nonNumeric++;
    if (this.hashes !== null) {
      this.hashes.add(s);
      return;
    }
    if (this.codes === null) this.startDictionary(i, s);
    this.codes![i] = this.code(s);
    if (this.dictionary!.length > DICTIONARY_LIMIT) this.startHashing();
  }

  /** Allocates `values` at the first number: NaN for the rows so far (missing or text). */
  private numbers(): Float64Array {
    this.values = new Float64Array(this.capacity).fill(NaN);
    return this.values;
  }

  /** Too many distinct texts: keep counting them by hash, drop the codes and the Map. */
  private startHashing(): void {
    const hashes = new TextHashSet(Math.max(DICTIONARY_LIMIT * 4, this.capacity));
    for (const d of this.dictionary!) hashes.add(d);
    this.hashes = hashes;
    this.codes = null;
    this.index = null;
    this.cache = EMPTY_CACHE;
    this.dictionary!.length = DICTIONARY_LIMIT;
  }

  addMissing(i: number): void {
    if (this.values !== null) this.values[i] = NaN;
    this.missing++;
    if (this.codes !== null) this.codes[i] = -1;
  }

  /**
   * Code of a cell text. A direct-mapped cache keyed on length and first/last characters answers
   * most cells of a low-cardinality column with one short string comparison, skipping the Map's
   * hashing of a fresh string; misses (and high-cardinality columns) fall back to the Map.
   */
  private code(s: string): number {
    const len = s.length;
    const slot = (len * 7 + s.charCodeAt(0) * 31 + s.charCodeAt(len - 1) * 131 + (len > 1 ? s.charCodeAt(len - 2) * 1031 : 0)) & CACHE_MASK;
    const cached = this.cache[slot] - 1;
    if (cached >= 0 && this.dictionary![cached] === s) return cached;
    const index = this.index!;
    let c = index.get(s);
    if (c === undefined) {
      c = this.dictionary!.length;
      const own = detach(s);
      this.dictionary!.push(own);
      index.set(own, c);
    }
    this.cache[slot] = c + 1;
    return c;
  }

  /** Switches on dictionary encoding at row `i`, backfilling rows 0..i-1 from their numbers. */
  private startDictionary(i: number, s: string): void {
    this.firstNonNumeric = { row: i + 1, value: s };
    this.codes = new Int32Array(this.capacity);
    this.dictionary = [];
    this.index = new Map();
    this.cache = new Int32Array(CACHE_MASK + 1);
    const values = this.values;
    if (values === null) this.codes.fill(-1, 0, i);
    for (let j = 0; values !== null && j < i; j++) {
      const v = values[j];
      this.codes[j] = v === v ? this.code(String(v)) : -1;
    }
  }

  /**
   * The finished column with arrays of exactly `rows` elements. A little spare capacity (up to
   * 1/8) stays in the buffer behind a `subarray` view instead of being copied, which would
   * briefly double the memory of a large table; more is trimmed by a copy. Either way each array
   * is the only view on its buffer, so the buffer can be transferred.
   */
  finish(rows: number): ParsedColumn {
    const numberFormat = this.format.finish();
    if (this.recoded) compactDictionary(this.codes!, this.dictionary!, rows);
    const codes = this.codes === null ? null : trim(this.codes, rows);
    // A text column keeps no values; a column without codes always has them (types.ts).
    const values = this.values ?? (codes === null ? this.numbers() : null);
    return {
      name: this.name,
      values:
        values === null || keptValues(values.subarray(0, rows), codes, this.missing, this.nonNumeric) === null ? null : trim(values, rows),
      codes,
      dictionary: this.dictionary,
      missing: this.missing,
      nonNumeric: this.nonNumeric,
      firstNonNumeric: this.firstNonNumeric,
      ...(this.hashes !== null ? { highCardinality: { distinct: this.hashes.size } } : {}),
      ...(numberFormat !== null ? { numberFormat } : {}),
    };
  }
}

/**
 * Drops dictionary entries no row uses any more (a rescaled number's old text), renumbering the codes
 * in place, so every category has at least one row.
 */
export function compactDictionary(codes: Int32Array, dictionary: string[], rows: number): void {
  const used = new Uint8Array(dictionary.length);
  for (let i = 0; i < rows; i++) if (codes[i] >= 0) used[codes[i]] = 1;
  if (used.every((u) => u === 1)) return;
  const next = new Int32Array(dictionary.length);
  let n = 0;
  for (let c = 0; c < dictionary.length; c++) {
    next[c] = n;
    if (used[c]) dictionary[n++] = dictionary[c];
  }
  dictionary.length = n;
  for (let i = 0; i < rows; i++) if (codes[i] >= 0) codes[i] = next[codes[i]];
}

/**
 * A copy of `s` that does not keep its parent alive. A cell from the parser can be a slice of the
 * whole multi-megabyte chunk text (V8 "sliced string", from 13 characters up); keeping it in a
 * dictionary would keep every chunk of a high-cardinality column in memory. Concatenation flattens
 * into a fresh string. Runs once per dictionary entry, not per cell.
 */
function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

function trim<T extends Float64Array | Int32Array>(a: T, rows: number): T {
  if (a.length === rows) return a;
  return (a.length - rows <= a.length / 8 ? a.subarray(0, rows) : a.slice(0, rows)) as T;
}
