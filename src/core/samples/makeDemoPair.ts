/**
 * A seeded, churn-like demo pair (reference.csv, production.csv) with known, injected drift, for
 * `drift-monitor samples` and the dashboard's "load demo" (public/demo/ holds the default pair,
 * written by scripts/make-demo-data.mjs and checked byte for byte by tests/core/samples).
 *
 * Columns and what changes from reference to production (DEMO_INJECTED_DRIFT lists the same):
 * - customer_id     unique per row: an ID, skipped by the column-type rule
 * - signup_date     ISO dates: skipped
 * - age             stable numerical
 * - tenure_months   mean shift: N(32, 14) -> N(22, 14), clipped to 0..72
 * - monthly_charges variance change: sd 15 -> 30 around the same mean 65
 * - support_calls   stable count, Poisson(1.5) capped at 10 (few distinct values: categorical)
 * - contract        category mix change: month-to-month 45% -> 65%
 * - payment_method  new category: "crypto" appears only in production (12%)
 * - region          stable categorical
 * - satisfaction    missing rate 3% -> 20%; the observed values keep their distribution
 * - data_usage_gb   stable numerical (log-normal)
 * - churned         label 0/1 from a logistic rule on the features; in production the rule changes
 *                   (concept drift): a lower base rate (log-odds -1.2 -> -1.6), month-to-month
 *                   contracts and satisfaction no longer matter, region "south" and "crypto" payers
 *                   churn more, so a model trained on the reference loses F1 on production
 *
 * Same options -> same bytes: a mulberry32 stream per file, a fixed number of draws per row, numbers
 * written with toFixed. (Box-Muller uses Math.log/sqrt/cos/sin, which engines may round differently
 * in the last bit; that shows in the output only if a value lands exactly on a rounding boundary.)
 */
import { mulberry32 } from './mulberry32.ts';
import { normalSampler } from './normalSampler.ts';
import { pickWeighted } from './pickWeighted.ts';
import { randomPoisson } from './randomPoisson.ts';

export interface DemoPairOptions {
  /** Rows in each file (default 5000). */
  rows?: number;
  /** Seed of the generator (default 42). */
  seed?: number;
}

export const DEMO_LABEL_COLUMN = 'churned';

export const DEMO_COLUMNS = [
  'customer_id',
  'signup_date',
  'age',
  'tenure_months',
  'monthly_charges',
  'support_calls',
  'contract',
  'payment_method',
  'region',
  'satisfaction',
  'data_usage_gb',
  'churned',
] as const;

export const DEMO_INJECTED_DRIFT: readonly { column: string; change: string }[] = [
  { column: 'tenure_months', change: 'mean shift (32 -> 22 months)' },
  { column: 'monthly_charges', change: 'variance change (sd 15 -> 30)' },
  { column: 'contract', change: 'category mix change (month-to-month 45% -> 65%)' },
  { column: 'payment_method', change: 'new category "crypto" in production' },
  { column: 'satisfaction', change: 'missing rate 3% -> 20%' },
  { column: 'churned', change: 'concept drift: contract and satisfaction stop mattering; region "south" and crypto payers churn more' },
];

type Contract = 'month-to-month' | 'one-year' | 'two-year';
type Payment = 'electronic check' | 'mailed check' | 'bank transfer' | 'credit card' | 'crypto';
type Region = 'north' | 'south' | 'east' | 'west';

interface Regime {
  firstId: number;
  snapshotDay: number; // days since 1970-01-01 of the data extract; signup = snapshot - tenure
  tenure: { mean: number; sd: number };
  charges: { mean: number; sd: number };
  contract: Record<Contract, number>;
  payment: Partial<Record<Payment, number>>;
  satisfactionMissing: number;
  /** Churn log-odds: intercept, month-to-month effect, effect per satisfaction point (concept drift in production). */
  baseLogit: number;
  monthToMonthChurn: number;
  satisfactionChurn: number;
  /** Extra log-odds of churn (0 in the reference: the concept drift). */
  southChurn: number;
  cryptoChurn: number;
}

const REGION: Record<Region, number> = { north: 0.25, south: 0.3, east: 0.2, west: 0.25 };
const DAY_MS = 86_400_000;

