import { besselKv, gammaln } from '../special/index.ts';
import type { DriftTest } from './driftTest.ts';
import { countAtMost, countBelow, sortedSample } from './sortedSample.ts';

export interface CramerVonMisesResult {
  statistic: number;
  p_value: number;
  method: 'exact' | 'asymptotic';
}

/**
 * The registry entry: numerical columns with at least two values on each side (scipy's minimum),
 * flagged when the p-value after thresholds.p_value_correction is below thresholds.cvm_p_value. Its
 * effect size is the feature's KS D (drift_score), the share of probability mass that moved. Needs
 * the samples (sortedSample); in a profile run a sketch's retained items stand for them (approximate).
 */
export const cramerVonMisesTest: DriftTest<CramerVonMisesResult> = {
  id: 'cvm',
  label: 'Cramér-von Mises two-sample test',
  statistic: 'T = U / (mn(m+n)) - (4mn - 1) / (6(m+n)), midranks for ties',
  columnKinds: ['numerical'],
  comparison: 'p_value',
  score: (r) => r.p_value,
  effect: { measure: 'KS D', value: (_r, f) => f.drift_score ?? 0 },
  applies: (input) => input.kind === 'numerical' && input.kernel.nRef >= 2 && input.kernel.nProd >= 2,
  threshold: { key: 'cvm_p_value', default: 0.05, max: 1, label: 'Cramér-von Mises p-value threshold', rule: 'flag when p <' },
  reportKey: 'cvm',
  resultKeys: ['statistic', 'p_value', 'method'],
  run(input) {
    if (input.kind !== 'numerical') throw new TypeError('Cramér-von Mises runs on numerical columns only');
    return cramerVonMises2Samp(sortedSample(input.reference), sortedSample(input.production));
  },
  fields: [
    { key: 'statistic', label: 'T', csv: 'cvm_statistic', summary: 'CvM T', format: 'number', value: (r) => r.statistic },
    { key: 'p_value', label: 'p-value', csv: 'cvm_p_value', format: 'p_value', value: (r) => r.p_value },
    {
      key: 'p_value_adjusted',
      label: 'adjusted p',
      csv: 'cvm_p_value_adjusted',
      summary: 'CvM p',
      format: 'p_value',
      value: (r) => r.p_value_adjusted ?? null,
      shownWhen: (t) => t.p_value_correction !== 'none',
    },
    { key: 'method', label: 'Method', csv: 'cvm_method', format: 'text', value: (r) => r.method },
  ],
  table: {
    id: 'cvm-table',
    heading: 'Cramér–von Mises (numerical features)',
    caption: 'Cramér-von Mises two-sample test per numerical feature',
    empty: 'No numerical features with this test.',
    sort: { key: 'p_value', direction: 'ascending' },
  },
};

/**
 * scipy.stats.cramervonmises_2samp(x, y, method='auto') (scipy/stats/_hypotests.py) on two ascending
 * samples of at least two values: U = m sum (r(x_i) - i)^2 + n sum (r(y_j) - j)^2 with pooled midranks
 * r (Anderson 1962, eq. 10), T = U / (mn(m+n)) - (4mn - 1) / (6(m+n)) (eq. 9). p-value: exact when
 * max(m, n) <= 20 (scipy's auto rule), else asymptotic.
 * @example cramerVonMises2Samp(Float64Array.of(1, 2, 3), Float64Array.of(4, 5, 6)) // statistic 0.5277777777777778, p_value 0.1, method 'exact' (scipy 1.17)
 */
export function cramerVonMises2Samp(x: Float64Array, y: Float64Array): CramerVonMisesResult {
  const nx = x.length;
  const ny = y.length;
  if (nx < 2 || ny < 2) throw new RangeError('Cramér-von Mises needs at least two values in each sample');
  // Midrank of v in the pooled sample: (values below) + (ties + 1) / 2.
  const midrank = (v: number) => {
    const below = countBelow(x, v) + countBelow(y, v);
    const atMost = countAtMost(x, v) + countAtMost(y, v);
    return below + (atMost - below + 1) / 2;
  };
  let sx = 0;
  for (let i = 0; i < nx; i++) sx += (midrank(x[i]) - (i + 1)) ** 2;
  let sy = 0;
  for (let j = 0; j < ny; j++) sy += (midrank(y[j]) - (j + 1)) ** 2;
  const u = nx * sx + ny * sy;
  const k = nx * ny;
  const N = nx + ny;
  const t = u / (k * N) - (4 * k - 1) / (6 * N);
  if (Math.max(nx, ny) <= 20) return { statistic: t, p_value: cvmExactPValue(u, nx, ny), method: 'exact' };
  return { statistic: t, p_value: cvmAsymptoticPValue(t, nx, ny), method: 'asymptotic' };
}

