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
 * returns (default sortFloat64; a thread with the wasm kernels can pass their radix sort).
 */
export function rowDuplicates(table: ParsedTable, sort: (keys: Float64Array) => Float64Array = sortInPlace): RowDuplicates {
  const n = table.rows;
  const h1 = new Int32Array(n).fill(0x811c9dc5 | 0);
  const h2 = new Int32Array(n).fill(0x2545f491);
  const ignored: string[] = [];
  for (const col of table.columns) if (col.codes === null && col.nonNumeric > 0) ignored.push(col.name);
  // The values' two 32-bit words, read in place (a Float64Array's offset is a multiple of 8); a column
  // without codes has values (types.ts).
  const words = table.columns.map((c) =>
    c.codes === null ? new Int32Array(c.values!.buffer, c.values!.byteOffset, 2 * c.values!.length) : null,
  );
  // Block by block, column by column: hashing column after column over all rows moved the two hash
  // arrays through memory once per column (3x the traffic of reading the values, on a machine where
  // memory bandwidth, not arithmetic, bounds this loop).
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    for (let c = 0; c < table.columns.length; c++) {
      const { codes, values } = table.columns[c];
      if (codes !== null) hashCodes(h1, h2, codes, start, end);
      else hashValues(h1, h2, values!, words[c]!, start, end);
    }
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

/**
 * Code -1 is missing; a number cell of a column with text is coded too. The code is the one word that
 * varies (the other is 0): with that, two codes never give one hash word in either lane (mix is
 * one-to-one in either word while the other is fixed), so rows that differ in one coded cell never collide. (A second word
 * of ~code did: missing (-1, 0) and code 1 (1, -2) gave the same word in both lanes for a quarter of
 * the hash states, counting such rows as duplicates.)
 */
function hashCodes(h1: Int32Array, h2: Int32Array, codes: Int32Array, start: number, end: number): void {
  for (let r = start; r < end; r++) {
    const a = codes[r];
    h1[r] = mix(h1[r], a, 0, 0x01000193);
    h2[r] = mix(h2[r], 0, a, 0x5bd1e995);
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
