/** Number formats of the HTML report (the same rules as the dashboard's tables, kept in core). */

/** 4 significant digits, scientific for tiny or huge values, '–' for null. */
export function fmt(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a < 1e-4 || a >= 1e6) return x.toExponential(digits - 2);
  return Number(x.toPrecision(digits)).toString();
}

/** A share (0-1) as a percentage with one decimal. */
export function pct(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  return `${(x * 100).toFixed(1)}%`;
}

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
