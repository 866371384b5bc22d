import { choleskySolve } from './choleskySolve.ts';
import type { DesignMatrix } from './designMatrix.ts';
import type { FitHooks } from './types.ts';
import { exp, log, log1p } from './portableMath.ts';

export interface LogisticFitOptions {
  /** Inverse regularisation strength, as sklearn's `C` (default 1). */
  C?: number;
  /** Stop when no parameter moves more than this in a Newton step (default 1e-10). */
  tol?: number;
  /** Newton iterations at most (default 100). */
  maxIterations?: number;
}

export interface LogisticFit {
  coef: Float64Array;
  intercept: number;
  iterations: number;
  converged: boolean;
  /** The objective at the solution: sum of log-losses + 0.5/C ||coef||². */
  objective: number;
}

/**
 * Binary logistic regression with an L2 penalty, the objective of sklearn's
 * `LogisticRegression(penalty="l2", C=C, fit_intercept=True)`:
 *
 *   minimise  Σᵢ log(1 + exp(-sᵢ zᵢ)) + ||w||² / (2C),   zᵢ = xᵢ·w + b,  sᵢ = ±1
 *
 * (sklearn writes it multiplied by C; the minimiser is the same; the intercept is not penalised).
 * Solved by Newton's method with a Cholesky solve of the (p+1)² Hessian and Armijo backtracking
 * (Nocedal & Wright, Numerical Optimization, 2nd ed., Alg. 3.1), which converges quadratically on
 * this strictly convex problem. The Hessian Xᵀ D X is accumulated from the sparse layout of
 * {@link DesignMatrix}: the one-hot part costs m² per row instead of p². No randomness: the same
 * inputs give the same bits.
 *
 * @param x the preprocessed training rows
 * @param y per row 1 (positive class) or 0
 */
export async function fitLogisticRegression(
  x: DesignMatrix,
  y: Uint8Array,
  options: LogisticFitOptions = {},
  hooks: FitHooks = {},
): Promise<LogisticFit> {
  const C = options.C ?? 1;
  const tol = options.tol ?? 1e-10;
  const maxIterations = options.maxIterations ?? 100;
  const p = x.columns;
  const q = p + 1; // parameters: coef then intercept
  const theta = new Float64Array(q);
  const z = new Float64Array(x.rows);
  const trial = new Float64Array(q);
  const grad = new Float64Array(q);
  const hess = new Float64Array(q * q);

  // Start from the intercept-only optimum, log(ȳ / (1 - ȳ)): usually one Newton step fewer.
  let positives = 0;
  for (let i = 0; i < x.rows; i++) positives += y[i];
  if (positives > 0 && positives < x.rows) theta[p] = log(positives / (x.rows - positives));
  margins(x, theta, z);
  let f = objective(z, y, theta, p, C);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    if (hooks.signal) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      hooks.signal.throwIfAborted();
    }
    gradientAndHessian(x, y, z, theta, C, grad, hess);
    const step = choleskySolve(hess, grad, q);
    let slope = 0;
    let stepMax = 0;
    for (let j = 0; j < q; j++) {
      slope += grad[j] * step[j];
      stepMax = Math.max(stepMax, Math.abs(step[j]));
    }
    let t = 1;
    let fTrial = f;
    for (let halvings = 0; halvings < 60; halvings++) {
      for (let j = 0; j < q; j++) trial[j] = theta[j] - t * step[j];
      margins(x, trial, z);
      fTrial = objective(z, y, trial, p, C);
      if (fTrial <= f - 1e-4 * t * slope) break;
      t /= 2;
    }
    iterations++;
    if (!(fTrial <= f)) {
      // No decrease even for a tiny step: we are at the minimum to rounding; keep theta.
      margins(x, theta, z);
      converged = true;
      break;
    }
    theta.set(trial);
    f = fTrial;
    let gradientMax = 0;
    for (let j = 0; j < q; j++) gradientMax = Math.max(gradientMax, Math.abs(grad[j]));
    hooks.onProgress?.({ phase: 'fit', iteration: iterations, gradientMax });
    if (t * stepMax <= tol) {
      converged = true;
      break;
    }
  }
  return { coef: theta.slice(0, p), intercept: theta[p], iterations, converged, objective: f };
}

/** zᵢ = xᵢ·w + b for every row. */
function margins(x: DesignMatrix, theta: Float64Array, z: Float64Array): void {
  const { rows, k, m, numeric, hot } = x;
  const b = theta[x.columns];
  for (let i = 0; i < rows; i++) {
    let s = b;
    const rn = i * k;
    for (let j = 0; j < k; j++) s += numeric[rn + j] * theta[j];
    const rh = i * m;
    for (let c = 0; c < m; c++) s += theta[hot[rh + c]];
    z[i] = s;
  }
}

/** log(1 + exp(t)) without overflow. */
function softplus(t: number): number {
  return t > 0 ? t + log1p(exp(-t)) : log1p(exp(t));
}

function objective(z: Float64Array, y: Uint8Array, theta: Float64Array, p: number, C: number): number {
  let loss = 0;
  for (let i = 0; i < z.length; i++) loss += softplus(y[i] === 1 ? -z[i] : z[i]);
  let w2 = 0;
  for (let j = 0; j < p; j++) w2 += theta[j] * theta[j];
  return loss + (0.5 / C) * w2;
}

/** Gradient and (lower triangle of the) Hessian of the objective at theta, given the margins z. */
function gradientAndHessian(
  x: DesignMatrix,
  y: Uint8Array,
  z: Float64Array,
  theta: Float64Array,
  C: number,
  grad: Float64Array,
  hess: Float64Array,
): void {
  const { rows, k, m, numeric, hot, columns: p } = x;
  const q = p + 1;
  grad.fill(0);
  hess.fill(0);
  const dx = new Float64Array(k);
  const rowB = p * q; // the intercept's Hessian row
  for (let i = 0; i < rows; i++) {
    const prob = 1 / (1 + exp(-z[i]));
    const r = prob - y[i];
    const d = prob * (1 - prob);
    const rn = i * k;
    const rh = i * m;
    for (let a = 0; a < k; a++) {
      const xa = numeric[rn + a];
      grad[a] += r * xa;
      dx[a] = d * xa;
      const ra = a * q;
      for (let b = 0; b <= a; b++) hess[ra + b] += dx[a] * numeric[rn + b];
      hess[rowB + a] += dx[a];
    }
    for (let c = 0; c < m; c++) {
      const col = hot[rh + c];
      grad[col] += r;
      const rc = col * q;
      for (let a = 0; a < k; a++) hess[rc + a] += dx[a];
      for (let c2 = 0; c2 <= c; c2++) hess[rc + hot[rh + c2]] += d;
      hess[rowB + col] += d;
    }
    grad[p] += r;
    hess[rowB + p] += d;
  }
  const inv = 1 / C;
  for (let j = 0; j < p; j++) {
    grad[j] += inv * theta[j];
    hess[j * q + j] += inv;
  }
}
