import type { Markup } from '../html.ts';
import type { HtmlReportInput } from '../types.ts';

/** One section of the HTML report: its anchor id, heading and body; null body = the section is left out. */
export interface ReportSection {
  id: string;
  title: string;
  render: (input: HtmlReportInput) => Markup | null;
}
