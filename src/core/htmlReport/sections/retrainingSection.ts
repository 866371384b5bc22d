import { fmt } from '../formatValue.ts';
import { html } from '../html.ts';
import type { ReportSection } from './section.ts';

/** Absent when the run had no retraining section. */
export const retrainingSection: ReportSection = {
  id: 'retraining',
  title: 'Retraining',
  render: ({ report }) => {
    const r = report.retraining;
    if (!r) return null;
    return html`<p><strong>${r.status}</strong> (${r.trigger}): ${r.message}</p>
      ${
        r.reasons.length
          ? html`<ul>
              ${r.reasons.map((x) => html`<li>${x}</li>`)}
            </ul>`
          : null
      }
      <table>
        <tbody>
          <tr>
            <th scope="row">Training data</th>
            <td>${r.training_data}</td>
          </tr>
          <tr>
            <th scope="row">Model family</th>
            <td>${r.model_family}</td>
          </tr>
          ${
            r.rows
              ? html`<tr>
                  <th scope="row">Rows</th>
                  <td>
                    train ${r.rows.train} (reference ${r.rows.train_reference}, production ${r.rows.train_production}), holdout
                    ${r.rows.holdout}
                  </td>
                </tr>`
              : null
          }${
            r.champion
              ? html`<tr>
                  <th scope="row">Champion</th>
                  <td>F1 ${fmt(r.champion.f1)}, accuracy ${fmt(r.champion.accuracy)}</td>
                </tr>`
              : null
          }${
            r.challenger
              ? html`<tr>
                  <th scope="row">Challenger</th>
                  <td>
                    ${r.challenger.family}: F1 ${fmt(r.challenger.f1)}, accuracy ${fmt(r.challenger.accuracy)}, ${r.challenger.iterations}
                    iterations${r.challenger.converged ? '' : ' (not converged)'}
                  </td>
                </tr>`
              : null
          }
          <tr>
            <th scope="row">Promoted</th>
            <td>${r.promoted ? 'yes' : 'no'}</td>
          </tr>
          ${
            r.decision
              ? html`<tr>
                  <th scope="row">Decision</th>
                  <td>${r.decision}</td>
                </tr>`
              : null
          }${
            r.model_version
              ? html`<tr>
                  <th scope="row">Model version</th>
                  <td><code>${r.model_version}</code></td>
                </tr>`
              : null
          }
          <tr>
            <th scope="row">Seed</th>
            <td>${r.seed}</td>
          </tr>
        </tbody>
      </table>`;
  },
};
