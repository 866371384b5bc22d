import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEMO_COLUMNS, makeDemoPair } from '../../../src/core/samples/makeDemoPair.ts';

type Row = Record<string, string>;
function rows(text: string): Row[] {
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}
const pair = makeDemoPair();
const ref = rows(pair.reference);
const prod = rows(pair.production);

const values = (rs: Row[], c: string) =>
  rs
    .map((r) => r[c])
    .filter((v) => v !== '')
    .map(Number);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};
const share = (rs: Row[], c: string, v: string) => rs.filter((r) => r[c] === v).length / rs.length;

describe('makeDemoPair(opts)', () => {
  it('makeDemoPair is deterministic: same seed, same bytes; another seed, other bytes', () => {
    expect(makeDemoPair({ rows: 300, seed: 7 })).toEqual(makeDemoPair({ rows: 300, seed: 7 }));
    expect(makeDemoPair({ rows: 300, seed: 8 }).reference).not.toBe(makeDemoPair({ rows: 300, seed: 7 }).reference);
    expect(makeDemoPair()).toEqual(makeDemoPair({ rows: 5000, seed: 42 }));
  });

  it('writes 5000 rows per file by default with the demo columns and a trailing newline', () => {
    expect(ref).toHaveLength(5000);
    expect(prod).toHaveLength(5000);
    expect(pair.reference.split('\n')[0]).toBe(DEMO_COLUMNS.join(','));
    expect(pair.production.endsWith('\n')).toBe(true);
    expect(makeDemoPair({ rows: 10 }).reference.trimEnd().split('\n')).toHaveLength(11);
    expect(() => makeDemoPair({ rows: 0 })).toThrow(RangeError);
  });

  it('has a unique customer_id per row and ISO signup dates (the columns the type rule skips)', () => {
    for (const rs of [ref, prod]) {
      expect(new Set(rs.map((r) => r.customer_id)).size).toBe(rs.length);
      expect(rs.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.signup_date) && !Number.isNaN(Date.parse(r.signup_date)))).toBe(true);
    }
  });

  // Tolerances below: each injected change is many standard errors wide at n = 5000
  // (e.g. tenure: shift 10 vs standard error 0.28), each stable column is compared within a few.
  it('injects a mean shift in tenure_months and a variance change in monthly_charges', () => {
    expect(mean(values(ref, 'tenure_months')) - mean(values(prod, 'tenure_months'))).toBeGreaterThan(8);
    expect(sd(values(prod, 'monthly_charges')) / sd(values(ref, 'monthly_charges'))).toBeGreaterThan(1.7);
    expect(Math.abs(mean(values(prod, 'monthly_charges')) - mean(values(ref, 'monthly_charges')))).toBeLessThan(2);
  });

  it('changes the contract mix and adds payment_method "crypto" only in production', () => {
    expect(share(ref, 'contract', 'month-to-month')).toBeCloseTo(0.45, 1);
    expect(share(prod, 'contract', 'month-to-month')).toBeCloseTo(0.65, 1);
    expect(share(ref, 'payment_method', 'crypto')).toBe(0);
    expect(share(prod, 'payment_method', 'crypto')).toBeGreaterThan(0.1);
  });

  it('raises the satisfaction missing rate from 3% to 20% (empty cells), observed values stable', () => {
    expect(share(ref, 'satisfaction', '')).toBeCloseTo(0.03, 2);
    expect(share(prod, 'satisfaction', '')).toBeCloseTo(0.2, 2);
    expect(Math.abs(mean(values(ref, 'satisfaction')) - mean(values(prod, 'satisfaction')))).toBeLessThan(0.1);
  });

  it('keeps age, region, support_calls and data_usage_gb stable; support_calls is a small count', () => {
    expect(Math.abs(mean(values(ref, 'age')) - mean(values(prod, 'age')))).toBeLessThan(1);
    expect(Math.abs(share(ref, 'region', 'south') - share(prod, 'region', 'south'))).toBeLessThan(0.03);
    expect(Math.abs(mean(values(ref, 'support_calls')) - mean(values(prod, 'support_calls')))).toBeLessThan(0.1);
    expect(new Set(values(ref, 'support_calls')).size).toBeLessThanOrEqual(11);
    expect(Math.max(...values(prod, 'support_calls'))).toBeLessThanOrEqual(10);
    expect(Math.abs(mean(values(ref, 'data_usage_gb')) / mean(values(prod, 'data_usage_gb')) - 1)).toBeLessThan(0.05);
  });

  it('makes churned depend on the features, and more so in production (concept drift)', () => {
    const churnRate = (rs: Row[]) => mean(rs.map((r) => Number(r.churned)));
    const m2m = ref.filter((r) => r.contract === 'month-to-month');
    const twoYear = ref.filter((r) => r.contract === 'two-year');
    expect(churnRate(m2m) - churnRate(twoYear)).toBeGreaterThan(0.2);
    const southGap = (rs: Row[]) => churnRate(rs.filter((r) => r.region === 'south')) - churnRate(rs.filter((r) => r.region !== 'south'));
    expect(Math.abs(southGap(ref))).toBeLessThan(0.05);
    expect(southGap(prod)).toBeGreaterThan(0.15);
  });
});
