export { formatNumber, formatShare } from '../../core/format/formatNumber.ts';

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
