/**
 * Production values in categories the reference does not have, from the categorical features'
 * category counts (the PSI block holds both files' counts over the union of categories), so tables and
 * profiles give the same figures.
 */
import type { FeatureStats, UnseenCategories } from '../report/types.ts';

/** Unseen categories listed per feature at most. */
const MAX_LISTED = 20;

export function unseenCategories(stats: readonly FeatureStats[]): { features: UnseenCategories[]; overall: number | null } {
  const features: UnseenCategories[] = [];
  let unseen = 0;
  let total = 0;
  for (const s of stats) {
    if (s.type !== 'categorical' || s.psi === null || !s.psi.categories) continue;
    const { categories, reference_counts: ref, production_counts: prod } = s.psi;
    const found: { category: string; count: number }[] = [];
    let count = 0;
    let values = 0;
    categories.forEach((category, i) => {
      values += prod[i];
      if (ref[i] === 0 && prod[i] > 0) {
        count += prod[i];
        found.push({ category, count: prod[i] });
      }
    });
    found.sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
    features.push({
      name: s.name,
      count,
      production_values: values,
      share: values ? count / values : 0,
      categories: found.slice(0, MAX_LISTED).map((f) => f.category),
    });
    unseen += count;
    total += values;
  }
  return { features, overall: features.length ? (total ? unseen / total : 0) : null };
}
