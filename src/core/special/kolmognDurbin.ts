import { ldexp } from './ldexp.ts';

const EP128 = 2 ** 128;
const EM128 = 2 ** -128;

/** C = A B for m x m row-major matrices. */
function matmul(A: Float64Array, B: Float64Array, m: number): Float64Array {
  const C = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    const row = i * m;
    for (let l = 0; l < m; l++) {
      const a = A[row + l];
      if (a === 0) continue;
      const brow = l * m;
      for (let j = 0; j < m; j++) C[row + j] += a * B[brow + j];
    }
  }
  return C;
}

/**
 * `kolmognDurbin(n, d)`: Pr(D_n <= d) of the two-sided one-sample KS statistic by Durbin's matrix
 * algorithm in the Marsaglia-Tsang-Wang form: with d = (k - h)/n, the (k, k) entry of
 * (n!/n^n) H^n for the (2k-1) x (2k-1) matrix H, powered by squaring with rescaling by 2^128.
 *
 * Port of scipy 1.17 scipy/stats/_ksstats.py `_kolmogn_DMTW` (cdf=True). scipy rescales in numpy
 * longdouble; this port stays in double.
 *
 * References: Durbin J. (1968) Ann. Math. Statist. 39, 398-411; Marsaglia G., Tsang W.W., Wang J.
 * (2003) J. Stat. Softw. 8(18).
 *
 * @param n sample size, integer >= 1
 * @param d statistic
 * @returns Pr(D_n <= d), clipped to [0, 1]
 */
export function kolmognDurbin(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;

  // v[j] = (1 - h^(j+1)) / (j+1)!  (except v[m-1]); w[j] = 1 / j!
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    v[j - 1] = 1 - h ** j;
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] *= fac;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * fac;

  let H: Float64Array = new Float64Array(m * m);
  for (let i = 1; i < m; i++) {
    for (let r = i - 1; r < m; r++) H[r * m + i] = w[r - (i - 1)];
  }
  for (let r = 0; r < m; r++) H[r * m] = v[r];
  for (let c = 0; c < m; c++) H[(m - 1) * m + c] = v[m - 1 - c];

  let Hpwr: Float64Array = new Float64Array(m * m);
  for (let i = 0; i < m; i++) Hpwr[i * m + i] = 1;
  let nn = n;
  let expnt = 0;
  let Hexpnt = 0;
  const kk = (k - 1) * m + (k - 1);
  while (nn > 0) {
    if (nn % 2) {
      Hpwr = matmul(Hpwr, H, m);
      expnt += Hexpnt;
    }
    H = matmul(H, H, m);
    Hexpnt *= 2;
    if (Math.abs(H[kk]) > EP128) {
      for (let i = 0; i < H.length; i++) H[i] /= EP128;
      Hexpnt += 128;
    }
    nn = Math.floor(nn / 2);
  }

  let p = Hpwr[kk];
  // multiply by n!/n^n
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < EM128) {
      p *= EP128;
      expnt -= 128;
    }
  }
  if (expnt !== 0) p = ldexp(p, expnt);
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
