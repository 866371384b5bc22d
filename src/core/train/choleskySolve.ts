/**
 * Solves A x = b for a symmetric positive definite A (n x n, row-major, only the lower triangle
 * read) by the Cholesky factorisation A = L Lᵀ (Golub & Van Loan, Matrix Computations, 4th ed.,
 * Algorithm 4.2.1), then forward and back substitution. A is overwritten by L.
 * Throws when A is not positive definite (a pivot <= 0).
 * @example choleskySolve(Float64Array.of(4, 0, 2, 3), Float64Array.of(8, 7), 2) // [1.5, 1.3333333333333333]
 */
export function choleskySolve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = a[rj + j];
    for (let p = 0; p < j; p++) d -= a[rj + p] * a[rj + p];
    if (!(d > 0)) throw new Error(`choleskySolve: matrix not positive definite at pivot ${j}`);
    const ljj = Math.sqrt(d);
    a[rj + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = a[ri + j];
      for (let p = 0; p < j; p++) s -= a[ri + p] * a[rj + p];
      a[ri + j] = s / ljj;
    }
  }
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let s = x[i];
    for (let p = 0; p < i; p++) s -= a[i * n + p] * x[p];
    x[i] = s / a[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let p = i + 1; p < n; p++) s -= a[p * n + i] * x[p];
    x[i] = s / a[i * n + i];
  }
  return x;
}
