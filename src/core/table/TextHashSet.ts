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
    let h1 = 0x811c9dc5 | 0;
    let h2 = 0x9747b28c | 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 ^= h1 >>> 16;
    h1 = Math.imul(h1, 0x85ebca6b);
    h1 ^= h1 >>> 13;
    this.addHash(h1, h2);
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

  /** Sorts the stored hashes and drops repeats. */
  private compact(): void {
    const n = this.count;
    this.keys.subarray(0, n).sort();
    const w = this.words;
    let out = n > 0 ? 1 : 0;
    for (let k = 1; k < n; k++) {
      const a = k * 2;
      const b = (out - 1) * 2;
      if (w[a] !== w[b] || w[a + 1] !== w[b + 1]) {
        const o = out * 2;
        w[o] = w[a];
        w[o + 1] = w[a + 1];
        out++;
      }
    }
    this.count = out;
    this.distinct = out;
  }

  private grow(): void {
    const keys = new BigUint64Array(this.keys.length * 2);
    keys.set(this.keys.subarray(0, this.count));
    this.keys = keys;
    this.words = new Int32Array(keys.buffer);
  }
}
