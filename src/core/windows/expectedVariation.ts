/**
 * The expected variation of each drift score under no drift (NannyML's sampling-error idea, computed
 * by resampling instead of a formula): the reference rows cut into consecutive windows of the
 * production windows' size, each tested against the whole reference like a production window; the
 * 2.5th and 97.5th percentiles of those scores (numpy's default 'linear' method) make a 95% band. A
 * production window's score outside the band is unusual for a window of that size; the fixed
 * thresholds stay the decision rule. Each reference window is part of the reference it is compared
 * with, which narrows the band by a factor of about sqrt(1 - window / reference) (under 3% while the
 * reference holds 20 or more windows).
 */
import type { FeatureStats } from '../report/types.ts';
import type { ParsedTable } from '../table/types.ts';
import type { ExpectedVariation, ScoreBand } from './types.ts';
import type { WindowTester } from './analyseWindows.ts';
import { rowOffsets, sliceTables } from './sliceTables.ts';
import { windowIndex } from './windowColumnStats.ts';

export const BAND_PERCENTILES: [number, number] = [2.5, 97.5];
/** Reference windows used at most (evenly spread over the reference): enough for 2.5% tails, bounded time. */
export const MAX_REFERENCE_WINDOWS = 200;
/** Fewer reference windows than this give no band (its tails would be single scores). */
export const MIN_REFERENCE_WINDOWS = 20;

/** numpy.percentile(xs, q) with the default 'linear' method; NaN when empty. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = ((sorted.length - 1) * q) / 100;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function band(values: number[]): ScoreBand | null {
  if (values.length < MIN_REFERENCE_WINDOWS) return null;
  const s = [...values].sort((a, b) => a - b);
  return { low: percentile(s, BAND_PERCENTILES[0]), median: percentile(s, 50), high: percentile(s, BAND_PERCENTILES[1]) };
}

export function expectedVariation(
  reference: ParsedTable,
  tester: WindowTester,
  windowRows: number,
): { value: ExpectedVariation | null; note: string | null } {
  const k = Math.floor(reference.rows / windowRows);
  if (k < MIN_REFERENCE_WINDOWS) {
    return {
      value: null,
      note: `no expected variation: the reference has ${reference.rows} rows, ${k} window(s) of ${windowRows} rows; it needs at least ${MIN_REFERENCE_WINDOWS}`,
    };
  }
  const m = Math.min(k, MAX_REFERENCE_WINDOWS);
  const offsets = rowOffsets([reference]);
  const scores = new Map<string, { drift: number[]; psi: number[] }>();
  const windows = Array.from({ length: m }, (_, i) => {
    const chunk = Math.floor((i * k) / m);
    return { rows: Int32Array.from({ length: windowRows }, (_, j) => chunk * windowRows + j) };
  });
  // All reference windows at once (one pass per column), else each sliced into a table of its own.
  const index = windowIndex([reference], offsets, windows);
  const all = index === null ? null : tester.testWindows(index);
  windows.forEach(({ rows }, i) => {
    const { stats } = all?.[i] ?? tester.test(sliceTables([reference], offsets, rows, tester.neededColumns, 'reference window'));
    for (const s of stats) collect(scores, s);
  });
  return {
    value: {
      window_rows: windowRows,
      reference_windows: m,
      percentiles: [...BAND_PERCENTILES],
      features: [...scores].map(([name, s]) => ({ name, drift_score: band(s.drift), psi: band(s.psi) })),
    },
    note: null,
  };
}

function collect(scores: Map<string, { drift: number[]; psi: number[] }>, s: FeatureStats): void {
  let entry = scores.get(s.name);
  if (entry === undefined) {
    entry = { drift: [], psi: [] };
    scores.set(s.name, entry);
  }
  if (s.drift_score !== null && Number.isFinite(s.drift_score)) entry.drift.push(s.drift_score);
  if (s.psi !== null && Number.isFinite(s.psi.value)) entry.psi.push(s.psi.value);
}
