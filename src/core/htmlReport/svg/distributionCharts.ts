import type { CategoricalDistribution, EcdfPoints, NumericalDistribution } from '../../distribution/types.ts';
import { html, type Markup } from '../html.ts';
import { fmt, px } from '../formatValue.ts';
import { PRODUCTION_COLOR, REFERENCE_COLOR } from './colors.ts';

const W = 250;
const H = 150;
const M = { left: 34, right: 8, top: 8, bottom: 22 };
const PW = W - M.left - M.right;
const PH = H - M.top - M.bottom;

function frame(label: string, body: Markup | Markup[], xLo: string, xHi: string, yHi: string): Markup {
  return html`<svg class="mini" role="img" aria-label="${label}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">
    <rect x="${M.left}" y="${M.top}" width="${PW}" height="${PH}" fill="none" stroke="#bbb" />
    ${body}
    <text x="${M.left}" y="${H - 6}">${xLo}</text>
    <text x="${W - M.right}" y="${H - 6}" text-anchor="end">${xHi}</text>
    <text x="${M.left - 3}" y="${M.top + 8}" text-anchor="end">${yHi}</text>
    <text x="${M.left - 3}" y="${M.top + PH}" text-anchor="end">0</text>
  </svg>`;
}

/** Reference and production shares on shared bins, as two step outlines (both stay visible where they overlap). */
export function histogramChart(d: NumericalDistribution): Markup {
  // A highly right-skewed positive feature is drawn on log bins, as the dashboard's explorer opens it.
  const h = logScale(d) ? d.logHistogram! : d.histogram;
  const k = h.reference.length;
  if (k === 0) return html`<p class="note">No values to plot.</p>`;
  const top = Math.max(...h.reference, ...h.production, 1e-12);
  const x = (i: number) => M.left + (i / k) * PW;
  const y = (s: number) => M.top + PH - (s / top) * PH;
  const path = (shares: readonly number[]) => {
    let p = `M${px(x(0))} ${px(y(0))}`;
    shares.forEach((s, i) => (p += `V${px(y(s))}H${px(x(i + 1))}`));
    return `${p}V${px(y(0))}`;
  };
  const body = [
    html`<path d="${path(h.reference)}" fill="${REFERENCE_COLOR}" fill-opacity="0.25" stroke="${REFERENCE_COLOR}" />`,
    html`<path d="${path(h.production)}" fill="${PRODUCTION_COLOR}" fill-opacity="0.25" stroke="${PRODUCTION_COLOR}" />`,
  ];
  return frame(
    `Histogram of ${d.feature}${logScale(d) ? ' (log bins)' : ''}`,
    body,
    fmt(h.edges[0]),
    fmt(h.edges[h.edges.length - 1]),
    `${fmt(top * 100, 3)}%`,
  );
}

/** Both ECDFs as step lines over the pooled range, the KS location as a vertical mark. */
export function ecdfChart(d: NumericalDistribution): Markup {
  const { reference, production } = d.ecdf;
  const xs = [...reference.x, ...production.x];
  if (xs.length === 0) return html`<p class="note">No values to plot.</p>`;
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const log = logScale(d) && lo > 0;
  const t = (v: number) => (log ? Math.log(v) : v);
  const span = hi > lo ? t(hi) - t(lo) : 1;
  const x = (v: number) => M.left + ((t(v) - t(lo)) / span) * PW;
  const y = (s: number) => M.top + PH - s * PH;
  const steps = (e: EcdfPoints) => {
    if (e.x.length === 0) return '';
    let p = `M${px(M.left)} ${px(y(0))}H${px(x(e.x[0]))}`;
    e.x.forEach((v, i) => (p += `H${px(x(v))}V${px(y(e.y[i]))}`));
    return `${p}H${px(M.left + PW)}`;
  };
  const ks = d.ks
    ? html`<line
        x1="${px(x(d.ks.x))}"
        x2="${px(x(d.ks.x))}"
        y1="${px(y(d.ks.reference))}"
        y2="${px(y(d.ks.production))}"
        stroke="#000"
        stroke-width="2"
        ><title>KS D ${fmt(d.ks.distance)} at ${fmt(d.ks.x)}</title></line
      >`
    : null;
  const body = [
    html`<path d="${steps(reference)}" fill="none" stroke="${REFERENCE_COLOR}" stroke-width="1.5" />`,
    html`<path d="${steps(production)}" fill="none" stroke="${PRODUCTION_COLOR}" stroke-width="1.5" stroke-dasharray="5 2" />`,
    ks ?? html``,
  ];
  return frame(`ECDF of ${d.feature}${log ? ' (log axis)' : ''}`, body, fmt(lo), fmt(hi), '1');
}

/** Category shares as paired bars (reference, production), the folded tail as "other". */
export function categoryChart(d: CategoricalDistribution): Markup {
  const cats = [...d.categories];
  const ref = [...d.reference];
  const prod = [...d.production];
  if (d.other) {
    cats.push(`other (${d.other.categories})`);
    ref.push(d.other.reference);
    prod.push(d.other.production);
  }
  if (cats.length === 0) return html`<p class="note">No values to plot.</p>`;
  const row = 14;
  const label = 110;
  const plot = 170;
  const top = Math.max(...ref, ...prod, 1e-12);
  const height = cats.length * row + 6;
  const bars = cats.map((c, i) => {
    const y0 = 3 + i * row;
    const name = c.length > 16 ? `${c.slice(0, 15)}…` : c;
    return html`<g
      ><title>${c}: reference ${fmt(ref[i] * 100, 3)}%, production ${fmt(prod[i] * 100, 3)}%</title
      ><text x="${label - 4}" y="${y0 + 10}" text-anchor="end">${name}</text
      ><rect x="${label}" y="${y0 + 1}" width="${px((ref[i] / top) * plot)}" height="5" fill="${REFERENCE_COLOR}" /><rect
        x="${label}"
        y="${y0 + 7}"
        width="${px((prod[i] / top) * plot)}"
        height="5"
        fill="${PRODUCTION_COLOR}"
    /></g>`;
  });
  return html`<svg
    class="mini"
    role="img"
    aria-label="Category shares of ${d.feature}"
    viewBox="0 0 ${label + plot + 20} ${height}"
    width="${label + plot + 20}"
    height="${height}"
  >
    ${bars}
  </svg>`;
}

/** The explorer's rule (logScaleRule.ts): all values above 0 and pooled skewness above 1. */
function logScale(d: NumericalDistribution): boolean {
  return d.logSuggested && d.logHistogram !== null;
}
