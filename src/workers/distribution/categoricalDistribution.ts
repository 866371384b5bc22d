import type { CategoricalDistribution } from './types.ts';

/**
 * Category shares of one categorical feature from its aligned counts (the PSI bins of the report), the
 * `maxCategories` largest by combined count first, the rest folded into `other`.
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
    .sort((a, b) => share(referenceCounts[b], nRef) + share(productionCounts[b], nProd) - (share(referenceCounts[a], nRef) + share(productionCounts[a], nProd)) || a - b);
  const shown = order.slice(0, maxCategories);
  const rest = order.slice(maxCategories);
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
