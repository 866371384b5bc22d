/**
 * Windows against running the analysis on each window's rows alone: the production rows of a window
 * written back to CSV text, parsed and analysed with the same reference give the same scores, p-values
 * and flags as the window's result. Plus the first drifting window, too-small windows, timestamps left
 * out, and the expected-variation band's coverage on seeded data without drift.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse.ts';
import { buildReport } from '../../../src/core/buildReport.ts';
import { defaultConfig } from '../../../src/core/config/defaults.ts';
import type { Config } from '../../../src/core/config/types.ts';
import { profileConfigOf, profileFromTable } from '../../../src/core/profile/profileBuilder.ts';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';
import type { ParsedTable } from '../../../src/core/table/types.ts';
import { analyseWindows } from '../../../src/core/windows/analyseWindows.ts';
import { decideWindows } from '../../../src/core/windows/decideWindows.ts';
import { TimestampColumn, type TimestampValues } from '../../../src/core/windows/timestampColumn.ts';
import type { StatKernels } from '../../../src/core/stattests/kernels.ts';
import { loadKernels } from '../../../src/kernels/index.ts';
import { mulberry32 as rng } from '../../../src/core/samples/mulberry32.ts';

function normal(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

const HEADER = 'ts,x,n,colour,label';
/** One row; `shift` moves x and the colours (drift). */
function row(r: () => number, ts: string, shift: number): string {
  const colours = ['red', 'green', 'blue', 'grey'];
  const c = colours[Math.min(3, Math.floor(r() * 4 + shift * r()))];
  const y = r() < 0.3 + shift * 0.2 ? 'yes' : 'no';
  return [ts, (normal(r) + shift).toFixed(3), String(Math.floor(r() * 5)), c, y].join(',');
}

async function read(text: string, file: string, tap?: TimestampColumn): Promise<ParsedTable> {
  return parseCsv(text, {
    file,
    delimiter: 'auto',
    missingValues: ['', 'NA'],
    ...(tap ? { cellTap: { column: 'ts', add: (i: number, raw: string) => tap.add(i, raw) } } : {}),
  });
}

let kernels: StatKernels;
beforeAll(async () => {
  kernels = await loadKernels();
});

