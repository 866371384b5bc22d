import { html } from '../html.ts';
import type { ReportSection } from './section.ts';

export const warningsSection: ReportSection = {
  id: 'warnings',
  title: 'Warnings',
  render: ({ report }) => {
    const errors = report.features.filter((f) => f.error).map((f) => `${f.name}: ${f.error}`);
    const all = [...report.warnings, ...errors];
    return all.length
      ? html`<ul>
          ${all.map((w) => html`<li>${w}</li>`)}
        </ul>`
      : html`<p>No warnings.</p>`;
  },
};
