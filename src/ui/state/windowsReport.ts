/**
 * The windows part of the dashboard's report: the run's threshold-free windows analysis (made in the
 * analysis worker) decided with the live thresholds, as the CLI's report.windows and report.windowing.
 * Deciding is cheap (flags and verdicts only), so a threshold edit re-decides every window at once.
 */
import type { Config, Thresholds } from '../../core/config/types.ts';
import { decideWindows, type WindowsAnalysis } from '../../core/windows/api.ts';
import type { WindowingReport, WindowResult } from '../../core/windows/types.ts';

export type WindowsOutcome = WindowsAnalysis;

/** `{ windows, windowing }` to spread into the report, or nothing when the run had no windows. */
export function windowsReport(
  analysis: WindowsOutcome | null,
  config: Config | null,
  thresholds: Thresholds,
): { windows?: WindowResult[]; windowing?: WindowingReport } {
  if (!analysis || !config) return {};
  const { windows, windowing } = decideWindows(analysis, { ...config, thresholds });
  return { windows, windowing };
}
