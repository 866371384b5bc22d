/**
 * The data-quality flags and their verdict reasons: each share strictly above its threshold
 * (thresholds.unseen_share, out_of_range_share, duplicate_share); a null threshold reports the figure
 * without flagging it, so the verdict does not change unless a threshold is set.
 */
import type { Thresholds } from '../config/types.ts';
import type { DataQualityReport, DataQualityStats, DomainClassifierReport, DomainClassifierStats, Summary } from '../report/types.ts';

export function decideQuality(q: DataQualityStats, t: Thresholds): { report: DataQualityReport; reasons: Summary['reasons'] } {
  const above = (share: number, limit: number | null) => limit !== null && share > limit;
  const unseen = q.unseen_categories.map((u) => ({ ...u, drifted: above(u.share, t.unseen_share) }));
  const range = q.out_of_range.map((o) => ({ ...o, drifted: above(o.share, t.out_of_range_share) }));
  const dup = q.duplicates.production;
  const dupDrifted = dup !== null && above(dup.share, t.duplicate_share);
  const reasons: Summary['reasons'] = [];
  const list = (items: { name: string; share: number }[]) => {
    const sorted = [...items].sort((a, b) => b.share - a.share);
    const more = sorted.length > 5 ? ` and ${sorted.length - 5} more` : '';
    return (
      sorted
        .slice(0, 5)
        .map((i) => `${i.name} (${pct(i.share)})`)
        .join(', ') + more
    );
  };
  const flaggedUnseen = unseen.filter((u) => u.drifted);
  if (flaggedUnseen.length) {
    reasons.push({
      rule: 'unseen_share',
      message: `production values in categories unseen in the reference above ${pct(t.unseen_share!)} on ${list(flaggedUnseen)}`,
    });
  }
  const flaggedRange = range.filter((o) => o.drifted);
  if (flaggedRange.length) {
    reasons.push({
      rule: 'out_of_range_share',
      message: `production values outside the reference's range above ${pct(t.out_of_range_share!)} on ${list(flaggedRange)}`,
    });
  }
  if (dupDrifted) {
    reasons.push({
      rule: 'duplicate_share',
      message: `${pct(dup.share)} of production rows are duplicates (${dup.duplicates} of ${dup.rows}), more than ${pct(t.duplicate_share!)}`,
    });
  }
  return {
    report: { ...q, unseen_categories: unseen, out_of_range: range, duplicates: { ...q.duplicates, drifted: dupDrifted } },
    reasons,
  };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** The domain classifier's flag: AUC strictly above thresholds.domain_auc. */
export function decideDomain(d: DomainClassifierStats, t: Thresholds): { report: DomainClassifierReport; reasons: Summary['reasons'] } {
  const drifted = d.auc !== null && d.auc > t.domain_auc;
  const top = d.top_features
    .slice(0, 3)
    .map((f) => f.name)
    .join(', ');
  const ci = d.auc_ci ? ` (95% CI ${d.auc_ci[0].toFixed(3)}-${d.auc_ci[1].toFixed(3)})` : '';
  return {
    report: { ...d, threshold: t.domain_auc, drifted },
    reasons: drifted
      ? [
          {
            rule: 'domain_auc',
            message: `a classifier tells production rows from reference rows with AUC ${d.auc!.toFixed(3)}${ci}, above ${t.domain_auc}; it relies most on ${top}`,
          },
        ]
      : [],
  };
}
