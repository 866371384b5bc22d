/** Number formats of the HTML report (fmt and pct are the dashboard tables' own, from core/format). */

/** 4 significant digits, scientific for tiny or huge values, '–' for null; a share as a percentage. */
export { formatNumber as fmt, formatShare as pct } from '../format/formatNumber.ts';

/** A byte count in B, kB or MB (decimal units), with the exact count for the record. */
export function bytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1e6) return `${(n / 1000).toFixed(1)} kB (${n} B)`;
  return `${(n / 1e6).toFixed(1)} MB (${n} B)`;
}

/** A coordinate for SVG: one decimal is below a pixel, and keeps the file small. */
export function px(x: number): string {
  return String(Math.round(x * 10) / 10);
}
