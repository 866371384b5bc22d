import type { TestInput } from './driftTest.ts';
import { total } from './total.ts';

/**
 * The shared bins of a feature for the distances between binned distributions (Jensen-Shannon,
 * Hellinger): a numerical column's PSI bins (reference quantiles, psi.bins, with a point mass's own
 * bin; psiBins.ts), a categorical column's categories seen in either file. Counts, not shares: each
 * distance normalises them. No epsilon floor (unlike PSI): both distances are finite on empty bins.
 */
export function sharedBins(input: TestInput): { reference: ArrayLike<number>; production: ArrayLike<number> } {
  if (input.kind === 'numerical') return { reference: input.kernel.refCounts, production: input.kernel.prodCounts };
  return { reference: input.referenceCounts, production: input.productionCounts };
}

/** counts / sum(counts); both sides must be non-empty and have the same bins. */
export function shares(ref: ArrayLike<number>, prod: ArrayLike<number>): [Float64Array, Float64Array] {
  if (ref.length !== prod.length) throw new RangeError('the two samples need the same bins');
  const nRef = total(ref);
  const nProd = total(prod);
  if (!(nRef > 0 && nProd > 0)) throw new RangeError('the distance needs two non-empty samples');
  return [Float64Array.from(ref, (c) => c / nRef), Float64Array.from(prod, (c) => c / nProd)];
}
