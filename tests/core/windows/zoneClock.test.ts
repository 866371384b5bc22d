import { describe, expect, it } from 'vitest';
import { utc, ZoneClock } from '../../../src/core/windows/zoneClock.ts';

const iso = (t: number) => new Date(t).toISOString();

describe('ZoneClock', () => {
  it('gives the offset of a zone in winter and summer, and 0 for UTC', () => {
    const berlin = new ZoneClock('Europe/Berlin');
    expect(berlin.offsetAt(Date.UTC(2024, 0, 15)) / 3_600_000).toBe(1);
    expect(berlin.offsetAt(Date.UTC(2024, 6, 15)) / 3_600_000).toBe(2);
    expect(new ZoneClock('UTC').offsetAt(Date.UTC(2024, 6, 15))).toBe(0);
    expect(new ZoneClock('Asia/Kolkata').offsetAt(Date.UTC(2024, 6, 15)) / 60_000).toBe(330);
  });

  it('switches offset at the transition instant, not at a cache bucket edge', () => {
    const berlin = new ZoneClock('Europe/Berlin');
    // Clocks went forward at 01:00 UTC on 2024-03-31.
    expect(berlin.offsetAt(Date.UTC(2024, 2, 31, 0, 59, 59))).toBe(3_600_000);
    expect(berlin.offsetAt(Date.UTC(2024, 2, 31, 1, 0, 0))).toBe(7_200_000);
    // Lord Howe Island moves by 30 minutes.
    const lh = new ZoneClock('Australia/Lord_Howe');
    expect(lh.offsetAt(Date.UTC(2024, 0, 15)) / 60_000).toBe(660);
    expect(lh.offsetAt(Date.UTC(2024, 6, 15)) / 60_000).toBe(630);
  });

  it('maps local wall-clock times to instants as Temporal "compatible" does across DST changes', () => {
    const berlin = new ZoneClock('Europe/Berlin');
    expect(iso(berlin.toInstant(utc(2024, 3, 31, 0, 0)))).toBe('2024-03-30T23:00:00.000Z');
    // 02:30 does not exist on 2024-03-31: moved forward by the gap.
    expect(iso(berlin.toInstant(utc(2024, 3, 31, 2, 30)))).toBe('2024-03-31T01:30:00.000Z');
    // 02:30 occurs twice on 2024-10-27: the earlier one.
    expect(iso(berlin.toInstant(utc(2024, 10, 27, 2, 30)))).toBe('2024-10-27T00:30:00.000Z');
    expect(iso(berlin.toInstant(utc(2024, 10, 28, 0, 0)))).toBe('2024-10-27T23:00:00.000Z');
    // A day that starts at 01:00 (midnight skipped): America/Santiago, 2024-09-08.
    expect(iso(new ZoneClock('America/Santiago').toInstant(utc(2024, 9, 8, 0, 0)))).toBe('2024-09-08T04:00:00.000Z');
  });

  it('utc() handles years below 100 literally', () => {
    expect(iso(utc(99, 1, 2))).toBe('0099-01-02T00:00:00.000Z');
  });
});

describe('windows config keys', () => {
  it('validates windows.every and windows.timezone with clear messages', async () => {
    const { parseConfig } = await import('../../../src/core/config/loadConfig.ts');
    expect(parseConfig('windows:\n  every: 500\n  column: ts\n', 'c.yaml').windows).toEqual({
      column: 'ts',
      every: 500,
      min_rows: 100,
      timezone: 'UTC',
      expected_variation: true,
    });
    expect(parseConfig('windows:\n  every: month\n  timezone: America/New_York\n', 'c.yaml').windows.every).toBe('month');
    expect(() => parseConfig('windows:\n  every: 2.5\n', 'c.yaml')).toThrow(
      'c.yaml: windows.every must be day, week, month, a whole number of rows (at least 1) or null, got number 2.5',
    );
    expect(() => parseConfig('windows:\n  timezone: Mars/Olympus\n', 'c.yaml')).toThrow(
      'c.yaml: windows.timezone must be an IANA time zone name such as UTC or Europe/Berlin, got string "Mars/Olympus"',
    );
    expect(() => parseConfig('windows:\n  evry: day\n', 'c.yaml')).toThrow(/unknown key "windows.evry"; did you mean "windows.every"\?/);
    expect(() => parseConfig('alerts:\n  webhook: x\n', 'c.yaml')).toThrow(
      /unknown key "alerts.webhook"; did you mean "alerts.webhook_url"\?/,
    );
  });
});