const REFERENCE: Regime = {
  firstId: 100_001,
  snapshotDay: Date.UTC(2024, 0, 1) / DAY_MS,
  tenure: { mean: 32, sd: 14 },
  charges: { mean: 65, sd: 15 },
  contract: { 'month-to-month': 0.45, 'one-year': 0.3, 'two-year': 0.25 },
  payment: { 'electronic check': 0.34, 'mailed check': 0.22, 'bank transfer': 0.22, 'credit card': 0.22 },
  satisfactionMissing: 0.03,
  baseLogit: -1.2,
  monthToMonthChurn: 1.3,
  satisfactionChurn: 0.35,
  southChurn: 0,
  cryptoChurn: 0,
};

const PRODUCTION: Regime = {
  firstId: 500_001,
  snapshotDay: Date.UTC(2024, 6, 1) / DAY_MS,
  tenure: { mean: 22, sd: 14 },
  charges: { mean: 65, sd: 30 },
  contract: { 'month-to-month': 0.65, 'one-year': 0.2, 'two-year': 0.15 },
  payment: { 'electronic check': 0.3, 'mailed check': 0.18, 'bank transfer': 0.2, 'credit card': 0.2, crypto: 0.12 },
  satisfactionMissing: 0.2,
  baseLogit: -1.6,
  monthToMonthChurn: 0,
  satisfactionChurn: 0,
  southChurn: 1.2,
  cryptoChurn: 0.8,
};

/**
 * @returns the two files as CSV text: header row, "\n" line ends (also after the last row),
 *          missing satisfaction as an empty cell
 * @example makeDemoPair({ rows: 3 }).reference.split('\n')[0] // 'customer_id,signup_date,age,...,churned'
 */
export function makeDemoPair(opts: DemoPairOptions = {}): { reference: string; production: string } {
  const rows = opts.rows ?? 5000;
  const seed = opts.seed ?? 42;
  if (!Number.isInteger(rows) || rows < 1) throw new RangeError(`makeDemoPair: rows must be a positive integer, got ${rows}`);
  if (!Number.isFinite(seed)) throw new RangeError(`makeDemoPair: seed must be a finite number, got ${seed}`);
  return {
    reference: demoCsv(REFERENCE, rows, mulberry32(seed)),
    // A second, independent stream: the golden-ratio constant flips about half the seed's bits.
    production: demoCsv(PRODUCTION, rows, mulberry32(seed ^ 0x9e3779b9)),
  };
}

function demoCsv(regime: Regime, rows: number, random: () => number): string {
  const normal = normalSampler(random);
  const lines: string[] = [DEMO_COLUMNS.join(',')];
  for (let i = 0; i < rows; i++) {
    // Every row makes the same draws in the same order, whatever values come out.
    const age = clamp(Math.round(44 + 13 * normal()), 18, 85);
    const tenure = clamp(Math.round(regime.tenure.mean + regime.tenure.sd * normal()), 0, 72);
    const charges = clamp(regime.charges.mean + regime.charges.sd * normal(), 18, 150);
    const supportCalls = Math.min(randomPoisson(random, 1.5), 10);
    const contract = pickWeighted(random, regime.contract);
    const payment = pickWeighted(random, regime.payment as Record<Payment, number>);
    const region = pickWeighted(random, REGION);
    const satisfactionMissing = random() < regime.satisfactionMissing;
    const satisfaction = clamp(7 + 1.6 * normal(), 0, 10);
    const usageGb = Math.exp(2.3 + 0.6 * normal());
    const signupJitter = Math.floor(random() * 30);
    const churnDraw = random();

    const logit =
      regime.baseLogit +
      (contract === 'month-to-month' ? regime.monthToMonthChurn : contract === 'two-year' ? -0.9 : 0) -
      0.03 * tenure +
      0.025 * (charges - 65) +
      0.3 * supportCalls -
      (satisfactionMissing ? 0 : regime.satisfactionChurn * (satisfaction - 7)) +
      (payment === 'electronic check' ? 0.5 : 0) +
      (region === 'south' ? regime.southChurn : 0) +
      (payment === 'crypto' ? regime.cryptoChurn : 0);
    const churned = churnDraw < 1 / (1 + Math.exp(-logit)) ? 1 : 0;

    const signupDay = regime.snapshotDay - Math.round(tenure * 30.44) - signupJitter;
    lines.push(
      [
        `C${regime.firstId + i}`,
        new Date(signupDay * DAY_MS).toISOString().slice(0, 10),
        age,
        tenure,
        charges.toFixed(2),
        supportCalls,
        contract,
        payment,
        region,
        satisfactionMissing ? '' : satisfaction.toFixed(1),
        usageGb.toFixed(2),
        churned,
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
