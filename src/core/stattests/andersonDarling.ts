import type { DriftTest } from './driftTest.ts';
import { countAtMost, countBelow, sortedSample } from './sortedSample.ts';

export interface AndersonDarlingResult {
  /** The standardised statistic (A2kN - (k - 1)) / sigma, midrank version. */
  statistic: number;
  /** Interpolated from Scholz and Stephens' table, capped to [0.001, 0.25] as scipy. */
  p_value: number;
  /** 'floor' at 0.001 or 'cap' at 0.25 when the statistic is outside the table, else 'interpolated'. */
  p_value_bound: 'interpolated' | 'floor' | 'cap';
}

/**
 * The registry entry: numerical columns with at least two distinct values over both samples (scipy's
 * minimum), flagged when the p-value after thresholds.p_value_correction is below
 * thresholds.anderson_p_value. The p-value comes from a table and is floored at 0.001 and capped at
 * 0.25 (as scipy's default, without a permutation `method`), so a correction over many features
 * cannot push it lower than 0.001 x features. Effect size: the feature's KS D. Needs the samples.
 */
export const andersonDarlingTest: DriftTest<AndersonDarlingResult> = {
  id: 'anderson',
  label: 'Anderson-Darling k-sample test (k = 2)',
  statistic: 'Scholz-Stephens A2akN (midranks), standardised',
  columnKinds: ['numerical'],
  comparison: 'p_value',
  score: (r) => r.p_value,
  effect: { measure: 'KS D', value: (_r, f) => f.drift_score ?? 0 },
  applies: (input) => input.kind === 'numerical' && input.kernel.nRef + input.kernel.nProd >= 4,
  threshold: { key: 'anderson_p_value', default: 0.05, max: 1, label: 'Anderson-Darling p-value threshold', rule: 'flag when p <' },
  reportKey: 'anderson',
  resultKeys: ['statistic', 'p_value', 'p_value_bound'],
  run(input) {
    if (input.kind !== 'numerical') throw new TypeError('Anderson-Darling runs on numerical columns only');
    return andersonKSamp2(sortedSample(input.reference), sortedSample(input.production));
  },
  fields: [
    { key: 'statistic', label: 'A2 (std.)', csv: 'anderson_statistic', summary: 'AD', format: 'number', value: (r) => r.statistic },
    {
      key: 'p_value',
      label: 'p-value',
      csv: 'anderson_p_value',
      format: 'p_value',
      value: (r) => r.p_value,
      text: (r, _f, fmt) => (r.p_value_bound === 'floor' ? '< 0.001' : r.p_value_bound === 'cap' ? '> 0.25' : fmt(r.p_value)),
    },
    {
      key: 'p_value_adjusted',
      label: 'adjusted p',
      csv: 'anderson_p_value_adjusted',
      summary: 'AD p',
      format: 'p_value',
      value: (r) => r.p_value_adjusted ?? null,
      shownWhen: (t) => t.p_value_correction !== 'none',
    },
  ],
  table: {
    id: 'anderson-table',
    heading: 'Anderson–Darling (numerical features)',
    caption: 'Anderson-Darling k-sample test per numerical feature',
    empty: 'No numerical features with this test.',
    sort: { key: 'p_value', direction: 'ascending' },
  },
};

/** Scholz and Stephens (1987), Table 2: critical values b0 + b1 / sqrt(m) + b2 / m at these levels. */
const B0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
const B1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
const B2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];
const SIG = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001];
/** k = 2 samples: m = k - 1 = 1. */
const CRITICAL = B0.map((b0, i) => b0 + B1[i] / Math.sqrt(1) + B2[i] / 1);
const FIT = polyfit2(CRITICAL, SIG.map(Math.log));

/**
 * scipy.stats.anderson_ksamp([x, y], variant='midrank') (scipy/stats/_morestats.py) on two ascending
 * samples: A2akN of Scholz and Stephens, "K-sample Anderson-Darling tests", JASA 82(399), 1987, eq. 7
 * (midranks, for ties), standardised by its variance under the null (their eq. 4), and the p-value
 * exp(quadratic fit of log(level) on the critical values) at the statistic, floored at 0.001 above
 * the largest critical value and capped at 0.25 below the smallest, as scipy does without `method`.
 * @example andersonKSamp2(Float64Array.of(1, 2, 3), Float64Array.of(4, 5, 6)).statistic // 2.6332335269661775 (scipy 1.17)
 */
