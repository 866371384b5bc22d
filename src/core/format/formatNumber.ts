/** Number formats shared by the dashboard's tables and the HTML report, so both show the same text. */

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
