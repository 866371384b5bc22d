import { fmt, pct } from '../formatValue.ts';
import { html } from '../html.ts';
import { windowsHeatmap } from '../svg/windowsHeatmap.ts';
import type { ReportSection } from './section.ts';

/** At most this many windows listed in the table (drifted and too-small ones first come in order). */
const LISTED = 100;

/** Monitoring over time: the windows heatmap and the windows that drifted; absent without windows. */
export const windowsSection: ReportSection = {
  id: 'windows',
  title: 'Windows',
  render: ({ report }) => {
    const w = report.windowing;
    const windows = report.windows;
    if (!w || !windows) return null;
    const how =
      w.source === 'time'
        ? `by ${w.every} of ${w.column} (${w.timezone})`
        : w.source === 'rows'
          ? `every ${w.every} rows`
          : 'one per production file';
    const listed = windows.filter((x) => x.overall_drift || x.too_small).slice(0, LISTED);
    return html`<p class="caption">
        ${w.windows} windows ${how}: ${w.drifted_windows} drifted, ${w.too_small} too small (fewer than ${w.min_rows} rows).
        <strong>${w.message}</strong>.
        ${
          w.timestamps.missing + w.timestamps.unparsable > 0
            ? `${w.timestamps.missing} row(s) without a timestamp and ${w.timestamps.unparsable} unparsable are in no window.`
            : ''
        }
        ${
          w.expected_variation
            ? `Expected variation: the ${w.expected_variation.percentiles[0]}-${w.expected_variation.percentiles[1]} percentile band of each score over ${w.expected_variation.reference_windows} reference windows of ${w.expected_variation.window_rows} rows.`
            : (w.note ?? '')
        }
      </p>
      ${windowsHeatmap(windows)}
      ${
        listed.length
          ? html`<table>
              <thead>
                <tr>
                  <th scope="col">Window</th>
                  <th scope="col">Rows</th>
                  <th scope="col">Verdict</th>
                  <th scope="col">Drifted</th>
                  <th scope="col">Flagged features</th>
                </tr>
              </thead>
              <tbody>
                ${listed.map(
                  (x) =>
                    html`<tr>
                      <th scope="row">${x.label}</th>
                      <td>${fmt(x.rows)}</td>
                      <td>${x.too_small ? 'too small' : x.overall_drift ? 'drift' : 'no drift'}</td>
                      <td>${pct(x.drifted_fraction)}</td>
                      <td>
                        ${x.features
                          .filter((f) => f.drifted)
                          .map((f) => f.name)
                          .join(', ')}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p>No window drifted or was too small.</p>`
      }`;
  },
};
