/**
 * Comparing what two JavaScript engines computed (the dashboard in Chromium, the CLI in Node): the same
 * code and data, but V8's Math.exp/log/pow/... are not correctly rounded and their last bit differs
 * between V8 versions (measured: Node 20 vs Debian's Chromium 156 differ in about 5% of Math.exp and
 * Math.log results, by at most 2.2e-16 relative). Such a bit can move a p-value's last digits, so numbers are
 * compared to a relative tolerance; everything else (keys, verdicts, flags, names, reasons, booleans,
 * null, integer counts) must be equal.
 */
import Papa from 'papaparse';

/**
 * Relative tolerance for browser vs CLI numbers. The largest difference measured between Node 20 and
 * Chromium 156 (the e2e logs print "max relative difference") is 1.95e-14 on the Elec2 pair (asymptotic
 * KS p-values), at most 1.2e-15 on the other real pairs, 3.1e-16 on the demo; 1e-9 leaves over four
 * orders of magnitude of headroom and still catches any change in a statistic's method, input or rounding.
 */
export const REL_TOL = 1e-9;
/** Absolute tolerance, only so that 0 and a subnormal compare equal. */
export const ABS_TOL = 1e-300;

/** |a - b| <= rel * max(|a|, |b|) + abs; equal non-finite values (Infinity) are close. */
export function numbersClose(a: number, b: number, rel = REL_TOL, abs = ABS_TOL): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + abs;
}

/** |a - b| / max(|a|, |b|), 0 when equal. */
export function relativeDifference(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

export interface Comparison {
  /** One line per difference: the JSON path and both values. Empty when the values agree. */
  differences: string[];
  /** The largest relative difference among the numbers compared. */
  maxRelative: number;
  /** How many numbers were compared. */
  numbers: number;
}

/**
 * Deep comparison of two JSON values: same keys, same array lengths, equal strings, booleans and null,
 * integers equal when both are integers (counts, dof, rows), other numbers within the tolerance.
 */
export function compareClose(got: unknown, want: unknown, rel = REL_TOL, abs = ABS_TOL): Comparison {
  const out: Comparison = { differences: [], maxRelative: 0, numbers: 0 };
  walk(got, want, '$', out, rel, abs);
  return out;
}

function walk(a: unknown, b: unknown, path: string, out: Comparison, rel: number, abs: number): void {
  if (typeof a === 'number' && typeof b === 'number') {
    out.numbers++;
    const exact = Number.isInteger(a) && Number.isInteger(b);
    if (exact ? a !== b : !numbersClose(a, b, rel, abs)) out.differences.push(`${path}: ${a} vs ${b}`);
    if (Number.isFinite(a) && Number.isFinite(b)) out.maxRelative = Math.max(out.maxRelative, relativeDifference(a, b));
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      out.differences.push(`${path}: ${a.length} items vs ${b.length}`);
      return;
    }
    a.forEach((v, i) => walk(v, b[i], `${path}[${i}]`, out, rel, abs));
    return;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    if (ka.join('\0') !== kb.join('\0')) {
      out.differences.push(`${path}: keys ${JSON.stringify(ka)} vs ${JSON.stringify(kb)}`);
      return;
    }
    for (const k of ka) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out, rel, abs);
    return;
  }
  if (!Object.is(a, b)) out.differences.push(`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
}

/**
 * Two CSV texts: the same rows and columns, cells equal as text, except cells that are numbers in both
 * (compared like {@link compareClose}). Header and row order must match.
 */
export function compareCsvClose(got: string, want: string, rel = REL_TOL, abs = ABS_TOL): Comparison {
  const parse = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const a = parse(got);
  const b = parse(want);
  const cells = (rows: string[][]) => rows.map((r) => r.map((c) => (c.trim() !== '' && Number.isFinite(Number(c)) ? Number(c) : c)));
  const out = compareClose(cells(a), cells(b), rel, abs);
  if (got.endsWith('\n') !== want.endsWith('\n')) out.differences.push('final newline differs');
  return out;
}
