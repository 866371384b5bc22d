import type { MeasuredPerformance, EstimatedPerformance } from '../../report/types.ts';
import { fmt, pct } from '../formatValue.ts';
import { html, type Markup } from '../html.ts';
import type { ReportSection } from './section.ts';

function confusionMatrix(title: string, classes: readonly string[], m: readonly (readonly number[])[]): Markup {
  return html`<table class="confusion">
    <caption>
      ${title} (rows: true class, columns: predicted)
    </caption>
    <thead>
      <tr>
        <th scope="col"></th>
        ${classes.map((c) => html`<th scope="col">${c}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${m.map(
        (row, i) =>
          html`<tr>
            <th scope="row">${classes[i] ?? String(i)}</th>
            ${row.map((v) => html`<td>${fmt(v)}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function metricsRow(name: string, p: MeasuredPerformance | EstimatedPerformance | null): Markup {
  if (!p)
    return html`<tr>
      <th scope="row">${name}</th>
      <td colspan="4">–</td>
    </tr>`;
  return html`<tr>
    <th scope="row">${name}${p.estimated ? ' (estimated, no labels)' : ''}</th>
    <td>${p.rows}</td>
    <td>${fmt(p.accuracy)}</td>
    <td>${fmt(p.f1)}</td>
    <td>${'roc_auc' in p ? fmt(p.roc_auc) : '–'}</td>
  </tr>`;
}

export const performanceSection: ReportSection = {
  id: 'performance',
  title: 'Model performance',
  render: ({ report }) => {
    const p = report.performance;
    if (!p) return html`<p>No model or prediction columns in this run.</p>`;
    const est = p.production?.estimated ? p.production : null;
    return html`<p>
        Source: ${p.source}. Classes: ${p.classes.join(', ')}${p.positive_class !== null ? `; positive class ${p.positive_class}` : ''}. F1:
        ${p.f1_average}.
      </p>
      ${p.class_mapping ? html`<p>${p.class_mapping}</p>` : null}${p.note ? html`<p class="note">${p.note}</p>` : null}
      <p class="${p.alert ? 'drift' : 'ok'}">
        F1 drop ${fmt(p.f1_drop)} (threshold ${fmt(p.f1_drop_threshold)}): ${p.alert ? 'alert' : 'no alert'}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col"></th>
            <th scope="col">Rows</th>
            <th scope="col">Accuracy</th>
            <th scope="col">F1</th>
            <th scope="col">ROC AUC</th>
          </tr>
        </thead>
        <tbody>
          ${metricsRow('Baseline (reference)', p.baseline)}${metricsRow('Production', p.production)}
        </tbody>
      </table>
      ${
        est
          ? html`<h3>Label-free estimate (${est.method})</h3>
              <p>
                Accuracy ${fmt(est.accuracy)} (band ${fmt(est.accuracy_band[0])} – ${fmt(est.accuracy_band[1])}, ${est.band_method});
                calibration: ${est.calibration}.
              </p>
              <p class="${est.estimate_reliable ? 'ok' : 'drift'}">
                Estimate ${est.estimate_reliable ? 'reliable' : 'not reliable'}${est.reliability_reasons.length ? ':' : '.'}
              </p>
              ${
                est.reliability_reasons.length
                  ? html`<ul>
                      ${est.reliability_reasons.map((r) => html`<li>${r}</li>`)}
                    </ul>`
                  : null
              }${
                est.label_shift_adjusted
                  ? html`<p>
                      Label-shift adjusted (${est.label_shift_adjusted.method}): accuracy ${fmt(est.label_shift_adjusted.accuracy)},
                      positive share ${pct(est.label_shift_adjusted.reference_positive_share)} →
                      ${pct(est.label_shift_adjusted.production_positive_share)}.
                    </p>`
                  : null
              }`
          : null
      }
      <div class="grid">
        ${p.baseline ? confusionMatrix('Baseline confusion matrix', p.classes, p.baseline.confusion_matrix) : null}${
          p.production
            ? confusionMatrix(
                `Production confusion matrix${p.production.estimated ? ' (expected counts)' : ''}`,
                p.classes,
                p.production.confusion_matrix,
              )
            : null
        }
      </div>
      ${
        p.prediction_drift.length
          ? html`<h3>Prediction drift</h3>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Output</th>
                    <th scope="col">Type</th>
                    <th scope="col">Drift score</th>
                    <th scope="col">Flag</th>
                  </tr>
                </thead>
                <tbody>
                  ${p.prediction_drift.map(
                    (f) =>
                      html`<tr>
                        <th scope="row">${f.name}</th>
                        <td>${f.type}</td>
                        <td>${fmt(f.drift_score)}</td>
                        <td>${f.drifted ? 'drifted' : 'ok'}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
          : null
      }${
        p.warnings.length
          ? html`<ul>
              ${p.warnings.map((w) => html`<li>${w}</li>`)}
            </ul>`
          : null
      }`;
  },
};
