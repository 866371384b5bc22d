import { ldexp } from './ldexp.ts';

const EP128 = 2 ** 128;
const EM128 = 2 ** -128;

/** Endpoints of the non-zero interval of row i (scipy `_pomeranz_compute_j1j2`). */
function computeJ1J2(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const ip1div2 = Math.floor((i + 1) / 2);
    const ip1mod2 = (i + 1) % 2;
    if (ip1mod2 === 0) {
      if (ip1div2 === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = ip1div2 - 1 - ll - roundf - 1;
        j2 = ip1div2 + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = ip1div2 - 1 - ll - 1;
      j2 = ip1div2 + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/**
 * `kolmognPomeranz(n, x)`: Pr(D_n <= x) of the two-sided one-sample KS statistic by Pomeranz's
 * recursion: 2n+1 rows, each the convolution of the previous row with (scaled) Poisson
 * probabilities, two rows kept, rescaled by 2^128 against underflow; the answer is n! V[2n+1, n].
 *
 * Port of scipy 1.17 scipy/stats/_ksstats.py `_kolmogn_Pomeranz` (cdf=True).
 *
 * Reference: Pomeranz J. (1974) Algorithm 487, Commun. ACM 17(12), 703-704.
 *
 * @param n sample size, integer >= 1
 * @param x statistic
 * @returns Pr(D_n <= x), clipped to [0, 1]
 */
export function kolmognPomeranz(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  // (g/n)^m/m!, (2g/n)^m/m!, ((1-2g)/n)^m/m!: Poisson probabilities without their normalising factor
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = 1;
  twogpower[0] = 1;
  onem2gpower[0] = 1;
  let expnt = 0;
  const gOverN = g / n;
  const twoGOverN = (2 * g) / n;
  const oneMinusTwoGOverN = (1 - 2 * g) / n;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = (gpower[m - 1] * gOverN) / m;
    twogpower[m] = (twogpower[m - 1] * twoGOverN) / m;
    onem2gpower[m] = (onem2gpower[m - 1] * oneMinusTwoGOverN) / m;
  }

  let V0 = new Float64Array(npwrs);
  let V1 = new Float64Array(npwrs);
  V1[0] = 1;
  let V0s = 0;
  let V1s = 0;
  // Row 0 gives only the start of the first interval; each step recomputes both ends.
  let [j1] = computeJ1J2(0, n, ll, ceilf, roundf);
  let j2: number;
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [V0, V1] = [V1, V0];
    [V0s, V1s] = [V1s, V0s];
    V1.fill(0);
    [j1, j2] = computeJ1J2(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      // conv = np.convolve(V0[k1 - V0s : k1 - V0s + ln2], pwrs[:ln2]); V1[:len] = conv[j1 - k1 : ...]
      const aStart = k1 - V0s;
      const aLen = Math.max(0, Math.min(ln2, npwrs - aStart));
      const convStart = j1 - k1;
      const convLen = j2 - j1 + 1;
      let vmax = 0;
      for (let c = 0; c < convLen; c++) {
        const idx = convStart + c;
        let s = 0;
        const lo = Math.max(0, idx - ln2 + 1);
        const hi = Math.min(idx, aLen - 1);
        for (let a = lo; a <= hi; a++) s += V0[aStart + a] * pwrs[idx - a];
        V1[c] = s;
        if (s > vmax) vmax = s;
      }
      if (vmax > 0 && vmax < EM128) {
        for (let c = 0; c < npwrs; c++) V1[c] *= EP128;
        expnt -= 128;
      }
      V1s = V0s + j1 - k1;
    }
  }

  // multiply by n!
  let ans = V1[n - V1s];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > EP128) {
      ans *= EM128;
      expnt += 128;
    }
    ans *= m;
  }
  if (expnt !== 0) ans = ldexp(ans, expnt);
  return ans < 0 ? 0 : ans > 1 ? 1 : ans;
}
