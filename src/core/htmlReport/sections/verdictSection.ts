import { html } from '../html.ts';
import type { ReportSection } from './section.ts';

export const verdictSection: ReportSection = {
  id: 'verdict',
  title: 'Verdict',
  render: ({ report }) => {
    const s = report.summary;
    return html`<p class="verdict ${s.overall_drift ? 'drift' : 'ok'}">
        ${s.overall_drift ? 'Drift detected' : 'No drift'}: ${s.drifted} of ${s.features} features drifted
      </p>
      ${
        s.reasons.length
          ? html`<ul class="reasons">
              ${s.reasons.map((r) => html`<li><strong>${r.rule}</strong>: ${r.message}</li>`)}
            </ul>`
          : html`<p>No verdict rule fired.</p>`
      }${s.drifted_features.length ? html`<p>Drifted features: ${s.drifted_features.join(', ')}</p>` : null}`;
  },
};