describe('analyseWindows', () => {
  const r = rng(3);
  const refLines = [HEADER, ...Array.from({ length: 4000 }, (_, i) => row(r, `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`, 0))];
  // Ten days of production, 300 rows a day (40 on day 4: too small), drift from 2024-03-06 on; shuffled.
  const prodRows: string[] = [];
  for (let d = 1; d <= 10; d++) {
    const n = d === 4 ? 40 : 300;
    for (let k = 0; k < n; k++) {
      const hour = String(Math.floor(r() * 24)).padStart(2, '0');
      prodRows.push(row(r, `2024-03-${String(d).padStart(2, '0')}T${hour}:15:00`, d >= 6 ? 0.6 : 0));
    }
  }
  prodRows.push(row(r, 'NA', 0), row(r, 'soon', 0), row(r, '2024-02-31', 0));
  for (let i = prodRows.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [prodRows[i], prodRows[j]] = [prodRows[j], prodRows[i]];
  }
  const refText = refLines.join('\n') + '\n';
  const prodText = [HEADER, ...prodRows].join('\n') + '\n';

  function config(): Config {
    const c = defaultConfig();
    c.data.label_column = 'label';
    c.windows.column = 'ts';
    c.windows.every = 'day';
    c.windows.min_rows = 100;
    // The timestamps are read for the windows, not tested (a day's timestamps alone may type differently).
    c.columns.drop = ['ts'];
    return c;
  }

  async function run(c: Config) {
    const reference = await read(refText, 'ref.csv');
    const tap = new TimestampColumn(c.windows.timezone, c.data.missing_values);
    const production = await read(prodText, 'prod.csv', tap);
    const stamps: TimestampValues = tap.finish(production.rows);
    const analysis = analyse(reference, production, c, kernels);
    const wa = analyseWindows({
      reference: profileFromTable(reference, { config: profileConfigOf(c) }),
      referenceTable: reference,
      productions: [production],
      timestamps: [stamps],
      plans: analysis.plans,
      config: c,
    });
    return { wa, decided: decideWindows(wa, c) };
  }

  it("gives each window the results of an analysis of that window's rows alone", async () => {
    const c = config();
    const { decided } = await run(c);
    const byDay = new Map<string, string[]>();
    for (const line of prodRows) {
      const day = line.slice(0, 10);
      if (/^2024-03-\d\d$/.test(day)) byDay.set(day, [...(byDay.get(day) ?? []), line]);
    }
    expect(decided.windows.map((w) => w.label)).toEqual([...byDay.keys()].sort());
    let compared = 0;
    for (const w of decided.windows) {
      const lines = byDay.get(w.label)!;
      expect(w.rows).toBe(lines.length);
      const alone = analyse(await read(refText, 'ref.csv'), await read([HEADER, ...lines].join('\n') + '\n', 'window.csv'), c, kernels);
      const report = buildReport(alone, c, { generatedAt: 'x', version: '0' });
      expect(w.features.map((f) => f.name)).toEqual(report.features.map((f) => f.name));
      for (const f of report.features) {
        const got = w.features.find((x) => x.name === f.name)!;
        expect(got.drift_score, `${w.label} ${f.name}`).toBe(f.drift_score);
        expect(got.psi, `${w.label} ${f.name}`).toBe(f.psi?.value ?? null);
        expect(got.p_value, `${w.label} ${f.name}`).toBe(f.type === 'numerical' ? f.ks!.p_value : f.chi2!.p_value_adjusted);
        expect(got.drifted, `${w.label} ${f.name}`).toBe(f.drifted);
        expect(got.flagged_by).toEqual(f.flagged_by);
        compared++;
      }
      if (!w.too_small) expect(w.overall_drift, w.label).toBe(report.summary.overall_drift);
    }
    expect(compared).toBe(30);
  });

  it('names the first drifting window, marks too-small windows, counts timestamps left out', async () => {
    const { decided } = await run(config());
    expect(decided.windowing.first_drift).toBe('2024-03-06');
    expect(decided.windowing.message).toBe('drift since 2024-03-06');
    expect(decided.windows.filter((w) => w.overall_drift).map((w) => w.label)).toEqual([
      '2024-03-06',
      '2024-03-07',
      '2024-03-08',
      '2024-03-09',
      '2024-03-10',
    ]);
    const small = decided.windows.find((w) => w.label === '2024-03-04')!;
    expect(small.too_small).toBe(true);
    expect(small.overall_drift).toBe(false);
    expect(decided.windowing.too_small).toBe(1);
    expect(decided.windowing.timestamps).toEqual({
      missing: 1,
      unparsable: 2,
      unparsable_examples: expect.arrayContaining(['soon', '2024-02-31']),
    });
    // The label is tested like a feature in each window (its share of "yes" moves with the drift).
    expect(decided.windows[9].label_drift?.name).toBe('label');
    expect(decided.windows[9].label_drift?.drifted).toBe(true);
    expect(decided.windows[0].label_drift?.drifted).toBe(false);
  });

  it('a too-small window never raises the verdict, even when its features are flagged', async () => {
    const c = config();
    c.windows.min_rows = 1000;
    const { decided } = await run(c);
    expect(decided.windows.every((w) => w.too_small && !w.overall_drift)).toBe(true);
    expect(decided.windows.some((w) => w.features.some((f) => f.drifted))).toBe(true);
    expect(decided.windowing.first_drift).toBeNull();
  });

  it('reports the expected-variation band next to the scores (flags stay with the thresholds)', async () => {
    const { decided } = await run(config());
    // 4000 reference rows make 13 windows of 300 rows: too few for 2.5% tails.
    expect(decided.windowing.expected_variation).toBeNull();
    expect(decided.windowing.note).toBe(
      'no expected variation: the reference has 4000 rows, 13 window(s) of 300 rows; it needs at least 20',
    );
    expect(decided.windows.every((w) => w.features.every((f) => f.outside_band === null))).toBe(true);
  });
});

describe('expected variation on seeded data without drift', () => {
  it('puts about 5% of production windows outside the 95% band', async () => {
    const r = rng(99);
    const line = () => `${normal(r).toFixed(4)},${(r() * 10).toFixed(3)},c${Math.floor(r() * 6)},k${Math.floor(-Math.log(1 - r()) * 2)}`;
    const header = 'a,b,c,k';
    const reference = await read([header, ...Array.from({ length: 100_000 }, line)].join('\n') + '\n', 'ref.csv');
    const production = await read([header, ...Array.from({ length: 100_000 }, line)].join('\n') + '\n', 'prod.csv');
    const c = defaultConfig();
    c.windows.every = 500;
    c.windows.min_rows = 100;
    const analysis = analyse(reference, production, c, kernels);
    const wa = analyseWindows({
      reference: profileFromTable(reference, { config: profileConfigOf(c) }),
      referenceTable: reference,
      productions: [production],
      timestamps: null,
      plans: analysis.plans,
      config: c,
    });
    const { windows, windowing } = decideWindows(wa, c);
    expect(windowing.expected_variation!.reference_windows).toBe(200);
    const checks = windows.flatMap((w) => w.features.map((f) => f.outside_band));
    expect(checks).toHaveLength(200 * 4);
    const share = checks.filter(Boolean).length / checks.length;
    // Measured: see the README ("Expected variation"); the tolerance allows for the percentile estimate
    // from 200 reference windows and for ties of the discrete scores.
    console.log(`share of windows outside the 95% band without drift: ${(share * 100).toFixed(2)}%`);
    expect(share).toBeGreaterThan(0.02);
    expect(share).toBeLessThan(0.09);
  });
});
