import { pct } from '../formatValue.ts';
import { html } from '../html.ts';
import type { ReportSection } from './section.ts';

export const missingSection: ReportSection = {
  id: 'missing',
  title: 'Missing values and skipped columns',
  render: ({ report }) => {
    const rows = report.features.filter((f) => f.missing.reference_count > 0 || f.missing.production_count > 0);
    return html`${
        rows.length
          ? html`<table>
              <thead>
                <tr>
                  <th scope="col">Feature</th>
                  <th scope="col">Reference missing</th>
                  <th scope="col">Production missing</th>
                  <th scope="col">Flag</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (f) =>
                    html`<tr>
                      <th scope="row">${f.name}</th>
                      <td>${pct(f.missing.reference)} (${f.missing.reference_count})</td>
                      <td>${pct(f.missing.production)} (${f.missing.production_count})</td>
                      <td>${f.missing.drifted ? 'drifted' : 'ok'}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p>No missing values in the analysed features.</p>`
      }
      <h3>Skipped columns</h3>
      ${
        report.skipped.length
          ? html`<table>
              <thead>
                <tr>
                  <th scope="col">Column</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                ${report.skipped.map(
                  (s) =>
                    html`<tr>
                      <th scope="row">${s.name}</th>
                      <td>${s.reason}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p>No column was skipped.</p>`
      }`;
  },
};
