/**
 * LSD radix sort of a Float64Array in place: ascending like Float64Array.prototype.sort (-0 before
 * +0), for arrays without NaN. The IEEE-754 bits map to unsigned keys that order like the numbers
 * (negative: flip every bit; positive: flip the sign bit; Herf, "Radix Tricks", 2001,
 * http://stereopsis.com/radix.html), sorted by six passes of 11/11/10-bit digits of the low and high
 * 32-bit words; all six histograms come from one read pass and passes where every key has the same
 * digit are skipped. The JavaScript twin of wasm/radixSort.ts for the sync profile builder: on 1M
 * doubles about 50 ms against 260 ms for the native sort (Node 20).
 */
const DIGITS = 2048;
const histograms = new Uint32Array(6 * DIGITS);
let scratch = new Float64Array(0);

/** Below this the native sort is as fast. */
const SMALL = 512;

export function sortFloat64(a: Float64Array): void {
  const n = a.length;
  if (n < SMALL) {
    a.sort();
    return;
  }
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, scratch.length * 2));
  let src: Uint32Array = new Uint32Array(a.buffer, a.byteOffset, n * 2);
  let dst: Uint32Array = new Uint32Array(scratch.buffer, 0, n * 2);
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
    for (let i = 0; i < 2 * n; i += 2) {
      const o = 2 * h[base + ((src[i + word] >>> shift) & 2047)]++;
      dst[o] = src[i];
      dst[o + 1] = src[i + 1];
    }
    const t = src;
    src = dst;
    dst = t;
  }
  for (let i = 0; i < 2 * n; i += 2) {
    const hi = src[i + 1];
    if (hi & 0x80000000) src[i + 1] = hi & 0x7fffffff;
    else {
      src[i + 1] = ~hi >>> 0;
      src[i] = ~src[i] >>> 0;
    }
  }
  if (src.buffer !== a.buffer) a.set(new Float64Array(src.buffer, 0, n));
}