export function andersonKSamp2(x: Float64Array, y: Float64Array): AndersonDarlingResult {
  const samples = [x, y];
  const N = x.length + y.length;
  const Z = new Float64Array(N);
  Z.set(x);
  Z.set(y, x.length);
  Z.sort();
  const zstar: number[] = [];
  for (let i = 0; i < N; i++) if (i === 0 || Z[i] !== Z[i - 1]) zstar.push(Z[i]);
  if (zstar.length < 2) throw new RangeError('Anderson-Darling needs more than one distinct value');
  if (x.length === 0 || y.length === 0) throw new RangeError('Anderson-Darling needs two non-empty samples');

  let a2akN = 0;
  for (const s of samples) {
    let inner = 0;
    for (const z of zstar) {
      const left = countBelow(Z, z);
      const lj = countAtMost(Z, z) - left;
      const bj = left + lj / 2;
      const sRight = countAtMost(s, z);
      const fij = sRight - countBelow(s, z);
      const mij = sRight - fij / 2;
      inner += ((lj / N) * (N * mij - bj * s.length) ** 2) / (bj * (N - bj) - (N * lj) / 4);
    }
    a2akN += inner / s.length;
  }
  a2akN *= (N - 1) / N;

  const k = 2;
  const H = 1 / x.length + 1 / y.length;
  // hs_cs = cumsum(1 / arange(N - 1, 1, -1)); h = hs_cs[-1] + 1; g = sum(hs_cs / arange(2, N)).
  let cum = 0;
  let g = 0;
  for (let j = 0; j < N - 2; j++) {
    cum += 1 / (N - 1 - j);
    g += cum / (j + 2);
  }
  const h = cum + 1;
  const a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * H;
  const b = (2 * g - 4) * k ** 2 + 8 * h * k + (2 * g - 14 * h - 4) * H - 8 * h + 4 * g - 6;
  const c = (6 * h + 2 * g - 2) * k ** 2 + (4 * h - 4 * g + 6) * k + (2 * h - 6) * H + 4 * h;
  const d = (2 * h + 6) * k ** 2 - 4 * h * k;
  const sigmasq = (a * N ** 3 + b * N ** 2 + c * N + d) / ((N - 1) * (N - 2) * (N - 3));
  const statistic = (a2akN - (k - 1)) / Math.sqrt(sigmasq);

  if (statistic < Math.min(...CRITICAL)) return { statistic, p_value: 0.25, p_value_bound: 'cap' };
  if (statistic > Math.max(...CRITICAL)) return { statistic, p_value: 0.001, p_value_bound: 'floor' };
  const p = Math.exp(FIT[0] * statistic ** 2 + FIT[1] * statistic + FIT[2]);
  return { statistic, p_value: p, p_value_bound: 'interpolated' };
}

/** numpy.polyfit(x, y, 2): least-squares [c2, c1, c0] (normal equations; 7 well-spread points). */
function polyfit2(x: readonly number[], y: readonly number[]): [number, number, number] {
  const s = [0, 0, 0, 0, 0];
  const t = [0, 0, 0];
  x.forEach((xi, i) => {
    for (let p = 0; p <= 4; p++) s[p] += xi ** p;
    for (let p = 0; p <= 2; p++) t[p] += xi ** p * y[i];
  });
  // Rows for c0, c1, c2: sum x^(r+c) * coef = sum x^r y.
  const m = [
    [s[0], s[1], s[2], t[0]],
    [s[1], s[2], s[3], t[1]],
    [s[2], s[3], s[4], t[2]],
  ];
  for (let col = 0; col < 3; col++) {
    let pivot = col;
    for (let r = col + 1; r < 3; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = 0; r < 3; r++) {
      if (r === col) continue;
      const f = m[r][col] / m[col][col];
      for (let cc = col; cc < 4; cc++) m[r][cc] -= f * m[col][cc];
    }
  }
  const c0 = m[0][3] / m[0][0];
  const c1 = m[1][3] / m[1][1];
  const c2 = m[2][3] / m[2][2];
  return [c2, c1, c0];
}
