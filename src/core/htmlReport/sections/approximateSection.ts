import { fmt } from '../formatValue.ts';
import { html } from '../html.ts';
import type { ReportSection } from './section.ts';

/** Features compared through a profile's sketch: their results hold within these bounds. Absent otherwise. */
export const approximateSection: ReportSection = {
  id: 'approximate',
  title: 'Approximate features (profile sketches)',
  render: ({ report }) => {
    const rows = report.features.filter((f) => f.approximate);
    if (!rows.length) return null;
    return html`<p>
        These features were compared through a KLL sketch of a profile: their results are within the bounds below of the raw files'.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Feature</th>
            <th scope="col">KS D bound</th>
            <th scope="col">KS p-value range</th>
            <th scope="col">PSI bin share bound</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (f) =>
              html`<tr>
                <th scope="row">${f.name}</th>
                <td>±${fmt(f.approximate!.ks_statistic_bound)}</td>
                <td>${fmt(f.approximate!.ks_p_value_range[0])} – ${fmt(f.approximate!.ks_p_value_range[1])}</td>
                <td>±${fmt(f.approximate!.psi_bin_share_bound)}</td>
              </tr>`,
          )}
        </tbody>
      </table>`;
  },
};
