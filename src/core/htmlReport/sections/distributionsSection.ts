import { fmt } from '../formatValue.ts';
import { html } from '../html.ts';
import { PRODUCTION_COLOR, REFERENCE_COLOR } from '../svg/colors.ts';
import { categoryChart, ecdfChart, histogramChart } from '../svg/distributionCharts.ts';
import type { ReportSection } from './section.ts';

/** Small multiples: each feature's histogram (or category shares) and ECDFs, reference vs production. */
export const distributionsSection: ReportSection = {
  id: 'distributions',
  title: 'Distributions',
  render: ({ distributions, report }) => {
    if (distributions.length === 0) return html`<p>No distribution data for this run.</p>`;
    const drifted = new Set(report.features.filter((f) => f.drifted).map((f) => f.name));
    const legend = html`<p class="legend">
      <span class="swatch" style="background:${REFERENCE_COLOR}"></span> reference
      <span class="swatch" style="background:${PRODUCTION_COLOR}"></span> production (dashed in ECDFs); black mark: KS D location.
    </p>`;
    const cards = distributions.map(
      (d) =>
        html`<div class="card${drifted.has(d.feature) ? ' drifted' : ''}">
          <h3>${d.feature}${drifted.has(d.feature) ? ' (drifted)' : ''}</h3>
          ${
            d.kind === 'categorical'
              ? categoryChart(d)
              : html`${histogramChart(d)}${ecdfChart(d)}${
                  d.approximate !== undefined
                    ? html`<p class="note">≈ approximate (sketch): shares within ±${fmt(d.approximate)}</p>`
                    : null
                }`
          }
        </div>`,
    );
    return html`${legend}
      <div class="grid">${cards}</div>`;
  },
};
