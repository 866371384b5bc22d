/**
 * What the last successful {@link parseNumber} call saw of a '.': 0 none, {@link POINT_DECIMAL}
 * (e.g. "3.14", "0.125", "1234.5"), or {@link POINT_AMBIGUOUS}: 1-3 digits (not starting with 0), a
 * '.', then exactly 3 digits ("1.234"), which a decimal-comma file writes for 1234. A module variable,
 * not a returned object, so the per-cell hot path allocates nothing.
 */
export let pointShape = 0;
export const POINT_DECIMAL = 1;
export const POINT_AMBIGUOUS = 2;

/** Exact powers of ten: 10^k is representable for k <= 22. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The number a trimmed, non-empty CSV cell holds, or NaN when it is not a finite decimal number.
 *
 * Accepted: what JavaScript's `Number(s)` accepts for decimal literals: `12`, `-2.5`, `+3`, `.5`,
 * `5.`, `1e3`, `1E-7`. Rejected (NaN): `1,5`, `abc`, `0x1F`, `0b1`, `0o7`, `Infinity`, `1e400`
 * (not finite), `1_000`. This matches pandas `to_numeric` on ordinary decimal text except that
 * pandas also reads `inf`.
 *
 * Hot path: runs once per cell (20M cells for a 1M-row file) and allocates nothing. Text is
 * rejected on its first character. Plain decimals with at most 15 digits take Clinger's fast path
 * (W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990): the digits form an
 * exact integer m < 2^53 and 10^k (k <= 22) is exact, so m / 10^k is one correctly rounded IEEE
 * division, identical to `Number(s)`. Exponents, long mantissas and non-ASCII characters go to
 * `Number(s)`; any other character after the start (`-`, `:`, `/`, a letter but `e`) means NaN.
 *
 * @param s a cell with no leading/trailing whitespace and length > 0
 * @example parseNumber('1e3') // 1000
 * @example parseNumber('0x1F') // NaN
 */
export function parseNumber(s: string): number {
  const len = s.length;
  let i = 0;
  let c = s.charCodeAt(0);
  let negative = false;
  if (c === 45 || c === 43) {
    negative = c === 45;
    if (len === 1) return NaN;
    c = s.charCodeAt(++i);
  }
  if (!((c >= 48 && c <= 57) || c === 46)) return NaN;
  let m = 0;
  let digits = 0;
  let fraction = -1; // digits after the point, -1 = no point yet
  for (; i < len; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 46 && fraction < 0) {
      fraction = 0;
    } else {
      // Only an exponent, or whitespace / a non-ASCII character (Unicode spaces, which Number()
      // trims), can still make a finite number; dates, times and codes such as "2024-01-01",
      // "12:30" or "3rd" are rejected here without Number()'s slower scan.
      return c === 101 || c === 69 || c <= 32 || c >= 128 ? slowPath(s) : NaN;
    }
  }
  if (digits === 0) return NaN; // "." or "-."
  if (digits > 15) return slowPath(s);
  pointShape =
    fraction < 0
      ? 0
      : fraction === 3 && digits > 3 && digits <= 6 && s.charCodeAt(s.length - digits - 1) !== 48
        ? POINT_AMBIGUOUS
        : POINT_DECIMAL;
  const v = fraction > 0 ? m / POW10[fraction] : m;
  return negative ? -v : v;
}

function slowPath(s: string): number {
  const c0 = s.charCodeAt(0);
  if (c0 === 48 && s.length > 1) {
    const c1 = s.charCodeAt(1) | 32; // lower-case
    if (c1 === 120 || c1 === 98 || c1 === 111) return NaN; // 0x, 0b, 0o
  }
  const v = Number(s);
  pointShape = s.indexOf('.') >= 0 ? POINT_DECIMAL : 0;
  return v - v === 0 ? v : NaN; // NaN and +-Infinity fail
}
