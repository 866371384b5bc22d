/**
 * A set of strings that keeps only a 64-bit hash of each (two 32-bit multiplicative hashes) in one
 * Int32Array: it counts distinct values of a high-cardinality text column (IDs, timestamps)
 * without keeping a million strings alive for the garbage collector to trace. Two different
 * strings share a 64-bit hash with probability about n^2 / 2^65 (3e-8 for n = 1M), which would
 * only undercount by one.
 */
export class TextHashSet {
  private table: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 16) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.table = new Int32Array(slots * 2);
    this.mask = slots - 1;
  }

  /** Adds `s`; returns false when it was already there. */
  add(s: string): boolean {
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
    h1 |= 1; // 0 marks an empty slot
    return this.insert(h1, h2);
  }

  private insert(h1: number, h2: number): boolean {
    const table = this.table;
    const mask = this.mask;
    let slot = h1 & mask;
    for (;;) {
      const k = slot * 2;
      const t1 = table[k];
      if (t1 === 0) {
        table[k] = h1;
        table[k + 1] = h2;
        if (++this.size * 2 > mask + 1) this.grow();
        return true;
      }
      if (t1 === h1 && table[k + 1] === h2) return false;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    this.size = 0;
    for (let k = 0; k < old.length; k += 2) if (old[k] !== 0) this.insert(old[k], old[k + 1]);
  }
}
