/**
 * LSD radix sort of numbers that each carry a tag (a window index): ascending by value (-0 before +0,
 * no NaN), the tags moved with their values, equal values in input order. The same key mapping and
 * 11-bit digits as profile/sortFloat64.ts (Herf, "Radix Tricks", 2001, http://stereopsis.com/radix.html):
 * the IEEE-754 bits become unsigned keys that order like the numbers, all six digit histograms come
 * from one read pass, and a pass where every key has the same digit is skipped.
 */
const DIGITS = 2048;
const histograms = new Uint32Array(6 * DIGITS);

/**
 * Sorts `values` (n numbers, no NaN) ascending in place, moving `tags[i]` with `values[i]`.
 * `scratchValues` and `scratchTags` hold at least n entries.
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
  for (let i = 0; i < 2 * n; i += 2) {
    let lo = src[i];
    let hi = src[i + 1];
    if (hi & 0x80000000) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else hi = (hi | 0x80000000) >>> 0;
    src[i] = lo;
    src[i + 1] = hi;
    h[lo & 2047]++;
    h[DIGITS + ((lo >>> 11) & 2047)]++;
    h[2 * DIGITS + (lo >>> 22)]++;
    h[3 * DIGITS + (hi & 2047)]++;
    h[4 * DIGITS + ((hi >>> 11) & 2047)]++;
    h[5 * DIGITS + (hi >>> 22)]++;
  }
  for (let p = 0; p < 6; p++) {
    const base = p * DIGITS;
    let trivial = false;
    for (let d = 0; d < DIGITS; d++) {
      const c = h[base + d];
      if (c === n) trivial = true;
      if (c !== 0) break;
    }
    if (trivial) continue;
    let sum = 0;
    for (let d = 0; d < DIGITS; d++) {
      const c = h[base + d];
      h[base + d] = sum;
      sum += c;
    }
    const word = p < 3 ? 0 : 1;
    const shift = (p % 3) * 11;
    for (let i = 0, j = 0; j < n; i += 2, j++) {
      const o = h[base + ((src[i + word] >>> shift) & 2047)]++;
      dst[2 * o] = src[i];
      dst[2 * o + 1] = src[i + 1];
      dstTags[o] = srcTags[j];
    }
    const t = src;
    src = dst;
    dst = t;
    const tt = srcTags;
    srcTags = dstTags;
    dstTags = tt;
  }
  for (let i = 0; i < 2 * n; i += 2) {
    const hi = src[i + 1];
    if (hi & 0x80000000) src[i + 1] = hi & 0x7fffffff;
    else {
      src[i + 1] = ~hi >>> 0;
      src[i] = ~src[i] >>> 0;
    }
  }
  if (src.buffer !== values.buffer || src.byteOffset !== values.byteOffset) values.set(new Float64Array(src.buffer, src.byteOffset, n));
  if (srcTags !== tags) tags.set(srcTags.subarray(0, n));
}
