import type { Report } from '../core/report/types.ts';
import type { Decided, StatRegistry } from '../core/stattests/driftTest.ts';
import { resultOf } from '../core/stattests/registry.ts';
import { formatDataQuality, formatDomainClassifier, formatDriftImpact } from './formatDataQuality.ts';
import { testsIn } from '../core/stattests/testChoice.ts';

/**
 * A plain-text summary table of a report, for the terminal: one column per summary field of each
 * registered test (`tests`, default the registry), '-' where the test did not run on a feature.
 */
export function formatSummary(report: Report, tests: StatRegistry = testsIn(report.features)): string {
  const s = report.summary;
  const lines: string[] = [];
  lines.push(
    `reference: ${report.data.reference.file} (${report.data.reference.rows} rows)   production: ${report.data.production.file} (${report.data.production.rows} rows)`,
  );
  lines.push('');
  const columns = tests.flatMap((test) => test.fields.flatMap((field) => (field.summary ? [{ test, field, label: field.summary }] : [])));
  const header = ['feature', 'type', 'score', ...columns.map((c) => c.label), 'missing ref→prod', 'status'];
  const rows = report.features.map((f) => {
    const cells = columns.map(({ test, field }) => {
      const r = resultOf(test, f);
      const v = r ? field.value(r as Decided<object>, f) : null;
      if (typeof v === 'string') return v;
      return field.format === 'p_value' ? pval(v) : num(v, 4);
    });
    return [
      clip(f.name, 32),
      f.type,
      num(f.drift_score, 3),
      ...cells,
      `${pctStr(f.missing.reference)}→${pctStr(f.missing.production)}`,
      status(f, tests),
    ];
  });
  lines.push(...table([header, ...rows]));
  if (report.skipped.length) {
    lines.push('', 'skipped:');
    for (const k of report.skipped) lines.push(`  ${clip(k.name, 40)}: ${k.reason}`);
  }
  if (report.data_quality) lines.push('', ...formatDataQuality(report.data_quality));
  if (report.domain_classifier) lines.push('', ...formatDomainClassifier(report.domain_classifier));
  if (report.drift_impact) lines.push('', ...formatDriftImpact(report.drift_impact));
  if (report.warnings.length) {
    lines.push('', 'warnings:');
    for (const w of report.warnings) lines.push(`  ${w}`);
  }
  lines.push('');
  lines.push(
    `${s.drifted} of ${s.features} features drifted (${(s.drifted_fraction * 100).toFixed(1)}%), max PSI ${num(s.max_psi, 4)}, max KS ${num(s.max_ks, 4)}`,
  );
  lines.push(s.overall_drift ? `DRIFT DETECTED: ${s.reasons.map((r) => r.message).join('; ')}` : 'No drift detected.');
  // Names, categories and warnings come from untrusted files: no control characters (terminal escapes) reach the terminal.
  return lines.map(stripControl).join('\n');
}

/**
 * DRIFT with its rules, then the tests whose p-value was significant but whose effect was below
 * thresholds.min_effect (not in the verdict), then the reason no test ran (a column all missing in
 * one file is both).
 */
function status(f: Report['features'][number], tests: StatRegistry): string {
  const flag = f.drifted ? `DRIFT (${f.flagged_by.join('+')})` : f.error ? '' : 'ok';
  const negligible = tests.flatMap((test) => {
    const r = resultOf(test, f) as Decided<object> | null;
    return r?.negligible
      ? [`${test.id} significant but negligible (${test.effect?.measure ?? 'effect'} ${num(r.effect_size ?? null, 3)})`]
      : [];
  });
  const error = f.error ? `error: ${f.error}` : '';
  return [flag, ...negligible, error].filter(Boolean).join('; ');
}

/** `s` with control characters (terminal escapes) replaced by '?'; tabs and newlines kept. */
export function stripControl(s: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are replaced
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd(),
  );
}

function num(x: number | null, digits: number): string {
  return x === null || !Number.isFinite(x) ? '-' : x.toFixed(digits);
}

function pval(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return '-';
  return p < 1e-4 ? p.toExponential(1) : p.toFixed(4);
}

function pctStr(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** Column names come from untrusted files: strip control characters (no terminal escapes) and clip. */
function clip(s: string, n: number): string {
  const clean = stripControl(s).replace(/[\t\n]/g, ' ');
  return clean.length > n ? `${clean.slice(0, n - 1)}…` : clean;
}
