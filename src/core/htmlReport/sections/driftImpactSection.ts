import { fmt } from '../formatValue.ts';
import { html } from '../html.ts';
import type { ReportSection } from './section.ts';

/** Drift that matters: absent when the run had no model to weigh the drift scores with. */
export const driftImpactSection: ReportSection = {
  id: 'drift-impact',
  title: 'Drift that matters',
  render: ({ report }) => {
    const d = report.drift_impact;
    if (!d) return null;
    return html`<p class="caption">
        Features ranked by drift score × the model's importance (${d.method}, on ${d.rows} reference
        rows${d.sampled ? `, sampled from more, at most ${d.max_rows}, seed ${d.seed}` : ''}).
      </p>
      ${
        d.features.length
          ? html`<table>
              <thead>
                <tr>
                  <th scope="col">Feature</th>
                  <th scope="col">Drift score</th>
                  <th scope="col">Importance</th>
                  <th scope="col">Weighted</th>
                </tr>
              </thead>
              <tbody>
                ${d.features.map(
                  (f) =>
                    html`<tr>
                      <th scope="row">${f.name}</th>
                      <td>${fmt(f.drift_score)}</td>
                      <td>${fmt(f.importance)}</td>
                      <td>${fmt(f.weighted)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p>No feature to rank.</p>`
      }`;
  },
};
