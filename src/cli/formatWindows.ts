import type { Report } from '../core/report/types.ts';
import { stripControl } from './printSummary.ts';

/**
 * The CLI's windows block: how many windows, which drifted, the first one, the timestamps left out,
 * and the expected-variation note. Names from the files are printed without control characters.
 */
export function formatWindows(report: Report): string {
  const w = report.windowing!;
  const windows = report.windows ?? [];
  const clean = (s: string) => stripControl(s).replace(/[\t\n]/g, ' ');
  const how =
    w.source === 'time'
      ? `by ${w.every} of ${clean(w.column ?? '')} (${w.timezone})`
      : w.source === 'rows'
        ? `every ${w.every} rows`
        : 'one per production file';
  const lines = [
    `windows: ${w.windows} ${how}; ${w.drifted_windows} drifted, ${w.too_small} too small (< ${w.min_rows} rows)`,
    `  ${w.first_drift !== null ? `drift since ${clean(w.first_drift)}` : w.message}`,
  ];
  if (w.timestamps.missing + w.timestamps.unparsable > 0)
    lines.push(`  ${w.timestamps.missing} row(s) without a timestamp, ${w.timestamps.unparsable} unparsable: in no window`);
  const drifted = windows.filter((x) => x.overall_drift).slice(0, 10);
  for (const x of drifted)
    lines.push(
      `  ${clean(x.label)}: ${x.drifted} feature(s) drifted (${x.features
        .filter((f) => f.drifted)
        .map((f) => clean(f.name))
        .slice(0, 5)
        .join(', ')})`,
    );
  if (w.drifted_windows > drifted.length) lines.push(`  ... ${w.drifted_windows - drifted.length} more drifted window(s) in the report`);
  const scored = windows.filter((x) => x.performance !== null);
  if (scored.length > 0) {
    const num = (v: number | null) => (v === null ? 'n/a' : v.toFixed(3));
    // The label-free estimate is marked: it is not a measurement.
    lines.push(
      `  performance per window (F1, accuracy${scored.some((x) => x.performance!.estimated) ? '; ~ = label-free estimate' : ''}):`,
    );
    for (const x of scored.slice(0, 10)) {
      const p = x.performance!;
      const mark = p.estimated ? '~' : '';
      const flags = [p.alert ? `F1 drop ${num(p.f1_drop)}: alert` : '', p.reliable === false ? 'unreliable estimate' : ''].filter(Boolean);
      lines.push(
        `    ${clean(x.label)}: F1 ${mark}${num(p.f1)}, accuracy ${mark}${num(p.accuracy)}${flags.length ? ` (${flags.join(', ')})` : ''}`,
      );
    }
    if (scored.length > 10) lines.push(`    ... ${scored.length - 10} more window(s) in the report`);
  }
  if (report.label_drift)
    lines.push(
      `label ${clean(report.label_drift.column)}: ${report.label_drift.feature.drifted ? 'drifted' : 'no drift'} (target drift${report.label_drift.in_verdict ? ', in the verdict' : ', reported only'})`,
    );
  lines.push(
    w.expected_variation
      ? `  expected variation: ${w.expected_variation.percentiles[0]}-${w.expected_variation.percentiles[1]} percentile band from ${w.expected_variation.reference_windows} reference windows of ${w.expected_variation.window_rows} rows`
      : `  ${w.note ?? 'no expected variation'}`,
  );
  return lines.join('\n');
}
