/** A statistic for a table cell: 4 significant digits, scientific for tiny p-values, '–' for null. */
export function formatNumber(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a < 1e-4 || a >= 1e6) return x.toExponential(digits - 2);
  return Number(x.toPrecision(digits)).toString();
}

/** A share (0-1) as a percentage with one decimal. */
export function formatShare(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  return `${(x * 100).toFixed(1)}%`;
}

/**
 * A difference (production - baseline) for a table cell: signed, 4 decimals (whole numbers as they are),
 * so a column of changes lines up.
 * @example formatChange(-0.059524) // '-0.0595'; formatChange(12) // '+12'; formatChange(0) // '0'
 */
export function formatChange(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (x === 0) return '0';
  const a = Math.abs(x);
  return `${x > 0 ? '+' : '-'}${Number.isInteger(x) ? String(a) : a.toFixed(4)}`;
}
