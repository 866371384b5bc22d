import { describe, expect, it } from 'vitest';
import { alignCategories, sortCategories } from '../../../src/core/table/categories.ts';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';

const column = async (cells: string[]) =>
  (await parseCsv(['v', ...cells].join('\n') + '\n', { file: 't.csv', delimiter: ',', missingValues: ['', 'NA'] })).columns[0];
const decode = (categories: string[], codes: Int32Array) => Array.from(codes, (c) => (c < 0 ? null : categories[c]));

describe('alignCategories(refCol, prodCol)', () => {
  it('alignCategories makes "1" and "1.0" one category on numeric columns, sorted numerically', async () => {
    const ref = await column(['1', '2', '10', 'NA', '2']);
    const prod = await column(['1.0', '3', 'NA', '10.00']);
    const a = alignCategories(ref, prod);
    expect(a.categories).toEqual(['1', '2', '3', '10']);
    expect(decode(a.categories, a.refCodes)).toEqual(['1', '2', '10', null, '2']);
    expect(decode(a.categories, a.prodCodes)).toEqual(['1', '3', null, '10']);
  });

  it('alignCategories unions text categories, with categories seen in one file only', async () => {
    const a = alignCategories(await column(['b', 'a', 'b']), await column(['c', 'NA', 'a']));
    expect(a.categories).toEqual(['a', 'b', 'c']);
    expect(Array.from(a.refCodes)).toEqual([1, 0, 1]);
    expect(Array.from(a.prodCodes)).toEqual([2, -1, 0]);
  });

  it('alignCategories compares as text when only one file has text (pandas casts both to str)', async () => {
    const a = alignCategories(await column(['1', '2.0', '1']), await column(['1', 'x', '2']));
    expect(a.categories).toEqual(['1', '2', 'x']);
    expect(decode(a.categories, a.refCodes)).toEqual(['1', '2', '1']);
    expect(decode(a.categories, a.prodCodes)).toEqual(['1', 'x', '2']);
  });

  it('alignCategories is linear and fast on 1M rows', async () => {
    const n = 1_000_000;
    const values = Float64Array.from({ length: n }, (_, i) => (i * 7919) % 5);
    const col = { name: 'v', values, codes: null, dictionary: null, missing: 0, nonNumeric: 0, firstNonNumeric: null };
    const t0 = performance.now();
    const a = alignCategories(col, col);
    const ms = performance.now() - t0;
    expect(a.categories).toEqual(['0', '1', '2', '3', '4']);
    expect(a.refCodes[7]).toBe((7 * 7919) % 5);
    expect(ms).toBeLessThan(2000); // generous: ~60 ms measured; guards against a quadratic path only
  });
});

describe('sortCategories(labels)', () => {
  it('sortCategories(labels) sorts numbers numerically and text by code units', () => {
    expect(sortCategories(['10', '9', '-1', '2.5'])).toEqual(['-1', '2.5', '9', '10']);
    expect(sortCategories(['b', 'B', 'a', '10', '9'])).toEqual(['10', '9', 'B', 'a', 'b']);
  });

  it('alignCategories on numbers equals a Set/sort reference, small integers, -0, negatives, fractions and large values mixed (property)', async () => {
    const fc = (await import('fast-check')).default;
    const value = fc.oneof(
      fc.integer({ min: 0, max: 40 }),
      fc.constantFrom(NaN, -0, -1, 0.5, 65535, 65536, 1e9, -2.25),
      fc.double({ noDefaultInfinity: true }),
    );
    const col = (values: number[]) => ({
      name: 'v',
      values: Float64Array.from(values),
      codes: null,
      dictionary: null,
      missing: 0,
      nonNumeric: 0,
      firstNonNumeric: null,
    });
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), fc.array(value, { maxLength: 60 }), (r, p) => {
        const present = [...r, ...p].filter((v) => v === v);
        const sorted = Float64Array.from(new Set(present)).sort();
        const expected = Array.from(sorted, (v) => String(v));
        const a = alignCategories(col(r), col(p));
        expect(a.categories).toEqual(expected);
        const label = (v: number) => (v === v ? String(v) : null);
        expect(decode(a.categories, a.refCodes)).toEqual(r.map(label));
        expect(decode(a.categories, a.prodCodes)).toEqual(p.map(label));
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});
