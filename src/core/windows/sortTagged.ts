/**
 * LSD radix sort of numbers that each carry a tag (a window index): ascending by value (-0 before +0,
 * no NaN), the tags moved with their values, equal values in input order. The key mapping of
 * profile/sortFloat64.ts (Herf, "Radix Tricks", 2001, http://stereopsis.com/radix.html): the IEEE-754
 * bits become unsigned keys that order like the numbers. Only the high 32 bits of the keys go through
 * the radix passes (11/11/10-bit digits, histograms from one read pass, a pass where every key has the
 * same digit skipped); keys that share their high word (values within about one part in a million of
 * each other) are then put in order by their low word: by insertion when few, by three more radix
 * passes over the run when many. Half the passes of a full 64-bit sort on data whose values mostly
 * differ in their first six or seven digits.
 */
const DIGITS = 2048;
const histograms = new Uint32Array(3 * DIGITS);
/** Runs of equal high words longer than this are radix-sorted by their low word; shorter ones by insertion. */
const INSERTION_MAX = 32;

/**
 * Sorts `values` (n numbers, no NaN) ascending in place, moving `tags[i]` with `values[i]`.
 * `scratchValues` and `scratchTags` hold at least n entries (their contents are overwritten).
 */
export function sortTagged(values: Float64Array, tags: Int32Array, scratchValues: Float64Array, scratchTags: Int32Array): void {
  const n = values.length;
  if (tags.length !== n || scratchValues.length < n || scratchTags.length < n) throw new RangeError('sortTagged: array lengths differ');
  if (n < 2) return;
  let src = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  let dst = new Uint32Array(scratchValues.buffer, scratchValues.byteOffset, n * 2);
  let srcTags = tags;
  let dstTags = scratchTags;
  const h = histograms;
  h.fill(0);
  // Each loop in a function of its own: V8 compiles a long-running loop on its own (on-stack
  // replacement) and, in one large function, dropped that code at the next loop it had not yet run
  // (no type feedback), so a fresh thread's first sorts ran much of their work unoptimized.
  toKeys(src, n, h);
  for (let p = 0; p < 3; p++) {
    if (!prefixSums(h, p * DIGITS, n)) continue;
    scatter(src, dst, srcTags, dstTags, n, h, p * DIGITS, p * 11);
    const t = src;
    src = dst;
    dst = t;
    const tt = srcTags;
    srcTags = dstTags;
    dstTags = tt;
  }
  orderRuns(src, srcTags, dst, dstTags, n);
  fromKeys(src, n);
  if (src.buffer !== values.buffer || src.byteOffset !== values.byteOffset) values.set(new Float64Array(src.buffer, src.byteOffset, n));
  if (srcTags !== tags) tags.set(srcTags.subarray(0, n));
}

/** The IEEE-754 bits of n numbers (pairs of words) as keys that order like the numbers, and the high words' digit histograms. */
function toKeys(src: Uint32Array, n: number, h: Uint32Array): void {
  for (let i = 0; i < 2 * n; i += 2) {
    let lo = src[i];
    let hi = src[i + 1];
    if (hi & 0x80000000) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else hi = (hi | 0x80000000) >>> 0;
    src[i] = lo;
    src[i + 1] = hi;
    h[hi & 2047]++;
    h[DIGITS + ((hi >>> 11) & 2047)]++;
    h[2 * DIGITS + (hi >>> 22)]++;
  }
}

/** One radix pass on the high words' digit at `shift`, histogram `base` holding the start offsets. */
function scatter(
  src: Uint32Array,
  dst: Uint32Array,
  srcTags: Int32Array,
  dstTags: Int32Array,
  n: number,
  h: Uint32Array,
  base: number,
  shift: number,
): void {
  for (let i = 0, j = 0; j < n; i += 2, j++) {
    const o = h[base + ((src[i + 1] >>> shift) & 2047)]++;
    dst[2 * o] = src[i];
    dst[2 * o + 1] = src[i + 1];
    dstTags[o] = srcTags[j];
  }
}

/** Runs of equal high words, in order by the low word. */
function orderRuns(src: Uint32Array, srcTags: Int32Array, dst: Uint32Array, dstTags: Int32Array, n: number): void {
  for (let a = 0; a < n;) {
    const hi = src[2 * a + 1];
    let b = a + 1;
    while (b < n && src[2 * b + 1] === hi) b++;
    if (b - a > INSERTION_MAX) sortRunByLow(src, srcTags, dst, dstTags, a, b);
    else if (b - a > 1) insertionByLow(src, srcTags, a, b);
    a = b;
  }
}

/** Keys a..b-1 (the same high word) in order by their low word, by insertion (stable). */
function insertionByLow(src: Uint32Array, srcTags: Int32Array, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) {
    const lo = src[2 * i];
    const tag = srcTags[i];
    let j = i - 1;
    while (j >= a && src[2 * j] > lo) {
      src[2 * j + 2] = src[2 * j];
      srcTags[j + 1] = srcTags[j];
      j--;
    }
    src[2 * j + 2] = lo;
    srcTags[j + 1] = tag;
  }
}

/** Undoes toKeys: the keys back to the numbers' bits. */
function fromKeys(src: Uint32Array, n: number): void {
  for (let i = 0; i < 2 * n; i += 2) {
    const hi = src[i + 1];
    if (hi & 0x80000000) src[i + 1] = hi & 0x7fffffff;
    else {
      src[i + 1] = ~hi >>> 0;
      src[i] = ~src[i] >>> 0;
    }
  }
}

/** Turns histogram `base` into start offsets; false when one digit holds all n keys (nothing to move). */
function prefixSums(h: Uint32Array, base: number, n: number): boolean {
  for (let d = 0; d < DIGITS; d++) {
    const c = h[base + d];
    if (c === n) return false;
    if (c !== 0) break;
  }
  let sum = 0;
  for (let d = 0; d < DIGITS; d++) {
    const c = h[base + d];
    h[base + d] = sum;
    sum += c;
  }
  return true;
}

const runHistograms = new Uint32Array(3 * DIGITS);

/** Stable LSD radix sort of keys a..b-1 (all with the same high word) by their low word, through the scratch arrays. */
function sortRunByLow(src: Uint32Array, srcTags: Int32Array, dst: Uint32Array, dstTags: Int32Array, a: number, b: number): void {
  const h = runHistograms;
  h.fill(0);
  const n = b - a;
  for (let i = a; i < b; i++) {
    const lo = src[2 * i];
    h[lo & 2047]++;
    h[DIGITS + ((lo >>> 11) & 2047)]++;
    h[2 * DIGITS + (lo >>> 22)]++;
  }
  let from = src;
  let fromTags = srcTags;
  let to = dst;
  let toTags = dstTags;
  for (let p = 0; p < 3; p++) {
    if (!prefixSums(h, p * DIGITS, n)) continue;
    const base = p * DIGITS;
    const shift = p * 11;
    for (let i = a; i < b; i++) {
      const o = a + h[base + ((from[2 * i] >>> shift) & 2047)]++;
      to[2 * o] = from[2 * i];
      to[2 * o + 1] = from[2 * i + 1];
      toTags[o] = fromTags[i];
    }
    const t = from;
    from = to;
    to = t;
    const tt = fromTags;
    fromTags = toTags;
    toTags = tt;
  }
  if (from !== src) {
    src.set(from.subarray(2 * a, 2 * b), 2 * a);
    srcTags.set(fromTags.subarray(a, b), a);
  }
}
