/**
 * The self-contained HTML report: the JSON report, bounded plot data, the inputs and the config in,
 * one HTML string out. No script, no external resource (a CSP meta tag forbids every request), static
 * SVG charts, print CSS. Deterministic: the same input gives the same bytes (no clock, no random ids),
 * so the CLI and the dashboard write the same file for the same run.
 */
import { html, join, raw } from './html.ts';
import { SECTIONS } from './sections/sections.ts';
import { STYLES } from './styles.ts';
import type { HtmlReportInput } from './types.ts';

/** default-src 'none' blocks every fetch, image, font, frame and script; only inline styles are allowed. */
export const HTML_REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function renderHtmlReport(input: HtmlReportInput): string {
  const { report } = input;
  const rendered = SECTIONS.map((s) => ({ s, body: s.render(input) })).filter((x) => x.body !== null);
  const nav = html`<nav>
    <ul>
      ${rendered.map(({ s }) => html`<li><a href="#${s.id}">${s.title}</a></li>`)}
    </ul>
  </nav>`;
  const sections = join(
    rendered.map(
      ({ s, body }) =>
        html`<section id="${s.id}">
          <h2>${s.title}</h2>
          ${body}
        </section> `,
    ),
  );
  const title = `Drift report: ${report.summary.overall_drift ? 'drift detected' : 'no drift'}`;
  return html`<!DOCTYPE html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${HTML_REPORT_CSP}" />
        <meta name="referrer" content="no-referrer" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>${title}</title>
        <style>
          ${raw(STYLES)}
        </style>
      </head>
      <body>
        <header>
          <h1>${title}</h1>
          <p class="note">
            ${report.tool.name} ${report.tool.version}, report schema ${report.schema_version}, generated ${report.generated_at}
          </p>
        </header>
        ${nav} ${sections}
      </body>
    </html> `.text;
}
