import { describe, expect, it } from 'vitest';
import { compareClose, compareCsvClose, numbersClose, REL_TOL } from './numbersClose.ts';

describe('numbersClose and compareClose (browser vs CLI numbers)', () => {
  it('accepts a last-digit difference in a tiny p-value and refuses a real change', () => {
    expect(numbersClose(5.600977219269026e-90, 5.600977219269027e-90)).toBe(true);
    expect(numbersClose(0.5, 0.5 * (1 + 10 * REL_TOL))).toBe(false);
    expect(numbersClose(0, 1e-310)).toBe(true);
    expect(numbersClose(0, 1e-17)).toBe(false);
    expect(numbersClose(Infinity, Infinity)).toBe(true);
    expect(numbersClose(Infinity, 1e308)).toBe(false);
  });

  it('compares counts, strings, booleans, null and keys exactly, and reports the path', () => {
    const a = { n: 3, p: 0.1, flags: [true, 'ks'], x: null };
    expect(compareClose(a, { n: 3, p: 0.1 * (1 + 1e-15), flags: [true, 'ks'], x: null }).differences).toEqual([]);
    expect(compareClose(a, { n: 4, p: 0.1, flags: [true, 'ks'], x: null }).differences).toEqual(['$.n: 3 vs 4']);
    expect(compareClose(a, { n: 3, p: 0.1, flags: [false, 'ks'], x: null }).differences).toEqual(['$.flags[0]: true vs false']);
    expect(compareClose(a, { n: 3, p: 0.1, flags: [true, 'psi'], x: null }).differences).toEqual(['$.flags[1]: "ks" vs "psi"']);
    expect(compareClose(a, { n: 3, p: 0.1, flags: [true, 'ks'], x: 0 }).differences).toEqual(['$.x: null vs 0']);
    expect(compareClose(a, { n: 3, p: 0.1, flags: [true], x: null }).differences).toEqual(['$.flags: 2 items vs 1']);
    expect(compareClose(a, { n: 3, p: 0.1, flags: [true, 'ks'] }).differences).toHaveLength(1);
    expect(compareClose(a, { ...a, p: 0.2 }).differences).toEqual(['$.p: 0.1 vs 0.2']);
    expect(compareClose([1, 0.3], [1, 0.3 * (1 + 3e-16)]).maxRelative).toBeGreaterThan(0);
  });

  it('compares CSV cells as numbers where both are numbers, as text elsewhere', () => {
    const csv = 'feature,type,p\n"a,b",numerical,1e-90\nc,categorical,0.25\n';
    expect(compareCsvClose(csv, csv.replace('1e-90', '1.0000000000000002e-90')).differences).toEqual([]);
    expect(compareCsvClose(csv, csv.replace('0.25', '0.26')).differences).toEqual(['$[2][2]: 0.25 vs 0.26']);
    expect(compareCsvClose(csv, csv.replace('categorical', 'numerical')).differences).toHaveLength(1);
    expect(compareCsvClose(csv, csv + 'd,numerical,1\n').differences).toEqual(['$: 3 items vs 4']);
  });
});
