/**
 * A PLAIN-encoded page of a string column kept as its bytes: where each row's UTF-8 value lies in the
 * decompressed page. A column past the dictionary limit (ids, timestamps: a value per row, which the
 * writer stores PLAIN once its dictionary page is full) keeps only a hash of each text (TextHashSet);
 * hashing the bytes spares a Uint8Array view and a string per row, most of the time of reading such a
 * column and of the garbage collector's work after it.
 */
import type { MissingMarkers } from '../missingMarkers.ts';
import { finishH1, H1_SEED, H2_SEED } from '../TextHashSet.ts';

export interface ByteTexts {
  /** The page's bytes (the values and their 4-byte length prefixes). */
  bytes: Uint8Array;
  /** Per row, where its value starts in `bytes`; -1 for null. */
  starts: Int32Array;
  /** Per row, its value's length in bytes (0 for null). */
  lengths: Int32Array;
  /** A value's text, as the reader makes every other string (parsers.stringFromBytes). */
  decode: (bytes: Uint8Array) => string;
}

export function isByteTexts(page: unknown): page is ByteTexts {
  return (page as ByteTexts).starts instanceof Int32Array;
}

/** Rows [from, to) of a page. */
export function sliceByteTexts(page: ByteTexts, from: number, to: number): ByteTexts {
  if (from === 0 && to === page.starts.length) return page;
  return { ...page, starts: page.starts.subarray(from, to), lengths: page.lengths.subarray(from, to) };
}

/** A page's values as texts (null where missing): what hyparquet's own decoding gives. */
export function byteTextsValues(page: ByteTexts): (string | null)[] {
  const { bytes, starts, lengths, decode } = page;
  return Array.from(starts, (s, i) => (s < 0 ? null : decode(bytes.subarray(s, s + lengths[i]))));
}

/** The hash pair of a hashed text, as TextHashSet.add computes it (`hashes` receives it). */
export interface HashPair {
  h1: number;
  h2: number;
}

/**
 * What the value at [start, end) of `bytes` is, when it is ASCII: 'missing' (empty once trimmed, or a
 * missing marker), else 'text' with its trimmed text's hash pair in `out` (TextHashSet.add's hash: for
 * ASCII a character code is its byte). Null when it has a byte past ASCII: the caller makes the string
 * (the decoder's UTF-8 handling, invalid bytes included, and String.prototype.trim's Unicode spaces then
 * apply as for any other cell). Trimming here removes what trim() removes in ASCII: tab, line feed,
 * vertical tab, form feed, carriage return and space.
 */
export function asciiText(
  bytes: Uint8Array,
  start: number,
  end: number,
  markers: MissingMarkers,
  out: HashPair,
): 'missing' | 'text' | null {
  let a = start;
  let b = end;
  while (a < b && isAsciiSpace(bytes[a])) a++;
  while (b > a && isAsciiSpace(bytes[b - 1])) b--;
  let h1 = H1_SEED;
  let h2 = H2_SEED;
  for (let p = a; p < b; p++) {
    const c = bytes[p];
    if (c > 0x7f) return null;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  if (a === b) return 'missing';
  if (markers.mayStartWith(bytes[a]) && markers.has(asciiString(bytes, a, b))) return 'missing';
  out.h1 = finishH1(h1);
  out.h2 = h2;
  return 'text';
}

const ASCII = new TextDecoder();

/** The text of ASCII bytes [a, b) (a long one through a decoder: apply takes a bounded number of arguments). */
export function asciiString(bytes: Uint8Array, a: number, b: number): string {
  const part = bytes.subarray(a, b);
  return b - a > 256 ? ASCII.decode(part) : String.fromCharCode.apply(null, part as unknown as number[]);
}

function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
