import { DICTIONARY_LIMIT } from '../ColumnBuilder.ts';
import type { MissingMarkers } from '../missingMarkers.ts';
import { TextHashSet } from '../TextHashSet.ts';
import type { ParsedColumn } from '../types.ts';
import type { ParquetValueKind } from './parquetColumns.ts';
import { asciiText, isByteTexts, type ByteTexts, type HashPair } from './byteTexts.ts';

/** The values hyparquet decodes a column chunk into (typed arrays, or arrays with null for a missing value). */
export type DecodedValues = ArrayLike<unknown>;

/**
 * A dictionary-encoded page of a text-like column: per row the index of its value in `dictionary`
 * (-1 for null), so each distinct value is trimmed and looked up once per page, not once per row.
 */
export interface CodedValues {
  indices: Int32Array;
  dictionary: ArrayLike<unknown>;
}

/** One page (or a slice of one) of a column. */
export type PageValues = DecodedValues | CodedValues | ByteTexts;

export function isCoded(page: PageValues): page is CodedValues {
  return (page as CodedValues).indices instanceof Int32Array;
}

/** The rows a page holds. */
export function pageRows(page: PageValues): number {
  return isCoded(page) ? page.indices.length : isByteTexts(page) ? page.starts.length : page.length;
}

/**
 * Accumulates one Parquet column into a ParsedColumn, typed by its schema (parquetColumns.ts) rather
 * than by its cells: a number column never gets text cells, a string column's cells are never parsed as
 * numbers. Null is missing; so is NaN (as pandas reads it) and an infinity (counted for a warning: the
 * tests need finite numbers). Texts are trimmed and compared with data.missing_values as a CSV's cells
 * are, so a file written from a CSV reads as that CSV; they are dictionary-encoded up to
 * DICTIONARY_LIMIT distinct values, then counted by hash (high cardinality), as ColumnBuilder does.
 */
export class ParquetColumnBuilder {
  /** Null for a text-like column: its cells are never numbers, so it holds no values (types.ts). */
  private values: Float64Array | null;
  private capacity: number;
  private codes: Int32Array | null = null;
  private dictionary: string[] | null = null;
  private index: Map<string, number> | null = null;
  private hashes: TextHashSet | null = null;
  private rows = 0;
  missing = 0;
  nonNumeric = 0;
  /** Infinite numbers read as missing. */
  infinite = 0;
  private firstNonNumeric: { row: number; value: string } | null = null;

  constructor(
    readonly name: string,
    readonly kind: ParquetValueKind,
    capacity: number,
  ) {
    this.capacity = Math.max(16, capacity);
    this.values = kind === 'number' ? new Float64Array(this.capacity) : null;
    if (kind !== 'number') {
      this.codes = new Int32Array(this.capacity);
      this.dictionary = [];
      this.index = new Map();
    }
  }

  /** Appends the next rows' decoded values. */
  append(data: PageValues, markers: MissingMarkers): void {
    if (isCoded(data)) return this.appendCoded(data, markers);
    if (isByteTexts(data)) return this.appendByteTexts(data, markers);
    const n = data.length;
    this.reserve(this.rows + n);
    if (this.kind === 'number') this.appendNumbers(data, n);
    else this.appendTexts(data, n, markers);
  }

  /** The last dictionary seen, its entries as texts (null: missing) and their codes (-2: not looked up yet). */
  private lastDictionary: ArrayLike<unknown> | null = null;
  private entryTexts: (string | null)[] = [];
  private entryCodes = new Int32Array(0);

  private appendCoded(data: CodedValues, markers: MissingMarkers): void {
    const { indices, dictionary } = data;
    const n = indices.length;
    this.reserve(this.rows + n);
    if (dictionary !== this.lastDictionary) {
      this.lastDictionary = dictionary;
      this.entryTexts = Array.from({ length: dictionary.length }, (_, i) => {
        const s = this.text(dictionary[i]);
        return s === null || s.length === 0 || markers.has(s) ? null : s;
      });
      this.entryCodes = new Int32Array(dictionary.length).fill(-2);
    }
    const texts = this.entryTexts;
    const entryCodes = this.entryCodes;
    let r = this.rows;
    for (let i = 0; i < n; i++, r++) {
      const k = indices[i];
      const s = k >= 0 ? texts[k] : null;
      if (s === null || s === undefined) {
        this.missing++;
        if (this.codes !== null) this.codes[r] = -1;
        continue;
      }
      this.nonNumeric++;
      if (this.firstNonNumeric === null) this.firstNonNumeric = { row: r + 1, value: s };
      if (this.hashes !== null) {
        this.hashes.add(s);
        continue;
      }
      let c = entryCodes[k];
      if (c === -2) {
        c = this.code(s);
        if (this.hashes !== null) continue;
        entryCodes[k] = c;
      }
      this.codes![r] = c;
    }
    this.rows = r;
  }

  /** The code of a text (a new one when unseen); past DICTIONARY_LIMIT texts, switches to hashing (then -1). */
  private code(s: string): number {
    let c = this.index!.get(s);
    if (c === undefined) {
      c = this.dictionary!.length;
      this.dictionary!.push(s);
      this.index!.set(s, c);
      if (c === DICTIONARY_LIMIT) {
        this.startHashing();
        return -1;
      }
    }
    return c;
  }

  private reserve(rows: number): void {
    if (rows <= this.capacity) return;
    const capacity = (this.capacity = Math.max(rows, this.capacity * 2));
    if (this.values !== null) {
      const values = new Float64Array(capacity);
      values.set(this.values.subarray(0, this.rows));
      this.values = values;
    }
    if (this.codes !== null) {
      const codes = new Int32Array(capacity);
      codes.set(this.codes.subarray(0, this.rows));
      this.codes = codes;
    }
  }

