/**
 * Levenshtein distance: the fewest single-character insertions, deletions and substitutions
 * that turn `a` into `b` (Wagner-Fischer, one row of the table kept).
 * @example editDistance('ks_statistc', 'ks_statistic') // 1
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}
