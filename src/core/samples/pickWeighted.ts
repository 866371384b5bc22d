/**
 * One category drawn with the given probabilities (weights need not sum to 1).
 * @example pickWeighted(mulberry32(1), { a: 0.9, b: 0.1 }) // 'a' nine times in ten
 */
export function pickWeighted<K extends string>(random: () => number, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let u = random() * total;
  for (const [key, w] of entries) {
    if (u < w) return key;
    u -= w;
  }
  return entries[entries.length - 1][0];
}