  private appendNumbers(data: DecodedValues, n: number): void {
    const values = this.values!;
    if (data instanceof Float64Array) return this.appendFloats(data, n);
    let r = this.rows;
    for (let i = 0; i < n; i++, r++) {
      const v = data[i];
      const x = typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : NaN;
      if (x - x === 0) values[r] = x;
      else {
        values[r] = NaN;
        this.missing++;
        if (x === Infinity || x === -Infinity) this.infinite++;
      }
    }
    this.rows = r;
  }

  /** appendNumbers of a Float64Array (what number pages decode to): copied at once, then the non-finite ones marked. */
  private appendFloats(data: Float64Array, n: number): void {
    const values = this.values!;
    const r0 = this.rows;
    values.set(data, r0);
    for (let i = 0; i < n; i++) {
      const x = data[i];
      if (x - x !== 0) {
        values[r0 + i] = NaN;
        this.missing++;
        if (x === Infinity || x === -Infinity) this.infinite++;
      }
    }
    this.rows = r0 + n;
  }

  private readonly hash: HashPair = { h1: 0, h2: 0 };

  /**
   * A PLAIN string page as bytes: once the column is hashed, an ASCII value is trimmed, compared with
   * the markers and hashed from its bytes (byteTexts.ts asciiText), with the same outcome as its
   * string; any other value, and every value before hashing starts, goes the string way.
   */
  private appendByteTexts(page: ByteTexts, markers: MissingMarkers): void {
    const { bytes, starts, lengths, decode } = page;
    const n = starts.length;
    this.reserve(this.rows + n);
    const hash = this.hash;
    let r = this.rows;
    for (let i = 0; i < n; i++, r++) {
      const start = starts[i];
      if (start >= 0 && this.hashes !== null && this.firstNonNumeric !== null) {
        const got = asciiText(bytes, start, start + lengths[i], markers, hash);
        if (got === 'text') {
          this.nonNumeric++;
          this.hashes.addHash(hash.h1, hash.h2);
          continue;
        }
        if (got === 'missing') {
          this.missing++;
          continue;
        }
      }
      this.addText(start < 0 ? null : decode(bytes.subarray(start, start + lengths[i])).trim(), r, markers);
    }
    this.rows = r;
  }

  private appendTexts(data: DecodedValues, n: number, markers: MissingMarkers): void {
    let r = this.rows;
    for (let i = 0; i < n; i++, r++) this.addText(this.text(data[i]), r, markers);
    this.rows = r;
  }

  /** Row r's trimmed text (null: no value): missing, hashed or coded. */
  private addText(s: string | null, r: number, markers: MissingMarkers): void {
    if (s === null || s.length === 0 || markers.has(s)) {
      this.missing++;
      if (this.codes !== null) this.codes[r] = -1;
      return;
    }
    this.nonNumeric++;
    if (this.firstNonNumeric === null) this.firstNonNumeric = { row: r + 1, value: s };
    if (this.hashes !== null) {
      this.hashes.add(s);
      return;
    }
    const c = this.code(s);
    if (this.hashes !== null) return;
    this.codes![r] = c;
  }

  /** A cell as trimmed text (null when missing). */
  private text(v: unknown): string | null {
    if (v === null || v === undefined) return null;
    switch (this.kind) {
      case 'boolean':
        return v === true ? 'true' : v === false ? 'false' : null;
      case 'date':
        return typeof v === 'number' && Number.isFinite(v) ? isoDate(v * 86_400_000) : null;
      case 'timestamp':
        return typeof v === 'number' && Number.isFinite(v) ? isoDateTime(v) : null;
      default:
        return typeof v === 'string' ? v.trim() : null;
    }
  }

  /** Too many distinct texts: keep counting them by hash; the dictionary keeps the first ones as a sample. */
  private startHashing(): void {
    const hashes = new TextHashSet(Math.max(DICTIONARY_LIMIT * 4, this.capacity));
    for (const d of this.dictionary!) hashes.add(d);
    this.hashes = hashes;
    this.codes = null;
    this.index = null;
    this.dictionary!.length = DICTIONARY_LIMIT;
  }

  finish(): ParsedColumn {
    const rows = this.rows;
    const codes = this.codes === null || this.nonNumeric === 0 ? null : this.codes.length === rows ? this.codes : this.codes.slice(0, rows);
    // A number column (no codes) keeps its values. A text-like column's every row is missing or a
    // text, so by keptValues' rule it keeps none when it has codes, else (hashed, or no text at all)
    // all NaN.
    const values =
      this.values !== null
        ? this.values.length === rows
          ? this.values
          : this.values.slice(0, rows)
        : codes === null
          ? new Float64Array(rows).fill(NaN)
          : null;
    return {
      name: this.name,
      values,
      codes,
      dictionary: this.nonNumeric === 0 ? null : this.dictionary,
      missing: this.missing,
      nonNumeric: this.nonNumeric,
      firstNonNumeric: this.firstNonNumeric,
      ...(this.hashes !== null ? { highCardinality: { distinct: this.hashes.size } } : {}),
    };
  }
}

/** Milliseconds since 1970 (UTC) as "2024-01-31"; out of Date's range, null. */
function isoDate(ms: number): string | null {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** Milliseconds since 1970 (UTC) as "2024-01-31 12:00:00", with ".fff" when not a whole second. */
function isoDateTime(ms: number): string | null {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  const iso = d.toISOString();
  return iso.slice(0, 10) + ' ' + (iso.slice(20, 23) === '000' ? iso.slice(11, 19) : iso.slice(11, 23));
}
