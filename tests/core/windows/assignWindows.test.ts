import { describe, expect, it } from 'vitest';
import { calendarWindows, civilFromDays, fileWindows, rowWindows } from '../../../src/core/windows/assignWindows.ts';
import { TimestampColumn } from '../../../src/core/windows/timestampColumn.ts';

function read(cells: string[], zone = 'UTC') {
  const col = new TimestampColumn(zone, ['', 'NA']);
  cells.forEach((c, i) => col.add(i, c));
  return col.finish(cells.length);
}

const summary = (ws: ReturnType<typeof calendarWindows>) => ws.map((w) => [w.label, w.start, w.end, Array.from(w.rows)]);

describe('TimestampColumn', () => {
  it('reads the formats that type a column as a timestamp, counts missing and unparsable cells', () => {
    const t = read([
      '2024-03-04',
      '2024-03-04T10:20:30.5Z',
      '2024/3/4 10:20',
      '04.03.2024',
      'NA',
      '',
      'yesterday',
      '2024-02-30',
      '2024-13-01',
      '  2024-03-05 ',
    ]);
    const iso = Array.from(t.local, (x) => (x === x ? new Date(x).toISOString() : null));
    expect(iso).toEqual([
      '2024-03-04T00:00:00.000Z',
      '2024-03-04T10:20:30.500Z',
      '2024-03-04T10:20:00.000Z',
      '2024-03-04T00:00:00.000Z',
      null,
      null,
      null,
      null,
      null,
      '2024-03-05T00:00:00.000Z',
    ]);
    expect(t.missing).toBe(2);
    expect(t.unparsable).toBe(3);
    expect(t.unparsableExamples).toEqual(['yesterday', '2024-02-30', '2024-13-01']);
    expect(t.firstUnparsableRow).toBe(7);
  });

  it('reads a/b/yyyy day-first unless a cell proves month-first; cells fitting only the other order are unparsable', () => {
    const us = read(['03/04/2024', '12/31/2024']);
    expect(us.dayOrder).toBe('month-first');
    expect(new Date(us.local[0]).toISOString().slice(0, 10)).toBe('2024-03-04');
    const eu = read(['03/04/2024', '31/12/2024']);
    expect(eu.dayOrder).toBe('day-first');
    expect(new Date(eu.local[0]).toISOString().slice(0, 10)).toBe('2024-04-03');
    const mixed = read(['31/12/2024', '12/31/2024', '01/02/2024']);
    expect(mixed.dayOrder).toBe('day-first');
    expect(mixed.unparsable).toBe(1);
    expect(mixed.unparsableExamples).toEqual(['12/31/2024']);
  });

  it('converts instants with an offset to the zone, keeps wall-clock cells as written', () => {
    const t = read(['2024-03-04T23:30:00Z', '2024-03-04T23:30:00', '2024-03-05T00:30:00+02:00'], 'Europe/Berlin');
    expect(Array.from(t.local, (x) => new Date(x).toISOString())).toEqual([
      '2024-03-05T00:30:00.000Z', // 23:30 UTC is 00:30 in Berlin (CET)
      '2024-03-04T23:30:00.000Z',
      '2024-03-04T23:30:00.000Z', // 22:30 UTC
    ]);
  });

  it('counts rows the tap never saw (a short last row) as missing', () => {
    const col = new TimestampColumn('UTC', []);
    col.add(0, '2024-01-01');
    expect(col.finish(3).missing).toBe(2);
  });
});

