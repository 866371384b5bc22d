import { evalKnots, isotonicKnots } from './isotonicKnots.ts';

/**
 * Isotonic (non-decreasing) least-squares fit of `y` on `x` by pool-adjacent-violators, as
 * scikit-learn's `IsotonicRegression(out_of_bounds='clip')`: returns a step function that maps a new
 * x to the fitted value of the nearest fitted x (linear between fitted points, clipped outside).
 *
 * References: Barlow et al. (1972), Statistical inference under order restrictions (PAV).
 *
 * @param x scores (e.g. predicted probabilities)
 * @param y targets in [0, 1] (e.g. 1 when the row's label is the positive class)
 * @returns calibrate(x) in [min y, max y]
 * @example isotonicFit([0.1, 0.2, 0.3], [0, 1, 0])(0.25) // 0.5
 */
export function isotonicFit(x: ArrayLike<number>, y: ArrayLike<number>): (v: number) => number {
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b]);
  const knots = isotonicKnots(
    Float64Array.from(order, (i) => x[i]),
    Float64Array.from(order, (i) => y[i]),
  );
  return (v: number) => evalKnots(knots, v);
}
