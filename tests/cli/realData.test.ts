/**
 * End-to-end: the CLI on pairs cut from real public datasets (tests/fixtures/real, scripts/real-pairs.mjs),
 * checked against a Python implementation's report on the same files (tests/fixtures/real_expectations.json,
 * made by scripts/make_real_expectations.py: pandas + scipy + numpy).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import expectations from '../fixtures/real_expectations.json';
import pointMassPsi from '../fixtures/real_point_mass_psi.json';
import type { Report } from '../../src/core/report/types.ts';
import { runCli, tempDir } from './runCli.ts';
import { schema, validate } from '../helpers/reportSchema.ts';
import { realPair } from '../helpers/realPairs.ts';

interface Expected {
  rows: { reference: number; production: number };
  overall_drift: boolean;
  drifted_features: string[];
  features: Record<
    string,
    {
      type: string;
      drifted: boolean;
      ks?: { statistic: number; p_value: number };
      chi2?: { statistic: number; p_value: number; dof: number };
      psi?: number;
    }
  >;
}

// KS D and PSI are the same float operations on the same numbers, so they agree to rounding: 1e-9.
// p-values: ports of scipy's kstwo and gammaincc that do not repeat its every floating-point step, and a
// p-value only ever meets a threshold such as 0.05: 1e-6 absolute or 1e-4 relative (tests/core/special
// measures the functions themselves to 1e-9 relative).
function closeP(got: number, want: number): boolean {
  return Math.abs(got - want) <= 1e-6 || Math.abs(got - want) <= 1e-4 * Math.abs(want);
}

// The baseline types a column from the reference alone; Drift Monitor from both files (README "Column types"). In the bank
// pair pdays and previous have <= 20 distinct values in the first half of the year (baseline:
// categorical) but more over both halves (ours: numerical). Only the type and tests differ; the flag must not.
const TYPED_ON_BOTH_FILES: Record<string, string[]> = { bank: ['pdays', 'previous'] };

// PSI where the baseline and Drift Monitor bin differently. The baseline bins at numpy's reference deciles
// as they are; where a value holds more than 1/10 of the reference (bank pdays: -1 on every reference row;
// adult capital_gain: 0 on 92%) those edges repeat, the duplicates become empty bins and the value shares
// its bin with the values just above it, so a move away from it does not show. Drift Monitor gives such
// a value its own bin (src/core/stattests/psiBins.ts). For these features the expected PSI, edges and
// counts come from the numpy implementation of that rule (scripts/make_real_point_mass_psi.py,
// tests/fixtures/real_point_mass_psi.json) instead of the baseline.
interface PointMassPsi {
  psi: number;
  point_masses: number[];
  edges: number[];
  reference_counts: number[];
  production_counts: number[];
}
const POINT_MASS_PSI = pointMassPsi.pairs as Record<string, Record<string, PointMassPsi>>;

const out = tempDir('dm-real-');
const reports = new Map<string, Report>();

beforeAll(() => {
  for (const name of Object.keys(expectations.pairs)) {
    const p = realPair(name);
    const args = [
      '--reference',
      p.reference,
      '--production',
      p.production,
      '--out',
      join(out, `${name}.json`),
      '--scores',
      join(out, `${name}.csv`),
    ];
    if (p.label) args.push('--label', p.label);
    if (p.drop.length) args.push('--drop', p.drop.join(','));
    const r = runCli(args);
    if (r.code !== 0) throw new Error(`CLI failed on ${name}: ${r.stderr}`);
    reports.set(name, JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')) as Report);
  }
}, 240_000);

describe.each(Object.keys(expectations.pairs))('drift-monitor on the real pair %s', (name) => {
  const want = (expectations.pairs as unknown as Record<string, Expected>)[name];

  it('gives the baseline verdict and flags the same features', () => {
    const report = reports.get(name)!;
    expect(report.summary.overall_drift).toBe(want.overall_drift);
    expect([...report.summary.drifted_features].sort()).toEqual([...want.drifted_features].sort());
    expect(report.data.reference.rows).toBe(want.rows.reference);
    expect(report.data.production.rows).toBe(want.rows.production);
  });

  it('tests the same features with the same types and statistics', () => {
    const report = reports.get(name)!;
    const wantFeatures = want.features;
    expect(report.features.map((f) => f.name).sort()).toEqual(Object.keys(wantFeatures).sort());
    for (const f of report.features) {
      const w = wantFeatures[f.name];
      const mass = POINT_MASS_PSI[name]?.[f.name];
      if (mass) {
        expect(Math.abs(f.psi!.value - mass.psi), f.name).toBeLessThanOrEqual(1e-9);
        expect(f.psi, f.name).toMatchObject({
          point_masses: mass.point_masses,
          edges: mass.edges,
          reference_counts: mass.reference_counts,
          production_counts: mass.production_counts,
        });
        expect(
          report.warnings.some((m) => m.startsWith(`column "${f.name}": the value`)),
          f.name,
        ).toBe(true);
      } else if (f.type === 'numerical') {
        expect(f.psi!.point_masses, f.name).toEqual([]);
      }
      if (TYPED_ON_BOTH_FILES[name]?.includes(f.name)) {
        expect([w.type, f.type], f.name).toEqual(['categorical', 'numerical']);
        expect(f.drifted, f.name).toBe(w.drifted);
        continue;
      }
      expect(f.type, f.name).toBe(w.type);
      if (w.ks) {
        expect(Math.abs(f.ks!.statistic - w.ks.statistic), f.name).toBeLessThanOrEqual(1e-9);
        expect(closeP(f.ks!.p_value, w.ks.p_value), `${f.name} p ${f.ks!.p_value} vs ${w.ks.p_value}`).toBe(true);
      }
      if (w.chi2) {
        expect(f.chi2!.dof, f.name).toBe(w.chi2.dof);
        expect(Math.abs(f.chi2!.statistic - w.chi2.statistic), f.name).toBeLessThanOrEqual(1e-9 * Math.max(1, w.chi2.statistic));
        expect(closeP(f.chi2!.p_value, w.chi2.p_value), `${f.name} p ${f.chi2!.p_value} vs ${w.chi2.p_value}`).toBe(true);
      }
      if (!mass) expect(Math.abs(f.psi!.value - w.psi!), f.name).toBeLessThanOrEqual(1e-9);
    }
  });
});

describe('drift-monitor type rules on real data', () => {
  it('writes reports that follow schema/report.schema.json', () => {
    for (const [name, report] of reports) expect(validate(schema, report), name).toEqual([]);
  });
  it('skips the bike row id and date columns with a reason', () => {
    const skipped = reports
      .get('bike')!
      .skipped.map((s) => s.name)
      .sort();
    expect(skipped).toEqual(['dteday', 'instant']);
  });
  it("skips the generated pair's id and timestamp and finds the injected drift", () => {
    const r = reports.get('generated')!;
    expect(r.skipped.map((s) => s.name).sort()).toEqual(['id', 'timestamp']);
    // truth.json: mean shift num_0, sigma num_1, lambda num_7, mix cat_0, new level cat_2 are the strong ones.
    expect(r.summary.drifted_features).toEqual(expect.arrayContaining(['num_0', 'num_1', 'cat_0', 'cat_2']));
    expect(r.features.find((f) => f.name === 'num_0')!.ks!.method).toBe('exact');
  });
  it('bank pdays (-1 on every reference row, 36% other values in production): PSI sees the shift KS sees', () => {
    const pdays = reports.get('bank')!.features.find((f) => f.name === 'pdays')!;
    expect(pdays.ks!.statistic).toBeGreaterThan(0.3);
    expect(pdays.psi!.value).toBeGreaterThan(0.1);
    expect(pdays.flagged_by).toContain('psi');
  });
  it('reads the ;-separated bank file', () => {
    expect(reports.get('bank')!.data.reference.columns).toBe(17);
  });
});
