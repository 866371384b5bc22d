import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../src/core/table/parseNumber.ts';

describe('parseNumber(s)', () => {
  it('parseNumber(s) reads decimal numbers', () => {
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('-2.5')).toBe(-2.5);
    expect(parseNumber('+3')).toBe(3);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('5.')).toBe(5);
    expect(parseNumber('0')).toBe(0);
    expect(parseNumber('007')).toBe(7);
    expect(parseNumber('1E-7')).toBe(1e-7);
  });
  it('parseNumber(s) rejects text, hex/binary/octal, thousands separators and non-finite values', () => {
    for (const s of ['1,5', 'abc', '0x1F', '0X1f', '0b1', '0o7', 'Infinity', '-Infinity', '1e400', '1_000', '-', '.', 'e5', '1 2', '--1']) {
      expect(parseNumber(s), s).toBeNaN();
    }
  });
});

describe('parseNumber(s) fast path', () => {
  it('parseNumber(s) equals Number(s) bit for bit on random decimals (property)', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 17 }), (x, places) => {
        for (const s of [String(x), x.toFixed(Math.min(places, 100)), x.toPrecision(Math.max(1, places))]) {
          const expected = Number(s);
          if (!Number.isFinite(expected) || /[xXbBoO]/.test(s)) continue;
          expect(Object.is(parseNumber(s), expected), s).toBe(true);
        }
      }),
      { numRuns: 5000, seed: 1 },
    );
  });
  it('parseNumber(s) handles signs, points and -0 like Number(s)', () => {
    for (const s of [
      '-0',
      '+0',
      '0.000',
      '-.5',
      '+.5',
      '123456789012345',
      '1234567890123456789',
      '0.1',
      '9007199254740993',
      '4.35',
      '59.9204',
    ]) {
      expect(Object.is(parseNumber(s), Number(s)), s).toBe(true);
    }
    for (const s of ['+', '-', '.', '+.', '1.2.3', '1-2']) expect(parseNumber(s), s).toBeNaN();
  });
  it('parseNumber(s) agrees with Number(s) on strings of number-like characters, dates and times (property)', async () => {
    const fc = (await import('fast-check')).default;
    // Number() reads these strings too; parseNumber must match it except for hex/binary/octal and
    // non-finite results, which it rejects. Non-ASCII spaces are in the alphabet because Number()
    // trims them.
    const alphabet = ['0', '1', '5', '9', '.', '-', '+', 'e', 'E', ':', '/', 'T', 'x', ' ', '\u00a0', '\u2003', '_'];
    const expected = (s: string) => {
      const v = Number(s);
      return Number.isFinite(v) && !/^[+-]?0[xXbBoO]/.test(s.trim()) ? v : NaN;
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 12 }), (chars) => {
        const s = chars.join('');
        if (s.trim() !== s || s.length === 0) return;
        expect(Object.is(parseNumber(s), expected(s)), JSON.stringify(s)).toBe(true);
      }),
      { numRuns: 20000, seed: 7 },
    );
    for (const s of ['2024-01-01', '2024-01-01T00:00:00', '12:30', '3rd', '1/2', '1\u00a0', '1e3x', '1e+3', '12e-2']) {
      expect(Object.is(parseNumber(s), expected(s)), s).toBe(true);
    }
  });
});
