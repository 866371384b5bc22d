import type { Thresholds } from '../../config/types.ts';
import { fmt, pct } from '../formatValue.ts';
import { html, type Markup } from '../html.ts';
import type { ReportSection } from './section.ts';

/** "threshold 5.0%" or, when the threshold is null, that the figure is reported without a flag. */
function limit(key: keyof Thresholds, t: Thresholds): string {
  const v = t[key];
  return typeof v === 'number' ? `Flagged above thresholds.${key} = ${pct(v)}.` : `thresholds.${key} is not set: reported, never flagged.`;
}

function table(head: readonly string[], rows: readonly Markup[], empty: string): Markup {
  return rows.length
    ? html`<table>
        <thead>
          <tr>
            ${head.map((h) => html`<th scope="col">${h}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>`
    : html`<p>${empty}</p>`;
}

const flag = (drifted: boolean) => (drifted ? 'drifted' : 'ok');

/** Absent when the run had no data-quality section. */
export const dataQualitySection: ReportSection = {
  id: 'data-quality',
  title: 'Data quality',
  render: ({ report }) => {
    const q = report.data_quality;
    if (!q) return null;
    const t = report.settings.thresholds;
    const dup = q.duplicates;
    const dupRow = (side: string, d: typeof dup.reference) =>
      html`<tr>
        <th scope="row">${side}</th>
        <td>${d ? `${d.duplicates} of ${d.rows} (${pct(d.share)})` : 'not available'}</td>
      </tr>`;
    return html`<h3>Type changes</h3>
      ${table(
        ['Column', 'Reference', 'Production', 'Why'],
        q.type_changes.map(
          (c) =>
            html`<tr class="flagged">
              <th scope="row">${c.name}</th>
              <td>${c.reference}</td>
              <td>${c.production}</td>
              <td>reference: ${c.reference_reason}; production: ${c.production_reason}</td>
            </tr>`,
        ),
        'Every column has the same type in both files.',
      )}
      <h3>Unseen categories</h3>
      <p class="caption">
        Production values in categories the reference does not have. ${limit('unseen_share', t)} Overall:
        ${q.unseen_overall_share === null ? '–' : pct(q.unseen_overall_share)}.
      </p>
      ${table(
        ['Feature', 'Values', 'Share', 'Categories (most frequent first)', 'Flag'],
        q.unseen_categories.map(
          (u) =>
            html`<tr${u.drifted ? html` class="flagged"` : null}>
              <th scope="row">${u.name}</th>
              <td>${u.count} of ${u.production_values}</td>
              <td>${pct(u.share)}</td>
              <td>${u.categories.join(', ')}</td>
              <td>${flag(u.drifted)}</td>
            </tr>`,
        ),
        'No production value in an unseen category.',
      )}
      <h3>Out of range</h3>
      <p class="caption">Production values outside the reference's [min, max]. ${limit('out_of_range_share', t)}</p>
      ${table(
        ['Feature', 'Reference range', 'Below', 'Above', 'Share', 'Flag'],
        q.out_of_range.map(
          (o) =>
            html`<tr${o.drifted ? html` class="flagged"` : null}>
              <th scope="row">${o.name}</th>
              <td>[${fmt(o.reference_min)}, ${fmt(o.reference_max)}]</td>
              <td>${o.below}</td>
              <td>${o.above}</td>
              <td>${pct(o.share)}${o.approximate ? ' (≈ approximate, sketch)' : ''}</td>
              <td>${flag(o.drifted)}</td>
            </tr>`,
        ),
        'No production value outside the reference range.',
      )}
      <h3>Constant columns</h3>
      ${table(
        ['Column', 'Constant in reference', 'Constant in production'],
        q.constant_columns.map(
          (c) =>
            html`<tr>
              <th scope="row">${c.name}</th>
              <td>${c.reference ? 'yes' : 'no'}</td>
              <td>${c.production ? 'yes' : 'no'}</td>
            </tr>`,
        ),
        'No column has a single value.',
      )}
      <h3>Duplicate rows</h3>
      <p class="caption">Rows equal to an earlier row in every column read. ${limit('duplicate_share', t)}</p>
      <table>
        <tbody>
          ${dupRow('Reference', dup.reference)}${dupRow('Production', dup.production)}
          <tr>
            <th scope="row">Flag</th>
            <td>${flag(dup.drifted)}</td>
          </tr>
        </tbody>
      </table>
      ${dup.ignored_columns.length ? html`<p>Left out of the comparison: ${dup.ignored_columns.join(', ')}.</p>` : null}
      ${dup.note ? html`<p>${dup.note}</p>` : null}`;
  },
};
