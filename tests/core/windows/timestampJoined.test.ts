/**
 * TimestampColumn.joined: the states of a file's parts, each tapped from its own first row, give what
 * one tap over the whole file gives, wherever the file is cut (missing, unparsable and out-of-order
 * cells, ambiguous a/b/yyyy dates decided over the whole column, the first examples).
 */
import { describe, expect, it } from 'vitest';
import { TimestampColumn } from '../../../src/core/windows/timestampColumn.ts';
import { mulberry32 as rng } from '../../../src/core/samples/mulberry32.ts';

const MISSING = ['', 'NA'];

function whole(cells: string[], zone: string) {
  const tap = new TimestampColumn(zone, MISSING);
  cells.forEach((c, i) => tap.add(i, c));
  return tap.finish(cells.length);
}

function inParts(cells: string[], cuts: number[], zone: string) {
  const bounds = [0, ...cuts, cells.length];
  const states = bounds.slice(0, -1).map((from, k) => {
    const tap = new TimestampColumn(zone, MISSING, 4);
    cells.slice(from, bounds[k + 1]).forEach((c, i) => tap.add(i, c));
    return tap.state();
  });
  return TimestampColumn.joined(zone, MISSING, states, bounds.slice(0, -1)).finish(cells.length);
}

function cellsOf(seed: number, n: number, kinds: string[]): string[] {
  const r = rng(seed);
  const two = (x: number) => String(x).padStart(2, '0');
  return Array.from({ length: n }, () => {
    const kind = kinds[Math.floor(r() * kinds.length)];
    const d = 1 + Math.floor(r() * 28);
    const m = 1 + Math.floor(r() * 12);
    const h = Math.floor(r() * 24);
    switch (kind) {
      case 'iso':
        return `2024-${two(m)}-${two(d)}T${two(h)}:15:00`;
      case 'offset':
        return `2024-${two(m)}-${two(d)}T${two(h)}:15:00+02:00`;
      case 'ambiguous':
        return `${two(Math.min(d, 12))}/${two(m)}/2024`;
      case 'dayFirst':
        return `${two(13 + Math.floor(r() * 15))}/${two(m)}/2024`;
      case 'monthFirst':
        return `${two(m)}/${two(13 + Math.floor(r() * 15))}/2024`;
      case 'missing':
        return r() < 0.5 ? '' : 'NA';
      default:
        return `bad ${Math.floor(r() * 1000)}`;
    }
  });
}

describe('TimestampColumn.joined', () => {
  it('equals one tap over the whole column, for any cuts', () => {
    const mixes = [
      ['iso', 'offset', 'missing', 'bad'],
      ['ambiguous', 'dayFirst', 'missing', 'bad'],
      ['ambiguous', 'monthFirst', 'iso'],
      ['ambiguous', 'dayFirst', 'monthFirst', 'bad'],
      ['ambiguous'],
    ];
    mixes.forEach((kinds, s) => {
      const cells = cellsOf(s + 1, 300, kinds);
      const one = whole(cells, 'Europe/Berlin');
      for (const cuts of [[1], [150], [299], [7, 8, 200], [0], [300]]) expect(inParts(cells, cuts, 'Europe/Berlin')).toEqual(one);
    });
  });

  it('can fail: a part tapped with its rows numbered from the file start is not the whole', () => {
    const cells = cellsOf(9, 100, ['iso', 'bad']);
    const a = new TimestampColumn('UTC', MISSING);
    cells.slice(0, 50).forEach((c, i) => a.add(i, c));
    const b = new TimestampColumn('UTC', MISSING);
    cells.slice(50).forEach((c, i) => b.add(i + 50, c));
    expect(TimestampColumn.joined('UTC', MISSING, [a.state(), b.state()], [0, 50]).finish(100)).not.toEqual(whole(cells, 'UTC'));
  });

  it('keeps the first unparsable examples of the whole column, and counts rows no tap saw as missing', () => {
    const cells = ['x1', '2024-01-01', 'x2', 'x3', '2024-01-02', 'x4', 'x5'];
    const got = inParts(cells, [2], 'UTC');
    expect(got.unparsableExamples).toEqual(['x1', 'x2', 'x3']);
    expect(got.firstUnparsableRow).toBe(1);
    const tap = new TimestampColumn('UTC', MISSING);
    tap.add(0, '2024-01-01');
    expect(TimestampColumn.joined('UTC', MISSING, [tap.state()], [0]).finish(3).missing).toBe(2);
  });
});
