import { html } from '../html.ts';
import type { ReportSection } from './section.ts';

export const configSection: ReportSection = {
  id: 'config',
  title: 'Config used',
  render: ({ configText }) => html`<pre>${configText}</pre>`,
};
