import type { PsiStats } from '../report/types.ts';
import type { NumericalKernelResult } from './kernels.ts';
import { total } from './total.ts';
import type { DriftTest } from './driftTest.ts';

/**
 * The registry entry: every column, flagged when PSI > thresholds.psi (which also raises the overall
 * alert, decide.ts).
 */
export const psiTest: DriftTest<PsiStats> = {
  id: 'psi',
  label: 'Population Stability Index',
  statistic: 'sum((p_prod - p_ref) * ln(p_prod / p_ref))',
  columnKinds: ['numerical', 'categorical'],
  comparison: 'distance',
  score: (r) => r.value,
  effect: { measure: 'PSI', value: (r) => r.value },
  threshold: { key: 'psi', default: 0.2, max: Infinity, label: 'PSI threshold', rule: 'flag when PSI >' },
  reportKey: 'psi',
  resultKeys: ['value', 'epsilon', 'bins', 'edges', 'point_masses', 'categories', 'reference_counts', 'production_counts'],
  run(input) {
    const { epsilon } = input.settings;
    if (input.kind === 'numerical') return numericalPsi(input.kernel, input.settings.bins, epsilon);
    return {
      value: populationStabilityIndex(input.referenceCounts, input.productionCounts, epsilon),
      epsilon,
      categories: input.categories,
      reference_counts: input.referenceCounts,
      production_counts: input.productionCounts,
    };
  },
  fields: [
    { key: 'type', label: 'Type', csv: null, format: 'text', value: (_r, f) => f.type },
    { key: 'value', label: 'PSI', csv: 'psi', summary: 'PSI', format: 'number', value: (r) => r.value },
    // Bins used (counts per bin): psi.bins, or fewer where the reference quantiles collapse.
    { key: 'bins', label: 'Bins', csv: null, format: 'number', value: (r) => r.reference_counts.length, text: psiBinsText },
  ],
  table: {
    id: 'psi-table',
    heading: 'Population stability index',
    caption: 'PSI per feature',
    empty: 'No features.',
    sort: { key: 'value', direction: 'descending' },
  },
};

function psiBinsText(r: PsiStats, _f: unknown, fmt: (x: number) => string): string {
  const masses = r.point_masses ?? [];
  const n = String(r.reference_counts.length);
  return masses.length ? `${n} (own bin for ${masses.map((v) => fmt(v)).join(', ')})` : n;
}

/**
 * Population Stability Index of two binned samples: proportions p = count / n, each floored at
 * `epsilon` (max(p, epsilon), not renormalised), PSI = sum((p_prod - p_ref) * ln(p_prod / p_ref)).
 * Every term is >= 0, so PSI >= 0. Both totals must be positive.
 * References: Yurdakul, "Statistical properties of population stability index" (2018).
 * @param refCounts counts per bin in the reference sample
 * @param prodCounts counts per bin in the production sample (same bins)
 * @param epsilon floor for empty bins (the report writes it out)
 * @example populationStabilityIndex([50, 50], [40, 60], 1e-4) // 0.04054651081081642 (numpy)
 */
export function populationStabilityIndex(refCounts: ArrayLike<number>, prodCounts: ArrayLike<number>, epsilon: number): number {
  if (refCounts.length !== prodCounts.length) throw new RangeError('PSI needs the same bins on both sides');
  const nRef = total(refCounts);
  const nProd = total(prodCounts);
  if (!(nRef > 0 && nProd > 0)) throw new RangeError('PSI needs two non-empty samples');
  let psi = 0;
  for (let i = 0; i < refCounts.length; i++) {
    const pRef = Math.max(refCounts[i] / nRef, epsilon);
    const pProd = Math.max(prodCounts[i] / nProd, epsilon);
    psi += (pProd - pRef) * Math.log(pProd / pRef);
  }
  return psi;
}

/**
 * The report's psi block for a numerical feature: bins at the reference quantiles
 * numpy.quantile(ref, linspace(0, 1, bins + 1)), outer edges -inf/+inf (so `edges` lists the inner
 * ones), counts as numpy.histogram (left-closed), except that a value on which several quantiles
 * collapse gets its own bin [v, v] (psiBins.ts): its edge is listed twice and in `point_masses`.
 */
export function numericalPsi(r: NumericalKernelResult, bins: number, epsilon: number): PsiStats {
  return {
    value: populationStabilityIndex(r.refCounts, r.prodCounts, epsilon),
    epsilon,
    bins,
    edges: r.edges.slice(),
    point_masses: r.pointMasses.slice(),
    reference_counts: Array.from(r.refCounts),
    production_counts: Array.from(r.prodCounts),
  };
}

/**
 * The report warning for a numerical psi block with point masses (null without any): names the
 * column, each value and its share of the reference, so a reader knows why the bins differ from the
 * plain reference deciles.
 */
export function pointMassWarning(column: string, psi: PsiStats): string | null {
  const masses = psi.point_masses ?? [];
  const edges = psi.edges ?? [];
  if (masses.length === 0) return null;
  const nRef = total(psi.reference_counts);
  const listed = masses.map((v) => {
    // The bin [v, v] lies between the two copies of v in edges: bin index = index of the second copy.
    const bin = edges.indexOf(v) + 1;
    const share = psi.reference_counts[bin] / nRef;
    return `${v} (${(share * 100).toFixed(1)}% of the reference)`;
  });
  const one = masses.length === 1;
  return (
    `column "${column}": the value${one ? '' : 's'} ${listed.join(', ')} hold${one ? 's' : ''} more than 1/${psi.bins} ` +
    `of the reference, so the reference deciles collapse there; PSI gives ${one ? 'it its own bin' : 'each its own bin'} [v, v]`
  );
}
