/** Seeded row sampling and shuffling shared by the domain classifier and the drift-impact permutations. */

/** `take` of `n` row indices without replacement (partial Fisher-Yates), ascending; all rows when n <= take. */
export function sampleRows(n: number, take: number, random: () => number): Int32Array {
  const rows = Int32Array.from({ length: n }, (_, i) => i);
  if (n <= take) return rows;
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = rows[i];
    rows[i] = rows[j];
    rows[j] = t;
  }
  return rows.slice(0, take).sort();
}

/** 0..n-1 in a random order (Fisher-Yates from the end). */
export function shuffled(n: number, random: () => number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}