/**
 * The exact p-value P(U >= u), scipy's _pval_cvm_2samp_exact: the frequency tables g_{u,v} of
 * Xiao, Gordon and Yakovlev, "A C++ program for the Cramér-von Mises two-sample test", J. Stat.
 * Softw. 17(8), 2006 (Algorithm 1, eq. 11), over all C(m + n, m) arrangements; U is compared through
 * zeta = lcm^2 (m + n) (6U - mn(4mn - 1)) // (6 m^2 n^2) (Anderson 1962, eq. 9 with eq. 2 of Xiao et al.).
 * Frequencies stay below 2^53 for m, n <= 20 (C(40, 20) ~ 1.4e11), so the sums are exact.
 */
export function cvmExactPValue(u: number, m: number, n: number): number {
  const l = lcm(m, n);
  const a = l / m;
  const b = l / n;
  const mn = m * n;
  const zeta = pyFloorDiv(l ** 2 * (m + n) * (6 * u - mn * (4 * mn - 1)), 6 * mn ** 2);
  let gs: Map<number, number>[] = [new Map([[0, 1]])];
  for (let v = 1; v <= m; v++) gs.push(new Map());
  for (let uu = 0; uu <= n; uu++) {
    const next: Map<number, number>[] = [];
    let tmp = new Map<number, number>();
    for (let v = 0; v <= m; v++) {
      const merged = new Map(tmp);
      for (const [value, freq] of gs[v]) merged.set(value, (merged.get(value) ?? 0) + freq);
      const res = (a * v - b * uu) ** 2;
      tmp = new Map();
      for (const [value, freq] of merged) tmp.set(value + res, freq);
      next.push(tmp);
    }
    gs = next;
  }
  let hits = 0;
  for (const [value, freq] of gs[m]) if (value >= zeta) hits += freq;
  return hits / binomial(m + n, m);
}

/**
 * The asymptotic p-value, scipy's _pval_cvm_2samp_asymptotic: T normalised by its mean and variance
 * (Anderson 1962, eqs. 11, 14, 15), then 1 - the limiting one-sample distribution (Csörgő and Faraway,
 * "The exact and asymptotic distributions of Cramér-von Mises statistics", JRSS B 58(1), 1996, eq.
 * 1.2/1.3), 1 below 0.003 as scipy.
 */
export function cvmAsymptoticPValue(t: number, nx: number, ny: number): number {
  const N = nx + ny;
  const k = nx * ny;
  const et = (1 + 1 / N) / 6;
  let vt = (N + 1) * (4 * k * N - 3 * (nx ** 2 + ny ** 2) - 2 * k);
  vt = vt / (45 * N ** 2 * 4 * k);
  const tn = 1 / 6 + (t - et) / Math.sqrt(45 * vt);
  if (!(tn >= 0.003)) return 1;
  return Math.max(1 - cdfCvmInf(tn), 0);
}

/** scipy's _cdf_cvm_inf: the series of Csörgő and Faraway (1996, eq. 1.3), terms added until below 1e-7. */
export function cdfCvmInf(x: number): number {
  let total = 0;
  for (let k = 0; ; k++) {
    const u = Math.exp(gammaln(k + 0.5) - gammaln(k + 1)) / (Math.PI ** 1.5 * Math.sqrt(x));
    const y = 4 * k + 1;
    const q = (y * y) / (16 * x);
    const z = u * Math.sqrt(y) * Math.exp(-q) * besselKv(0.25, q);
    total += z;
    if (!(Math.abs(z) >= 1e-7)) return total;
  }
}

/** Python's float floor division a // b (numpy floor_divide): fmod-based, so exact on integer-valued doubles. */
function pyFloorDiv(a: number, b: number): number {
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) return 0;
  let floorDiv = Math.floor(div);
  if (div - floorDiv > 0.5) floorDiv += 1;
  return floorDiv;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}

/** C(n, k) for small n, exact while below 2^53. */
function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}
