import type { Decided } from '../../stattests/driftTest.ts';
import { resultOf, thresholdOf, thresholdOrder } from '../../stattests/registry.ts';
import { testsIn } from '../../stattests/testChoice.ts';
import type { FeatureReport } from '../../report/types.ts';
import { fmt } from '../formatValue.ts';
import { html, type Markup } from '../html.ts';
import type { ReportSection } from './section.ts';

/** The sketch error bound a test's results carry on approximate (profile) features. */
const APPROXIMATE_BOUND: Record<string, { key: 'ks_statistic_bound' | 'psi_bin_share_bound'; what: string }> = {
  ks: { key: 'ks_statistic_bound', what: 'D' },
  psi: { key: 'psi_bin_share_bound', what: 'bin shares' },
};

/**
 * One table per test the report's features hold (testsIn: the defaults and any chosen test, as the
 * dashboard's tables), so a new test appears here with no change; rows sorted as the dashboard first
 * shows them. A p-value test with an effect size gets its column, "significant but negligible" when
 * the p-value is below its threshold but the effect is below thresholds.min_effect (not flagged).
 */
export const testTablesSection: ReportSection = {
  id: 'tests',
  title: 'Test results',
  render: ({ report }) => {
    const t = report.settings.thresholds;
    const tables: Markup[] = thresholdOrder(testsIn(report.features)).map((test) => {
      const decided = (f: FeatureReport) => resultOf(test, f) as Decided<object>;
      const fields = test.fields.filter((f) => f.label !== null && (!f.shownWhen || f.shownWhen(t)));
      const sortField = test.fields.find((f) => f.key === test.table.sort.key);
      const dir = test.table.sort.direction === 'ascending' ? 1 : -1;
      const rows = report.features.filter((f) => resultOf(test, f) !== null);
      if (sortField)
        rows.sort((a, b) => {
          const va = sortField.value(decided(a), a);
          const vb = sortField.value(decided(b), b);
          if (typeof va === 'number' && typeof vb === 'number' && va !== vb) return (va - vb) * dir;
          return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
        });
      const bound = APPROXIMATE_BOUND[test.id];
      const approx = bound !== undefined && rows.some((f) => f.approximate);
      const effect = test.comparison === 'p_value' ? test.effect : undefined;
      const effectCell = (f: FeatureReport) => {
        const d = decided(f);
        const v = fmt(d.effect_size ?? null);
        return d.negligible ? `${v} (significant but negligible)` : v;
      };
      const cell = (field: (typeof fields)[number], f: FeatureReport) => {
        const d = decided(f);
        if (field.text) return field.text(d, f, (x) => fmt(x));
        const v = field.value(d, f);
        return typeof v === 'number' || v === null ? fmt(v) : v;
      };
      const body = rows.map(
        (f) =>
          html`<tr${decided(f).drifted ? html` class="flagged"` : null}><th scope="row">${f.name}</th>${fields.map((field) => html`<td>${cell(field, f)}</td>`)}${
            approx
              ? html`<td>${f.approximate ? `≈ approximate (sketch): ${bound.what} ±${fmt(f.approximate[bound.key])}` : 'exact'}</td>`
              : null
          }${effect ? html`<td>${effectCell(f)}</td>` : null}<td>${decided(f).drifted ? 'drifted' : 'ok'}</td></tr>`,
      );
      return html`<h3 id="${test.table.id}">${test.table.heading}</h3>
        <p class="caption">${test.table.caption.replace(/\.?$/, '.')} Threshold ${test.threshold.key} = ${fmt(thresholdOf(test, t))}.</p>
        ${
          rows.length
            ? html`<table>
                <thead>
                  <tr>
                    <th scope="col">Feature</th>
                    ${fields.map((f) => html`<th scope="col">${f.label}</th>`)}${approx ? html`<th scope="col">Exactness</th>` : null}${
                      effect ? html`<th scope="col">Effect (${effect.measure})</th>` : null
                    }
                    <th scope="col">Flag</th>
                  </tr>
                </thead>
                <tbody>
                  ${body}
                </tbody>
              </table>`
            : html`<p>${test.table.empty}</p>`
        }`;
    });
    return html`${tables}`;
  },
};
