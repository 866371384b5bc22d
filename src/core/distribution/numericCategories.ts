/** A decimal number as the table writes numeric categories (shortest form: "1", "-0.5", "1e+21"). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * The value of a category that is a plain decimal number, else null. Stricter than Number(): "0x10",
 * "Infinity", "" and " " stay text, so only categories that read as numbers are ordered as numbers.
 */
export function numericValue(category: string): number | null {
  const t = category.trim();
  if (!DECIMAL.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}
