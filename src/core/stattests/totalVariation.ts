import { total } from './total.ts';

/**
 * Total variation distance between two binned samples, 0.5 * sum |p_prod - p_ref| with the plain
 * proportions p = count / n (no epsilon floor): the share of probability mass that moved, in [0, 1].
 * Both totals must be positive.
 * @example totalVariation([50, 50, 0], [25, 50, 25]) // 0.25
 */
export function totalVariation(refCounts: ArrayLike<number>, prodCounts: ArrayLike<number>): number {
  if (refCounts.length !== prodCounts.length) throw new RangeError('total variation needs the same bins on both sides');
  const nRef = total(refCounts);
  const nProd = total(prodCounts);
  if (!(nRef > 0 && nProd > 0)) throw new RangeError('total variation needs two non-empty samples');
  let sum = 0;
  for (let i = 0; i < refCounts.length; i++) sum += Math.abs(prodCounts[i] / nProd - refCounts[i] / nRef);
  return 0.5 * sum;
}
