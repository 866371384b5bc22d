import { describe, expect, it } from 'vitest';
import { partsOptions, partsPerFile, PARTS_DEFAULTS } from '../../src/ui/run/planParts.ts';

const MB = 1 << 20;

describe('partsPerFile(sizes, options)', () => {
  const opts = { workers: 8, minBytes: 64 * MB, bytesPerPart: 16 * MB };

  it('shares the workers among the files by size', () => {
    expect(partsPerFile([149 * MB, 149 * MB], opts)).toEqual([4, 4]);
    expect(partsPerFile([300 * MB, 100 * MB], opts)).toEqual([6, 2]);
  });

  it('reads small files, and every file on a 2-core page with two files, in one piece', () => {
    expect(partsPerFile([10 * MB, 149 * MB], opts)).toEqual([1, 7]);
    expect(partsPerFile([149 * MB, 149 * MB], { ...opts, workers: 2 })).toEqual([1, 1]);
    expect(partsPerFile([149 * MB], { ...opts, workers: 2 })).toEqual([2]);
    expect(partsPerFile([0, 0], opts)).toEqual([1, 1]);
  });

  it('makes no part smaller than bytesPerPart', () => {
    expect(partsPerFile([70 * MB], { ...opts, workers: 16 })).toEqual([4]);
  });
});

describe('partsOptions(search, cores)', () => {
  it('takes the cores and the defaults, and the test-only overrides from the query string', () => {
    expect(partsOptions('', 4)).toEqual({ workers: 4, ...PARTS_DEFAULTS });
    expect(partsOptions('?parse-min-bytes=1&parse-part-bytes=1000', 2)).toEqual({ workers: 2, minBytes: 1, bytesPerPart: 1000 });
    expect(partsOptions('?parse-workers=8', 2)).toEqual({ workers: 8, ...PARTS_DEFAULTS });
  });

  it('ignores overrides that are not whole numbers of bytes, and a missing core count', () => {
    expect(partsOptions('?parse-min-bytes=-5&parse-part-bytes=abc', undefined)).toEqual({ workers: 1, ...PARTS_DEFAULTS });
    expect(partsOptions('?parse-min-bytes=1.5', 0)).toEqual({ workers: 1, ...PARTS_DEFAULTS });
  });
});
