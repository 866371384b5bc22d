/**
 * Label-shift prior adjustment by EM (M. Saerens, P. Latinne, C. Decaestecker, "Adjusting the
 * outputs of a classifier to new a priori probabilities: a simple procedure", Neural Computation
 * 14(1), 2002, section 2.2): when only the class shares change (P(x | y) stays), the posteriors of a
 * classifier calibrated under the reference prior pi_r become, under a new prior pi,
 *   a(q) = (pi / pi_r) q / ((pi / pi_r) q + ((1 - pi) / (1 - pi_r)) (1 - q)),
 * and pi is the fixed point pi = mean of a(q) over the unlabelled rows (the maximum-likelihood prior).
 */

/** The posterior q (calibrated under refPrior) moved to the prior `prior`. */
export function adjustToPrior(q: number, refPrior: number, prior: number): number {
  const up = (prior / refPrior) * q;
  const down = ((1 - prior) / (1 - refPrior)) * (1 - q);
  return up + down > 0 ? up / (up + down) : q;
}

export interface LabelShiftPrior {
  /** The estimated production share of the positive class. */
  prior: number;
  iterations: number;
}

/**
 * The EM's fixed point is the maximum of the likelihood L(pi) = sum log(pi a_i + (1 - pi) b_i),
 * a_i = q_i / pi_r, b_i = (1 - q_i) / (1 - pi_r) (Saerens et al. 2002, eq. 2.9). L is concave in pi, so
 * Newton steps on L' kept inside a shrinking bracket (bisection when a step leaves it) find it in a
 * few steps; plain EM needs thousands when the classes overlap (measured: over 1000 on the
 * simulations of estimateScenarios, too slow inside a bootstrap).
 *
 * @param q calibrated positive-class probabilities of the production rows (or cells)
 * @param refPrior the reference share of the positive class, strictly between 0 and 1
 * @param count rows per entry; omitted = 1 each
 */
export function labelShiftPrior(q: ArrayLike<number>, refPrior: number, count?: ArrayLike<number>): LabelShiftPrior {
  /** [L'(pi), L''(pi)] */
  const slope = (prior: number): [number, number] => {
    let s = 0;
    let h = 0;
    for (let i = 0; i < q.length; i++) {
      const c = count ? count[i] : 1;
      if (c === 0) continue;
      const a = q[i] / refPrior;
      const b = (1 - q[i]) / (1 - refPrior);
      const mix = prior * a + (1 - prior) * b;
      // A row certain of one class makes the slope infinite at the prior that excludes that class.
      if (mix > 0) {
        s += (c * (a - b)) / mix;
        h -= (c * (a - b) ** 2) / (mix * mix);
      } else s += a > b ? Infinity : a < b ? -Infinity : 0;
    }
    return [s, h];
  };
  if (slope(0)[0] <= 0) return { prior: 0, iterations: 1 };
  if (slope(1)[0] >= 0) return { prior: 1, iterations: 2 };
  let lo = 0;
  let hi = 1;
  let prior = refPrior;
  let iterations = 2;
  while (iterations < 100) {
    iterations++;
    const [s, h] = slope(prior);
    if (s > 0) lo = prior;
    else hi = prior;
    let next = h < 0 ? prior - s / h : (lo + hi) / 2;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    const done = Math.abs(next - prior) < 1e-12 || hi - lo < 1e-12;
    prior = next;
    if (done) break;
  }
  return { prior, iterations };
}
