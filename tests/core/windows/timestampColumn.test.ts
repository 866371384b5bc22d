/**
 * Plain ISO cells (`yyyy-mm-dd`, `yyyy-mm-dd hh:mm`, `yyyy-mm-ddThh:mm:ss`) are read without the ISO
 * expression: each must give what the expression's branch gives for the same instant written with a
 * fraction of a second (`.000`, which only the expression reads), and the same cells unparsable.
 */
import { describe, expect, it } from 'vitest';
import { TimestampColumn } from '../../../src/core/windows/timestampColumn.ts';
import { mulberry32 as rng } from '../../../src/core/samples/mulberry32.ts';

function read(cells: string[], zone = 'UTC'): ReturnType<TimestampColumn['finish']> {
  const tap = new TimestampColumn(zone, ['', 'NA']);
  cells.forEach((c, i) => tap.add(i, c));
  return tap.finish(cells.length);
}

const two = (n: number) => String(n).padStart(2, '0');

describe('TimestampColumn plain ISO cells', () => {
  it('equal the expression-read cells with a fraction, valid or not, across days, years and zones', () => {
    const r = rng(5);
    const plain: string[] = [];
    const viaExpression: string[] = [];
    for (let i = 0; i < 4000; i++) {
      const y = [0, 50, 1900, 2000, 2023, 2024, 2100, 9999][Math.floor(r() * 8)];
      const mo = Math.floor(r() * 14); // 0 and 13 are not months
      const d = Math.floor(r() * 33); // 0, 29-32 test the calendar
      const h = Math.floor(r() * 26); // 24, 25 are not hours
      const mi = Math.floor(r() * 61);
      const s = Math.floor(r() * 62); // 60 is a leap second, 61 is not
      const date = `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}`;
      const shape = Math.floor(r() * 3);
      if (shape === 0) {
        plain.push(date);
        viaExpression.push(`${date}T00:00:00.000`);
      } else if (shape === 1) {
        plain.push(`${date} ${two(h)}:${two(mi)}`);
        viaExpression.push(`${date} ${two(h)}:${two(mi)}:00.0`);
      } else {
        plain.push(`${date}T${two(h)}:${two(mi)}:${two(s)}`);
        viaExpression.push(`${date}T${two(h)}:${two(mi)}:${two(s)}.000`);
      }
    }
    for (const zone of ['UTC', 'Europe/Berlin']) {
      const a = read(plain, zone);
      const b = read(viaExpression, zone);
      expect(Array.from(a.local)).toEqual(Array.from(b.local));
      expect(a.unparsable).toBe(b.unparsable);
      expect(a.unparsable).toBeGreaterThan(100);
      expect(a.unparsable).toBeLessThan(3900);
    }
  });

  it('reads known instants and leaves look-alikes to the expressions', () => {
    const got = read([
      '2024-02-29T23:59:60',
      '2023-02-29',
      '2024-03-04 05:06',
      '2024-03-04T05:06:07Z',
      '2024-03-04x05:06:07',
      '2O24-03-04',
      'NA',
    ]);
    expect(got.local[0]).toBe(Date.UTC(2024, 2, 1, 0, 0, 0));
    expect(got.local[1]).toBeNaN();
    expect(got.local[2]).toBe(Date.UTC(2024, 2, 4, 5, 6));
    expect(got.local[3]).toBe(Date.UTC(2024, 2, 4, 5, 6, 7));
    expect(got.local[4]).toBeNaN();
    expect(got.local[5]).toBeNaN();
    expect(got.missing).toBe(1);
    expect(got.unparsable).toBe(3);
  });
});
