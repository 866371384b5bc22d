import { fmt, pct } from '../formatValue.ts';
import { html } from '../html.ts';
import type { ReportSection } from './section.ts';

export const kpiSection: ReportSection = {
  id: 'kpis',
  title: 'Key figures',
  render: ({ report }) => {
    const s = report.summary;
    const kpis: [string, string][] = [
      ['Features analysed', `${s.features} (${s.numerical} numerical, ${s.categorical} categorical)`],
      ['Drifted', `${s.drifted} (${pct(s.drifted_fraction)})`],
      ['Max PSI', fmt(s.max_psi)],
      ['Max KS D', fmt(s.max_ks)],
      ['Reference rows', String(report.data.reference.rows)],
      ['Production rows', String(report.data.production.rows)],
      ['Label column', report.data.label_column ?? '–'],
      ['Skipped columns', String(report.skipped.length)],
    ];
    if (report.performance?.f1_drop != null) kpis.push(['F1 drop', fmt(report.performance.f1_drop)]);
    return html`<dl class="kpis">
      ${kpis.map(
        ([k, v]) =>
          html`<div>
            <dt>${k}</dt>
            <dd>${v}</dd>
          </div>`,
      )}
    </dl>`;
  },
};
