/**
 * The hash pair of a text, over its UTF-16 code units: h1 is FNV-1a (offset basis 0x811c9dc5, prime
 * 0x01000193) with a final mix, h2 a multiply-xorshift from its own seed. TextHashSet.add computes it on
 * a string, the Parquet reader on ASCII bytes (parquet/byteTexts.ts) and the wasm CSV reader on UTF-8
 * bytes (wasm/csv/parseBlock.ts textHash): the seeds and h1's mix are these.
 */
export const H1_SEED = 0x811c9dc5 | 0;
export const H2_SEED = 0x9747b28c | 0;

/** h1's final mix, after the last code unit. */
export function finishH1(h1: number): number {
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  return h1 ^ (h1 >>> 13);
}

/**
 * A set of strings that keeps only a 64-bit hash of each (two 32-bit multiplicative hashes): it counts
 * distinct values of a high-cardinality text column (IDs, timestamps) without keeping a million
 * strings alive for the garbage collector to trace. Two different strings share a 64-bit hash with
 * probability about n^2 / 2^65 (3e-8 for n = 1M), which would only undercount by one.
 *
 * Hashes are appended to a buffer and deduplicated by sorting it (natively, as 64-bit integers) when
 * `size` is read, and when a full buffer has reached `compactFrom`; a smaller full buffer doubles.
 * An open-addressing table touches a random cache line and memory page per string: on the 1M-row
 * benchmark's timestamp column that cost ~300-500 ns a string, appending and sorting ~100-150.
 */
export class TextHashSet {
  /** Hash pairs (h1, h2) as 32-bit halves; `keys` views the same memory as 64-bit integers. */
  private words: Int32Array;
  private keys: BigUint64Array;
  /** Pairs stored; the first `distinct` are sorted and distinct, the rest are unsorted appends. */
  private count = 0;
  private distinct = 0;

  /**
   * @param capacity hashes to make room for at once (the rows a column expects, say)
   * @param compactFrom buffer size (hashes, 8 bytes each) from which a full buffer is deduplicated
   *   before it grows; a smaller one just doubles, since sorting mostly distinct hashes gains little
   */
  constructor(
    capacity = 1 << 16,
    private readonly compactFrom = 1 << 22,
  ) {
    this.keys = new BigUint64Array(Math.max(16, capacity));
    this.words = new Int32Array(this.keys.buffer);
  }

  /** Distinct strings added so far. */
  get size(): number {
    if (this.count > this.distinct) this.compact();
    return this.count;
  }

  /** Adds `s` (a string already there changes nothing). */
  add(s: string): void {
    let h1 = H1_SEED;
    let h2 = H2_SEED;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    this.addHash(finishH1(h1), h2);
  }

  /** Adds a string by its hash pair (h1, h2) as add() computes it (the byte reader hashes in wasm). */
  addHash(h1: number, h2: number): void {
    if (this.count === this.keys.length) {
      if (this.count >= this.compactFrom) this.compact();
      if (this.count * 2 > this.keys.length) this.grow();
    }
    const k = this.count++ * 2;
    this.words[k] = h1;
    this.words[k + 1] = h2;
  }

  /** Adds hash pairs (h1, h2) end to end, as addHash would one by one. */
  addPairs(words: Int32Array): void {
    const n = words.length >> 1;
    while (this.count + n > this.keys.length) {
      if (this.count >= this.compactFrom && this.count > this.distinct) this.compact();
      else this.grow();
    }
    this.words.set(words, this.count * 2);
    this.count += n;
  }

  /** The distinct hashes, sorted (a copy): what another set adds with addHashes. */
  sortedHashes(): BigUint64Array {
    if (this.count > this.distinct) this.compact();
    return this.keys.slice(0, this.count);
  }

  /** Adds the hashes of another set (sortedHashes), as if its strings were added. */
  addHashes(hashes: BigUint64Array): void {
    while (this.count + hashes.length > this.keys.length) this.grow();
    this.keys.set(hashes, this.count);
    this.count += hashes.length;
  }

