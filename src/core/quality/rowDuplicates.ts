/**
 * Duplicate rows of a parsed table, counted as pandas `df.duplicated().sum()` counts them: every row
 * equal to an earlier row in every parsed column. The table keeps no rows, so each row is hashed from
 * its columns (text cells by their dictionary code, numbers by their bits, missing as one value) into
 * 53 bits; two different rows share a hash with probability about n^2 / 2^54 (under 1e-4 for a million
 * rows), which would count one spurious duplicate.
 */
import type { ParsedTable } from '../table/types.ts';
import { sortFloat64 } from '../profile/sortFloat64.ts';

export interface RowDuplicates {
  rows: number;
  /** Rows equal to an earlier row. */
  duplicates: number;
  /** duplicates / rows (0 for an empty table). */
  share: number;
  /**
   * Columns whose text the table does not keep (more distinct texts than the parser's dictionary
   * holds: IDs, free text), left out of the comparison: rows equal elsewhere count as duplicates.
   */
  ignored: string[];
}

/** Rows hashed per block: the block's two hash words stay in the L1 cache across all columns. */
const BLOCK = 2048;

/**
 * `sort` orders an array of integers below 2^53 (no NaN) ascending, in place or into the array it
 * returns (default sortFloat64; a thread with the wasm kernels passes their radix sort, about twice as fast).
 */
export function rowDuplicates(table: ParsedTable, sort: (keys: Float64Array) => Float64Array = sortInPlace): RowDuplicates {
  const n = table.rows;
  const h1 = new Int32Array(n).fill(0x811c9dc5 | 0);
  const h2 = new Int32Array(n).fill(0x2545f491);
  const ignored: string[] = [];
  for (const col of table.columns) if (col.codes === null && col.nonNumeric > 0) ignored.push(col.name);
  const { packs, wide } = packColumns(table);
  // The values' two 32-bit words, read in place (a Float64Array's offset is a multiple of 8); a column
  // without codes has values (types.ts).
  const words = wide.map((values) => new Int32Array(values.buffer, values.byteOffset, 2 * values.length));
  const packed = new Int32Array(BLOCK);
  // Block by block, column by column: hashing column after column over all rows moved the two hash
  // arrays through memory once per column (3x the traffic of reading the values, on a machine where
  // memory bandwidth, not arithmetic, bounds this loop).
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    for (const pack of packs) {
      packed.fill(0);
      for (const { cells, shift } of pack) {
        if (cells instanceof Int32Array) packCodes(packed, cells, shift, start, end);
        else packSmallNumbers(packed, cells, shift, start, end);
      }
      hashPacked(h1, h2, packed, start, end);
    }
    for (let c = 0; c < wide.length; c++) hashValues(h1, h2, wide[c], words[c], start, end);
  }
  // 32 bits of h1 and 21 of h2: an integer below 2^53, exact as a number. Duplicates = rows - distinct
  // keys, counted on the sorted keys (a radix sort: 1M rows in ~50 ms, where a Set of the keys took
  // ~450 ms on the 1M-row bench file).
  let keys: Float64Array = new Float64Array(n);
  for (let r = 0; r < n; r++) keys[r] = (h1[r] >>> 0) * 0x200000 + (h2[r] & 0x1fffff);
  keys = sort(keys);
  let duplicates = 0;
  for (let r = 1; r < n; r++) if (keys[r] === keys[r - 1]) duplicates++;
  return { rows: n, duplicates, share: n ? duplicates / n : 0, ignored };
}

function sortInPlace(keys: Float64Array): Float64Array {
  sortFloat64(keys);
  return keys;
}

/** One narrow column's cells in a packed word: codes (-1 missing) or small integers (NaN missing), each + 1 at `shift`. */
interface Packed {
  cells: Int32Array | Float64Array;
  shift: number;
}

/**
 * The columns with few distinct cells (coded text; numbers that are all small non-negative integers,
 * such as labels and counts), packed into 32-bit words: each cell + 1 (0 = missing) in the bits its
 * column needs, so a word stands for the cells it holds one to one and is hashed once instead of once
 * per column. The other columns (`wide`) are hashed by their values' bits.
 */
function packColumns(table: ParsedTable): { packs: Packed[][]; wide: Float64Array[] } {
  const narrow: { cells: Int32Array | Float64Array; bits: number }[] = [];
  const wide: Float64Array[] = [];
  for (const c of table.columns) {
    if (c.codes !== null) {
      // A code is below the dictionary's length (types.ts): code + 1 fits the bits of that length. A
      // number cell of a column with text is coded too.
      narrow.push({ cells: c.codes, bits: 32 - Math.clz32(c.dictionary?.length ?? 0x7fffffff) });
      continue;
    }
    const values = c.values!;
    const top = smallIntegerTop(values);
    if (top < 0) wide.push(values);
    else narrow.push({ cells: values, bits: 32 - Math.clz32(top + 1) });
  }
  const packs: Packed[][] = [];
  let pack: Packed[] = [];
  let used = 32;
  for (const { cells, bits } of narrow) {
    if (used + bits > 32) {
      packs.push((pack = []));
      used = 0;
    }
    pack.push({ cells, shift: used });
    used += bits;
  }
  return { packs, wide };
}

/**
 * The largest value when every value is NaN (missing), 0, -0 or an integer below 2^15, else -1:
 * such a column packs (each cell + 1 fits 16 bits).
 */
function smallIntegerTop(values: Float64Array): number {
  let top = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const j = v | 0;
    if (j === v && j >>> 0 < 0x8000) {
      if (j > top) top = j;
    } else if (v === v) return -1;
  }
  return top;
}
function packCodes(packed: Int32Array, codes: Int32Array, shift: number, start: number, end: number): void {
  for (let r = start; r < end; r++) packed[r - start] |= (codes[r] + 1) << shift;
}

/** Values of smallIntegerTop's kind: NaN as 0, -0 and 0 as one value. */
function packSmallNumbers(packed: Int32Array, values: Float64Array, shift: number, start: number, end: number): void {
  for (let r = start; r < end; r++) {
    const v = values[r];
    packed[r - start] |= (v === v ? (v | 0) + 1 : 0) << shift;
  }
}

/** Rows start..end by their packed word (packed[0] is row start's). */
function hashPacked(h1: Int32Array, h2: Int32Array, packed: Int32Array, start: number, end: number): void {
  for (let r = start; r < end; r++) {
    const a = packed[r - start];
    const b = ~a;
    h1[r] = mix(h1[r], a, b, 0x01000193);
    h2[r] = mix(h2[r], b, a, 0x5bd1e995);
  }
}

/** A number by its bits; missing (NaN) as one value, -0 and 0 as one value. */
function hashValues(h1: Int32Array, h2: Int32Array, values: Float64Array, words: Int32Array, start: number, end: number): void {
  for (let r = start; r < end; r++) {
    const v = values[r];
    let a = 0;
    let b = 0;
    if (v !== v) a = -1;
    else if (v !== 0) {
      a = words[2 * r];
      b = words[2 * r + 1];
    }
    h1[r] = mix(h1[r], a, b, 0x01000193);
    h2[r] = mix(h2[r], b, a, 0x5bd1e995);
  }
}

/** One step of an FNV-style multiplicative hash over two 32-bit words, with a murmur finaliser. */
function mix(h: number, a: number, b: number, prime: number): number {
  h = Math.imul(h ^ a, prime);
  h = Math.imul(h ^ (b >>> 0), prime);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d);
}
