import { fmt } from '../formatValue.ts';
import { html } from '../html.ts';
import type { ReportSection } from './section.ts';

/** Absent when the run had no domain classifier (domain_classifier.enabled false). */
export const domainClassifierSection: ReportSection = {
  id: 'domain-classifier',
  title: 'Domain classifier',
  render: ({ report }) => {
    const d = report.domain_classifier;
    if (!d) return null;
    const ran = d.auc !== null;
    return html`<p class="caption">
        A classifier telling production rows from reference rows (${d.folds}-fold cross-validation, seed ${d.seed}): an AUC near 0.5 means
        the files look alike. Flagged above thresholds.domain_auc = ${fmt(d.threshold)}.
      </p>
      ${
        ran
          ? html`<p${d.drifted ? html` class="flagged"` : null}>
              <strong>AUC ${fmt(d.auc)}</strong>${d.auc_ci ? ` (95% interval ${fmt(d.auc_ci[0])} – ${fmt(d.auc_ci[1])})` : ''}:
              ${d.drifted ? 'drifted' : 'ok'}. Rows: reference ${d.rows.reference}, production ${d.rows.production}${
                d.sampled ? ` (sampled, at most ${d.max_rows} per file)` : ''
              }.
            </p>`
          : html`<p>It did not run.</p>`
      }
      ${d.note ? html`<p>${d.note}</p>` : null}
      ${
        d.top_features.length
          ? html`<table>
              <thead>
                <tr>
                  <th scope="col">Feature</th>
                  <th scope="col">Importance (share of splits)</th>
                </tr>
              </thead>
              <tbody>
                ${d.top_features.map(
                  (f) =>
                    html`<tr>
                      <th scope="row">${f.name}</th>
                      <td>${fmt(f.importance)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : null
      }`;
  },
};