  /**
   * Sorts the stored hashes (as unsigned 64-bit integers) and drops repeats. The hashes are spread
   * evenly, so one counting pass on the top bits puts them in buckets of a few each (sorted by
   * insertion; an unusually full bucket natively): about a third of the time of sorting the
   * BigUint64Array natively, which compares BigInts.
   */
  private compact(): void {
    const n = this.count - this.distinct;
    if (n === 0) return;
    if (this.count < 256) {
      this.keys.subarray(0, this.count).sort();
      this.count = this.dedupe(this.words, 0, this.count, 0);
      this.distinct = this.count;
      return;
    }
    // The unsorted appends are bucketed and sorted into a scratch buffer, then merged with the sorted
    // distinct ones (when there are any) into the buffer.
    const bits = Math.min(16, Math.max(1, 31 - Math.clz32(n) - 2));
    const shift = 32 - bits;
    const w = this.words;
    const starts = new Int32Array((1 << bits) + 1);
    const from = this.distinct * 2;
    const to = this.count * 2;
    for (let k = from + 1; k < to; k += 2) starts[(w[k] >>> shift) + 1]++;
    for (let b = 1; b <= 1 << bits; b++) starts[b] += starts[b - 1];
    const fill = starts.slice(0, 1 << bits);
    const scratch = new Int32Array(n * 2);
    for (let k = from; k < to; k += 2) {
      const at = fill[w[k + 1] >>> shift]++ * 2;
      scratch[at] = w[k];
      scratch[at + 1] = w[k + 1];
    }
    const scratchKeys = new BigUint64Array(scratch.buffer);
    for (let b = 0; b < 1 << bits; b++) {
      const lo = starts[b];
      const hi = starts[b + 1];
      if (hi - lo > 32) scratchKeys.subarray(lo, hi).sort();
      else if (hi - lo > 1) insertionSort(scratch, lo, hi);
    }
    if (this.distinct === 0) {
      this.count = this.dedupe(scratch, 0, n, 0);
      this.distinct = this.count;
      return;
    }
    this.count = this.merge(scratch, n);
    this.distinct = this.count;
  }

  /** Copies the pairs [lo, hi) of sorted `src` to the buffer from pair `out` on without repeats; returns the end. */
  private dedupe(src: Int32Array, lo: number, hi: number, out: number): number {
    const w = this.words;
    for (let k = lo; k < hi; k++) {
      const a = src[k * 2];
      const b = src[k * 2 + 1];
      if (out > 0 && w[out * 2 - 2] === a && w[out * 2 - 1] === b) continue;
      w[out * 2] = a;
      w[out * 2 + 1] = b;
      out++;
    }
    return out;
  }

  /** Merges the sorted distinct pairs of the buffer with the `n` sorted pairs of `src`, without repeats; returns the count. */
  private merge(src: Int32Array, n: number): number {
    const old = this.words.slice(0, this.distinct * 2);
    const m = this.distinct;
    let i = 0;
    let j = 0;
    let out = 0;
    const w = this.words;
    while (i < m || j < n) {
      let a: number;
      let b: number;
      if (j >= n || (i < m && less(old[i * 2 + 1], old[i * 2], src[j * 2 + 1], src[j * 2]))) {
        a = old[i * 2];
        b = old[i * 2 + 1];
        i++;
      } else {
        a = src[j * 2];
        b = src[j * 2 + 1];
        j++;
      }
      if (out > 0 && w[out * 2 - 2] === a && w[out * 2 - 1] === b) continue;
      w[out * 2] = a;
      w[out * 2 + 1] = b;
      out++;
    }
    return out;
  }

  private grow(): void {
    const keys = new BigUint64Array(this.keys.length * 2);
    keys.set(this.keys.subarray(0, this.count));
    this.keys = keys;
    this.words = new Int32Array(keys.buffer);
  }
}

/** (hi1, lo1) < (hi2, lo2) as unsigned 64-bit integers from 32-bit halves. */
function less(hi1: number, lo1: number, hi2: number, lo2: number): boolean {
  return hi1 >>> 0 !== hi2 >>> 0 ? hi1 >>> 0 < hi2 >>> 0 : lo1 >>> 0 < lo2 >>> 0;
}

/** Sorts the pairs [lo, hi) of `w` (low half first) as unsigned 64-bit integers. */
function insertionSort(w: Int32Array, lo: number, hi: number): void {
  for (let k = lo + 1; k < hi; k++) {
    const a = w[k * 2];
    const b = w[k * 2 + 1];
    let j = k - 1;
    while (j >= lo && less(b, a, w[j * 2 + 1], w[j * 2])) {
      w[j * 2 + 2] = w[j * 2];
      w[j * 2 + 3] = w[j * 2 + 1];
      j--;
    }
    w[j * 2 + 2] = a;
    w[j * 2 + 3] = b;
  }
}
