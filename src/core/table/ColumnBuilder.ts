import type { ParsedColumn } from './types.ts';
import type { MissingMarkers } from './missingMarkers.ts';
import { parseNumber } from './parseNumber.ts';

const CACHE_MASK = 1023;
const EMPTY_CACHE = new Int32Array(0);

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
  values: Float64Array;
  codes: Int32Array | null = null;
  dictionary: string[] | null = null;
  private index: Map<string, number> | null = null;
  private cache = EMPTY_CACHE;
  missing = 0;
  nonNumeric = 0;
  firstNonNumeric: { row: number; value: string } | null = null;

  constructor(
    readonly name: string,
    capacity: number,
  ) {
    this.values = new Float64Array(capacity);
  }

  /** Reallocates to `capacity` rows, keeping the first `rows`. */
  grow(capacity: number, rows: number): void {
    const values = new Float64Array(capacity);
    values.set(this.values.subarray(0, rows));
    this.values = values;
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
    const v = parseNumber(s);
    this.values[i] = v;
    if (v === v) {
      if (this.codes !== null) this.codes[i] = this.code(String(v));
      return;
    }
    this.nonNumeric++;
    if (this.codes === null) this.startDictionary(i, s);
    this.codes![i] = this.code(s);
  }

  addMissing(i: number): void {
    this.values[i] = NaN;
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
    const slot =
      (len * 7 + s.charCodeAt(0) * 31 + s.charCodeAt(len - 1) * 131 + (len > 1 ? s.charCodeAt(len - 2) * 1031 : 0)) &
      CACHE_MASK;
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
    this.codes = new Int32Array(this.values.length);
    this.dictionary = [];
    this.index = new Map();
    this.cache = new Int32Array(CACHE_MASK + 1);
    const values = this.values;
    for (let j = 0; j < i; j++) {
      const v = values[j];
      this.codes[j] = v === v ? this.code(String(v)) : -1;
    }
  }

  /** The finished column with arrays trimmed to exactly `rows` elements (own buffers). */
  finish(rows: number): ParsedColumn {
    return {
      name: this.name,
      values: this.values.length === rows ? this.values : this.values.slice(0, rows),
      codes: this.codes === null ? null : this.codes.length === rows ? this.codes : this.codes.slice(0, rows),
      dictionary: this.dictionary,
      missing: this.missing,
      nonNumeric: this.nonNumeric,
      firstNonNumeric: this.firstNonNumeric,
    };
  }
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
