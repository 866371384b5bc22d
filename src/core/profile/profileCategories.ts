import { sortCategories } from '../table/categories.ts';
import type { ColumnProfile } from './columnProfile.ts';

/** A categorical column's categories over both profiles and the count of each on each side. */
export interface ProfileCategories {
  /** Union of the categories of both sides, sorted as alignCategories sorts them. */
  categories: string[];
  refCounts: Float64Array;
  prodCounts: Float64Array;
}

/**
 * The categories alignCategories (table/categories.ts) gives the two tables the profiles were made from,
 * with their counts: numbers labelled String(value) (so "1" and "1.0" are one category), texts as
 * read, a text equal to a number's label counted with it (one dictionary entry in the table reader).
 * Throws on sketched numbers, which have no count per value (planColumns refuses such a categorical).
 */
export function profileCategories(ref: ColumnProfile, prod: ColumnProfile): ProfileCategories {
  const refLabels = labelCounts(ref);
  const prodLabels = labelCounts(prod);
  const categories = sortCategories([...new Set([...refLabels.keys(), ...prodLabels.keys()])]);
  const counts = (m: Map<string, number>) => Float64Array.from(categories, (c) => m.get(c) ?? 0);
  return { categories, refCounts: counts(refLabels), prodCounts: counts(prodLabels) };
}

function labelCounts(c: ColumnProfile): Map<string, number> {
  const { numbers } = c;
  if (numbers.mode !== 'exact') throw new Error(`profileCategories: column "${c.name}" has sketched numbers (no counts per value)`);
  const out = new Map<string, number>();
  for (let i = 0; i < numbers.values.length; i++) out.set(String(numbers.values[i]), numbers.counts[i]);
  if (c.text !== null) for (const [t, n] of c.text) out.set(t, (out.get(t) ?? 0) + n);
  return out;
}
