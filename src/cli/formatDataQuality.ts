import type { DataQualityReport, DomainClassifierReport, DriftImpactStats } from '../core/report/types.ts';

/**
 * The data-quality lines of the terminal summary: only what is worth reading (type changes, features
 * with unseen categories or out-of-range values, constant columns, duplicate rows). Names are clipped
 * by the caller's stripControl; a flagged figure ends in "FLAG".
 */
export function formatDataQuality(q: DataQualityReport): string[] {
  const lines = ['data quality:'];
  for (const t of q.type_changes) lines.push(`  type changed: ${name(t.name)}: ${t.reference} in reference, ${t.production} in production`);
  const unseen = q.unseen_categories.filter((u) => u.count > 0);
  for (const u of unseen) {
    const cats = u.categories.map(name).join(', ');
    lines.push(`  unseen categories: ${name(u.name)}: ${pct(u.share)} of production values (${u.count}) in ${cats}${flag(u.drifted)}`);
  }
  if (q.unseen_overall_share !== null)
    lines.push(`  unseen categories overall: ${pct(q.unseen_overall_share)} of categorical production values`);
  for (const o of q.out_of_range.filter((x) => x.below + x.above > 0)) {
    lines.push(
      `  out of range: ${name(o.name)}: ${pct(o.share)} of production values outside [${o.reference_min}, ${o.reference_max}] (${o.below} below, ${o.above} above${o.approximate ? ', estimated from a sketch' : ''})${flag(o.drifted)}`,
    );
  }
  for (const c of q.constant_columns) {
    const where = c.reference && c.production ? 'both files' : c.reference ? 'reference' : 'production';
    lines.push(`  constant: ${name(c.name)} (one value in ${where})`);
  }
  const d = q.duplicates;
  if (d.reference && d.production) {
    lines.push(
      `  duplicate rows: reference ${pct(d.reference.share)} (${d.reference.duplicates}), production ${pct(d.production.share)} (${d.production.duplicates})${flag(d.drifted)}`,
    );
  }
  if (d.note) lines.push(`  ${d.note}`);
  return lines;
}

function name(s: string): string {
  const clean = s.replace(/[\t\n\r]/g, ' ');
  return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function flag(drifted: boolean): string {
  return drifted ? '  FLAG' : '';
}

/** The domain classifier's lines: AUC with its interval, the rows used, the features it relies on. */
export function formatDomainClassifier(d: DomainClassifierReport): string[] {
  if (d.auc === null) return ['multivariate drift (domain classifier):', `  ${d.note ?? 'did not run'}`];
  const ci = d.auc_ci ? ` (95% CI ${d.auc_ci[0].toFixed(3)}-${d.auc_ci[1].toFixed(3)}, DeLong)` : '';
  const rows = `${d.rows.reference} reference + ${d.rows.production} production rows${d.sampled ? ` (sampled, at most ${d.max_rows} per file, seed ${d.seed})` : ''}`;
  const top = d.top_features.map((f) => `${name(f.name)} ${pct(f.importance)}`).join(', ');
  return [
    'multivariate drift (domain classifier):',
    `  AUC ${d.auc.toFixed(3)}${ci}, threshold ${d.threshold}: ${d.drifted ? 'DRIFT' : 'ok'}; ${d.folds}-fold, ${rows}`,
    `  relies most on (share of tree splits): ${top || '-'}`,
  ];
}

/** Drift that matters: the features ranked by drift score x permutation importance (top 10). */
export function formatDriftImpact(d: DriftImpactStats): string[] {
  const lines = [
    `drift that matters (drift score x model importance; ${d.method}, ${d.rows} reference rows${d.sampled ? `, sampled with seed ${d.seed}` : ''}):`,
  ];
  for (const f of d.features.slice(0, 10)) {
    const score = f.drift_score === null ? '-' : f.drift_score.toFixed(3);
    lines.push(`  ${name(f.name)}: ${f.weighted.toFixed(4)} (drift ${score} x importance ${f.importance.toFixed(4)})`);
  }
  return lines;
}
