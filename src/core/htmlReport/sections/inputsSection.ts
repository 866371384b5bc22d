import { bytes } from '../formatValue.ts';
import { html } from '../html.ts';
import type { ReportSection } from './section.ts';

export const inputsSection: ReportSection = {
  id: 'inputs',
  title: 'Inputs',
  render: ({ inputs, report }) =>
    html`<table>
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">File</th>
            <th scope="col">Size</th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          ${inputs.map(
            (f) =>
              html`<tr>
                <th scope="row">${f.role}</th>
                <td>${f.name}</td>
                <td>${bytes(f.size)}</td>
                <td><code>${f.sha256}</code></td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p>
        Reference: ${report.data.reference.rows} rows, ${report.data.reference.columns} columns. Production: ${report.data.production.rows}
        rows, ${report.data.production.columns} columns.
      </p>`,
};
