import { describe, expect, it } from 'vitest';
import { formatChange } from '../../src/ui/format/formatNumber.ts';

describe('formatChange(x)', () => {
  it('signs the difference and gives fractions 4 decimals, whole numbers as they are', () => {
    expect(formatChange(-0.059524)).toBe('-0.0595');
    expect(formatChange(0.13870001)).toBe('+0.1387');
    expect(formatChange(-0.26)).toBe('-0.2600');
    expect(formatChange(12)).toBe('+12');
    expect(formatChange(-3)).toBe('-3');
    expect(formatChange(0)).toBe('0');
    expect(formatChange(null)).toBe('–');
    expect(formatChange(Number.NaN)).toBe('–');
  });
});
