import type { CategoricalDistribution } from './types.ts';
import { numericValue } from './numericCategories.ts';

/**
 * Category shares of one categorical feature from its aligned counts (the PSI bins of the report): the
 * `maxCategories` largest by combined share, the rest folded into `other`. They are listed largest
 * first, or in numeric order when every category of the feature is a number (a count or a rating reads
 * as an axis: 1, 2, 10; not by share, and not as strings: 1, 10, 2).
 */
export function categoricalDistribution(
  feature: string,
  categories: readonly string[],
  referenceCounts: readonly number[],
  productionCounts: readonly number[],
  maxCategories = 30,
): CategoricalDistribution {
  const nRef = sum(referenceCounts);
  const nProd = sum(productionCounts);
  const share = (c: number, n: number) => (n ? c / n : 0);
  const order = categories
    .map((_, i) => i)
    .sort(
      (a, b) =>
        share(referenceCounts[b], nRef) +
          share(productionCounts[b], nProd) -
          (share(referenceCounts[a], nRef) + share(productionCounts[a], nProd)) || a - b,
    );
  const rest = order.slice(maxCategories);
  const values = categories.map(numericValue);
  const shown = order.slice(0, maxCategories);
  if (values.every((v) => v !== null)) shown.sort((a, b) => values[a]! - values[b]! || a - b);
  return {
    kind: 'categorical',
    feature,
    categories: shown.map((i) => categories[i]),
    reference: shown.map((i) => share(referenceCounts[i], nRef)),
    production: shown.map((i) => share(productionCounts[i], nProd)),
    other: rest.length
      ? {
          categories: rest.length,
          reference: share(sum(rest.map((i) => referenceCounts[i])), nRef),
          production: share(sum(rest.map((i) => productionCounts[i])), nProd),
        }
      : null,
  };
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
