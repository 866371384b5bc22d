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

  it('TextHashSet counts a million distinct timestamps and their repeats once', () => {
    const set = new TextHashSet(1 << 16);
    const base = Date.UTC(2024, 0, 1);
    for (let i = 0; i < 1_000_000; i++) set.add(new Date(base + i * 6000).toISOString().slice(0, 19));
    for (let i = 0; i < 300_000; i++) set.add(new Date(base + i * 18000).toISOString().slice(0, 19));
    expect(set.size).toBe(1_000_000);
  });
});
