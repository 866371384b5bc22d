/** Rows whose `text(row)` contains `query` (case-insensitive, trimmed); all rows for an empty query. */
export function filterRows<T>(rows: readonly T[], text: (row: T) => string, query: string): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...rows];
  return rows.filter((r) => text(r).toLowerCase().includes(q));
}
