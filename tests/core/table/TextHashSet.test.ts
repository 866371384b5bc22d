import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextHashSet } from '../../../src/core/table/TextHashSet.ts';

describe('TextHashSet', () => {
  it('TextHashSet.size counts distinct strings like a Set, across compactions and growth (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 400 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 128 }),
        (strings, capacity, compactFrom) => {
          const set = new TextHashSet(capacity, compactFrom);
          const seen = new Set<string>();
          strings.forEach((s, i) => {
            set.add(s);
            seen.add(s);
            // reading size mid-way compacts; adding afterwards must still count right
            if (i % 37 === 0) expect(set.size).toBe(seen.size);
          });
          expect(set.size).toBe(seen.size);
        },
      ),
      { numRuns: 300, seed: 3 },
    );
  });

  it('counts and sorts hash pairs added one by one and in blocks, across compactions (property)', () => {
    // Enough pairs for the bucketed sort, few distinct high words (full buckets), repeats across
    // compactions; sortedHashes must be the distinct pairs in ascending unsigned 64-bit order.
    const pair = fc.tuple(
      fc.constantFrom(0, 1, -1, 0x7fffffff, -0x80000000, 12345),
      fc.integer({ min: -8, max: 8 }).map((h) => h << 28),
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(pair, fc.tuple(fc.integer(), fc.integer())), { minLength: 200, maxLength: 3000 }),
        fc.integer({ min: 1, max: 512 }),
        fc.integer({ min: 16, max: 2048 }),
        fc.integer({ min: 1, max: 700 }),
        (pairs, capacity, compactFrom, block) => {
          const set = new TextHashSet(capacity, compactFrom);
          const seen = new Set<bigint>();
          const key = (lo: number, hi: number) => (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
          for (let at = 0; at < pairs.length; at += block) {
            const part = pairs.slice(at, at + block);
            if ((at / block) % 2 === 0) set.addPairs(Int32Array.from(part.flat()));
            else for (const [lo, hi] of part) set.addHash(lo, hi);
            for (const [lo, hi] of part) seen.add(key(lo, hi));
            if ((at / block) % 3 === 1) expect(set.size).toBe(seen.size);
          }
          expect(set.size).toBe(seen.size);
          expect([...set.sortedHashes()]).toEqual([...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('TextHashSet counts a million distinct timestamps and their repeats once', () => {
    const set = new TextHashSet(1 << 16);
    const base = Date.UTC(2024, 0, 1);
    for (let i = 0; i < 1_000_000; i++) set.add(new Date(base + i * 6000).toISOString().slice(0, 19));
    for (let i = 0; i < 300_000; i++) set.add(new Date(base + i * 18000).toISOString().slice(0, 19));
    expect(set.size).toBe(1_000_000);
  });
});