describe('calendarWindows', () => {
  it('days in UTC, unsorted rows, empty days kept as gaps, rows without a timestamp in no window', () => {
    const t = read(['2024-03-06T01:00:00Z', '2024-03-04T23:59:59Z', 'NA', '2024-03-04T00:00:00Z', 'bad', '2024-03-06T12:00:00Z']);
    expect(summary(calendarWindows(t.local, 'day', 'UTC'))).toEqual([
      ['2024-03-04', '2024-03-04T00:00:00.000Z', '2024-03-05T00:00:00.000Z', [1, 3]],
      ['2024-03-05', '2024-03-05T00:00:00.000Z', '2024-03-06T00:00:00.000Z', []],
      ['2024-03-06', '2024-03-06T00:00:00.000Z', '2024-03-07T00:00:00.000Z', [0, 5]],
    ]);
  });

  it('cuts days at local midnight of the zone: 23 h and 25 h days on DST changes', () => {
    const spring = read(['2024-03-30T22:59:59Z', '2024-03-30T23:00:00Z', '2024-03-31T21:59:59Z', '2024-03-31T22:00:00Z'], 'Europe/Berlin');
    const ws = calendarWindows(spring.local, 'day', 'Europe/Berlin');
    expect(summary(ws)).toEqual([
      ['2024-03-30', '2024-03-29T23:00:00.000Z', '2024-03-30T23:00:00.000Z', [0]],
      ['2024-03-31', '2024-03-30T23:00:00.000Z', '2024-03-31T22:00:00.000Z', [1, 2]],
      ['2024-04-01', '2024-03-31T22:00:00.000Z', '2024-04-01T22:00:00.000Z', [3]],
    ]);
    expect((Date.parse(ws[1].end!) - Date.parse(ws[1].start!)) / 3_600_000).toBe(23);
    const autumn = read(['2024-10-27T00:30:00Z', '2024-10-27T01:30:00Z', '2024-10-27 02:30:00'], 'Europe/Berlin');
    const aw = calendarWindows(autumn.local, 'day', 'Europe/Berlin');
    expect(aw).toHaveLength(1);
    expect((Date.parse(aw[0].end!) - Date.parse(aw[0].start!)) / 3_600_000).toBe(25);
    // Both 02:30s (CEST and CET) and the wall-clock one are on the 27th.
    expect(Array.from(aw[0].rows)).toEqual([0, 1, 2]);
  });

  it('the same instants fall in different days in different zones', () => {
    const cells = ['2024-03-04T23:30:00Z', '2024-03-05T03:00:00Z'];
    expect(calendarWindows(read(cells).local, 'day', 'UTC').map((w) => w.label)).toEqual(['2024-03-04', '2024-03-05']);
    expect(calendarWindows(read(cells, 'Asia/Tokyo').local, 'day', 'Asia/Tokyo').map((w) => [w.label, w.rows.length])).toEqual([
      ['2024-03-05', 2],
    ]);
    expect(calendarWindows(read(cells, 'America/New_York').local, 'day', 'America/New_York').map((w) => [w.label, w.rows.length])).toEqual([
      ['2024-03-04', 2],
    ]);
  });

  it('ISO weeks start on Monday (and take the week-year of their Thursday); months have their own lengths', () => {
    const t = read(['2024-12-29', '2024-12-30', '2025-01-05', '2025-01-06']);
    expect(calendarWindows(t.local, 'week', 'UTC').map((w) => [w.label, w.start, Array.from(w.rows)])).toEqual([
      ['2024-W52', '2024-12-23T00:00:00.000Z', [0]],
      ['2025-W01', '2024-12-30T00:00:00.000Z', [1, 2]],
      ['2025-W02', '2025-01-06T00:00:00.000Z', [3]],
    ]);
    const m = read(['2024-01-31', '2024-02-29T23:00:00', '2024-03-31T22:30:00Z'], 'Europe/Berlin');
    expect(summary(calendarWindows(m.local, 'month', 'Europe/Berlin'))).toEqual([
      ['2024-01', '2023-12-31T23:00:00.000Z', '2024-01-31T23:00:00.000Z', [0]],
      ['2024-02', '2024-01-31T23:00:00.000Z', '2024-02-29T23:00:00.000Z', [1]],
      ['2024-03', '2024-02-29T23:00:00.000Z', '2024-03-31T22:00:00.000Z', []],
      ['2024-04', '2024-03-31T22:00:00.000Z', '2024-04-30T22:00:00.000Z', [2]],
    ]);
  });

  it('refuses a span of more windows than MAX_WINDOWS, with a hint', () => {
    const t = read(['1900-01-01', '2024-01-01']);
    expect(() => calendarWindows(t.local, 'day', 'UTC')).toThrow(/choose a longer windows.every/);
  });

  it('has no window when no row has a timestamp', () => {
    expect(calendarWindows(read(['NA', 'x']).local, 'day', 'UTC')).toEqual([]);
  });
});

describe('rowWindows, fileWindows, civilFromDays', () => {
  it('row windows are consecutive, the last may be short', () => {
    expect(rowWindows(5, 2).map((w) => [w.label, Array.from(w.rows)])).toEqual([
      ['rows 1-2', [0, 1]],
      ['rows 3-4', [2, 3]],
      ['rows 5-5', [4]],
    ]);
  });
  it('file windows number rows end to end', () => {
    expect(
      fileWindows([
        { file: 'a.csv', rows: 2 },
        { file: 'b.csv', rows: 1 },
      ]).map((w) => [w.label, w.file, Array.from(w.rows)]),
    ).toEqual([
      ['a.csv', 'a.csv', [0, 1]],
      ['b.csv', 'b.csv', [2]],
    ]);
  });
  it('civilFromDays agrees with Date on 1,000 days around leap years', () => {
    for (let d = -400; d < 20000; d += 21) {
      const date = new Date(d * 86_400_000);
      expect(civilFromDays(d)).toEqual([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]);
    }
  });
});
