const SQRT2PI = Math.sqrt(2 * Math.PI);
const MIN_LOG = -708;
const SQRT3 = Math.sqrt(3);
const PI_SQUARED = Math.PI ** 2;
const PI_FOUR = Math.PI ** 4;
const PI_SIX = Math.PI ** 6;

/**
 * `kolmognPelzGood(n, x)`: the Pelz-Good approximation to Pr(D_n <= x) of the two-sided
 * one-sample KS statistic, K0(z) + K1(z)/sqrt(n) + K2(z)/n + K3(z)/n^1.5 with z = x sqrt(n),
 * each K_i in its Jacobi-theta form suited to small z.
 *
 * Port of scipy 1.17 scipy/stats/_ksstats.py `_kolmogn_PelzGood` (cdf=True).
 *
 * Reference: Pelz W., Good I.J. (1976) J. R. Stat. Soc. B 38(2), 152-156.
 *
 * @param n sample size
 * @param x statistic in [0, 1]
 * @returns the approximate Pr(D_n <= x), 0 for x <= 0, 1 for x >= 1
 */
export function kolmognPelzGood(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const zsquared = z ** 2;
  const zthree = z ** 3;
  const zfour = z ** 4;
  const zsix = z ** 6;

  const qlog = -PI_SQUARED / 8 / zsquared;
  if (qlog < MIN_LOG) return 0; // z ~ 0.0417
  let q = Math.exp(qlog);

  const k1a = -zsquared;
  const k1b = PI_SQUARED / 4;
  const k2a = 6 * zsix + 2 * zfour;
  const k2b = ((2 * zfour - 5 * zsquared) * PI_SQUARED) / 4;
  const k2c = (PI_FOUR * (1 - 2 * zsquared)) / 16;
  const k3d = (PI_SIX * (5 - 30 * zsquared)) / 64;
  const k3c = (PI_FOUR * (-60 * zsquared + 212 * zfour)) / 16;
  const k3b = (PI_SQUARED * (135 * zfour - 96 * zsix)) / 4;
  const k3a = -30 * zsix - 90 * z ** 8;

  // Horner scheme in q^8k for sum c_i q^(i^2) over odd i = 2k - 1
  let K0 = 0;
  let K1 = 0;
  let K2 = 0;
  let K3 = 0;
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const msquared = m ** 2;
    const mfour = m ** 4;
    const msix = m ** 6;
    const qpower = q ** (8 * k);
    K0 = K0 * qpower + 1;
    K1 = K1 * qpower + (k1a + k1b * msquared);
    K2 = K2 * qpower + (k2a + k2b * msquared + k2c * mfour);
    K3 = K3 * qpower + (k3a + k3b * msquared + k3c * mfour + k3d * msix);
  }
  K0 = (K0 * q * SQRT2PI) / z;
  K1 = (K1 * q * SQRT2PI) / (6 * zfour);
  K2 = (K2 * q * SQRT2PI) / (72 * z ** 7);
  K3 = (K3 * q * SQRT2PI) / (6480 * z ** 10);

  // The other sums over all integers k: K2 gets (pi^2 k^2) q^(k^2),
  // K3 gets (3 pi^2 k^2 z^2 - pi^4 k^4) q^(k^2), with q = exp(-pi^2 / 2z^2)
  q = Math.exp(-PI_SQUARED / 2 / zsquared);
  const sqrt3z = SQRT3 * z;
  let k2extra = 0;
  let k3extra = 0;
  for (let k = maxk; k > 0; k--) {
    const ksquared = k ** 2;
    const qpw = q ** ksquared;
    const kspi = Math.PI * k;
    k2extra += ksquared * qpw;
    k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksquared * qpw;
  }
  K2 += k2extra * ((PI_SQUARED * SQRT2PI) / (-36 * zthree));
  K3 += k3extra * ((PI_SQUARED * SQRT2PI) / (216 * zsix));

  const sqrtn = Math.sqrt(n);
  return K0 + K1 / sqrtn + K2 / n + K3 / (n * sqrtn);
}
