/**
 * `ldexp(x, e) = x * 2^e` without the spurious overflow / underflow of `x * 2 ** e` when 2^e alone
 * is out of range (C `ldexp`, numpy.ldexp). Scaling by powers of two is exact.
 */
export function ldexp(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}
