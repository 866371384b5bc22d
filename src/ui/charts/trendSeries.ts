/**
 * The one shape the over-time charts draw from: a sequence of points (the windows of one run, or the
 * runs kept in the History), each with its per-feature scores and its verdict. The windows view and
 * the History view build their heatmap, trend and share charts from it, so both show the same thing.
 */
import type { HistoryEntry, HistoryScore, WindowPerformance, WindowResult } from '../../core/windows/types.ts';

export interface TrendPoint {
  /** Window label ('2024-03-04', 'rows 1-5000', a file name) or the run's time and production file. */
  label: string;
  rows: number;
  too_small: boolean;
  overall_drift: boolean;
  drifted_fraction: number;
  scores: Record<string, HistoryScore>;
  /** Score outside the expected-variation band, by feature (windows only; absent = unknown). */
  outside_band?: Record<string, boolean | null>;
  performance?: WindowPerformance | null;
}

/** The windows of one run, in order. */
export function seriesFromWindows(windows: readonly WindowResult[]): TrendPoint[] {
  return windows.map((w) => {
    const scores: Record<string, HistoryScore> = Object.create(null) as Record<string, HistoryScore>;
    const band: Record<string, boolean | null> = Object.create(null) as Record<string, boolean | null>;
    for (const f of w.features) {
      scores[f.name] = { drift_score: f.drift_score, psi: f.psi, drifted: f.drifted };
      band[f.name] = f.outside_band;
    }
    return {
      label: w.label,
      rows: w.rows,
      too_small: w.too_small,
      overall_drift: w.overall_drift,
      drifted_fraction: w.drifted_fraction,
      scores,
      outside_band: band,
      performance: w.performance,
    };
  });
}

/** The stored runs, oldest first: one point per run (its whole-run scores). */
export function seriesFromHistory(entries: readonly HistoryEntry[]): TrendPoint[] {
  return [...entries]
    .sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : 1))
    .map((e) => ({
      label: runLabel(e),
      rows: e.production.rows,
      too_small: false,
      overall_drift: e.verdict.overall_drift,
      drifted_fraction: e.verdict.drifted_fraction,
      scores: e.scores,
    }));
}

/** '2026-11-29 22:41 · production.csv' (UTC minutes; a second run in the same minute shows its seconds). */
export function runLabel(e: HistoryEntry): string {
  const when = e.created_at.replace('T', ' ').slice(0, 19);
  const files = e.production.files.map((f) => f.file);
  const what = files.length > 1 ? `${files[0]} +${files.length - 1}` : (files[0] ?? '');
  return `${when} · ${what}`;
}

/** Feature names in first-seen order over the points. */
export function seriesFeatures(points: readonly TrendPoint[]): string[] {
  const seen = new Set<string>();
  for (const p of points) for (const name of Object.keys(p.scores)) seen.add(name);
  return [...seen];
}
