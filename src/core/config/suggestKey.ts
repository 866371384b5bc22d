/**
 * The hint after `unknown key "<key>"`: the closest valid key, so a typo is a one-glance fix.
 */
import { editDistance } from './editDistance.ts';

/**
 * @param key       the unknown dotted key, e.g. "thresholds.ks_statistc"
 * @param siblings  the valid names in the same section, e.g. ["ks_statistic", "psi", ...]
 * @param allKeys   every valid dotted key, to catch a right name in the wrong section
 * @returns e.g. `did you mean "thresholds.ks_statistic"?`, or the list of valid names when none is close
 * @example suggestKey('thresholds.ks_statistc', ['ks_statistic', 'psi'], [...]) // 'did you mean "thresholds.ks_statistic"?'
 */
export function suggestKey(key: string, siblings: readonly string[], allKeys: readonly string[]): string {
  const dot = key.lastIndexOf('.');
  const prefix = key.slice(0, dot + 1);
  const name = key.slice(dot + 1);

  const elsewhere = allKeys.find((k) => k !== key && k.slice(k.lastIndexOf('.') + 1) === name);
  if (elsewhere !== undefined) return `did you mean "${elsewhere}"?`;

  // A shortened name ("label" for "label_column") is a typo no edit distance would forgive.
  const longer = name.length >= 3 ? siblings.find((s) => s.toLowerCase().includes(name.toLowerCase())) : undefined;
  if (longer !== undefined) return `did you mean "${prefix}${longer}"?`;

  let best: string | undefined;
  let bestDistance = Infinity;
  for (const sibling of siblings) {
    const d = editDistance(name.toLowerCase(), sibling.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [sibling, d];
  }
  // A suggestion further than this from what was typed would be a guess, not a typo fix.
  const closeEnough = Math.max(2, Math.floor(name.length / 2));
  if (best !== undefined && bestDistance <= closeEnough) return `did you mean "${prefix}${best}"?`;
  const where = prefix === '' ? 'at the top level' : `in ${prefix.slice(0, -1)}`;
  return `valid keys ${where}: ${siblings.join(', ')}`;
}
