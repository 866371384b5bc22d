import type { FeatureReport } from '../../report/types.ts';
import { html, type Markup } from '../html.ts';
import { fmt, px } from '../formatValue.ts';
import { ALERT_COLOR, NEUTRAL_COLOR } from './colors.ts';

const ROW = 16;
const LABEL = 180;
const PLOT = 420;

/**
 * Horizontal bars of each feature's drift score (KS D or total variation distance), largest first,
 * drifted features in vermillion, and the KS threshold as a dashed line. Static SVG: names are <text>
 * content, escaped like any other text.
 */
export function driftScoreChart(features: readonly FeatureReport[], ksThreshold: number): Markup {
  const rows = features
    .filter((f) => f.drift_score !== null)
    .sort((a, b) => b.drift_score! - a.drift_score! || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const top = Math.max(ksThreshold, ...rows.map((f) => f.drift_score!), 1e-9);
  const x = (v: number) => LABEL + (v / top) * PLOT;
  const height = rows.length * ROW + 34;
  const bars = rows.map((f, i) => {
    const y = 20 + i * ROW;
    const name = f.name.length > 28 ? `${f.name.slice(0, 27)}…` : f.name;
    return html`<g
      ><title>${f.name}: ${fmt(f.drift_score)}${f.drifted ? ' (drifted)' : ''}</title
      ><text x="${LABEL - 6}" y="${px(y + 11)}" text-anchor="end">${name}</text
      ><rect
        x="${LABEL}"
        y="${y + 2}"
        width="${px(x(f.drift_score!) - LABEL)}"
        height="${ROW - 4}"
        fill="${f.drifted ? ALERT_COLOR : NEUTRAL_COLOR}"
      /><text x="${px(x(f.drift_score!) + 4)}" y="${px(y + 11)}">${fmt(f.drift_score, 3)}</text></g
    >`;
  });
  const tx = px(x(ksThreshold));
  return html`<svg
    class="chart"
    role="img"
    aria-label="Drift score per feature"
    viewBox="0 0 ${LABEL + PLOT + 60} ${height}"
    width="${LABEL + PLOT + 60}"
    height="${height}"
  >
    <text x="${LABEL}" y="12">Drift score (KS D or total variation distance); dashed: KS threshold ${fmt(ksThreshold)}</text>
    ${bars}
    <line x1="${tx}" x2="${tx}" y1="16" y2="${height - 12}" stroke="${ALERT_COLOR}" stroke-dasharray="4 3" />
    <rect x="${LABEL}" y="${height - 10}" width="10" height="8" fill="${ALERT_COLOR}" />
    <text x="${LABEL + 14}" y="${height - 2}">drifted</text>
    <rect x="${LABEL + 80}" y="${height - 10}" width="10" height="8" fill="${NEUTRAL_COLOR}" />
    <text x="${LABEL + 94}" y="${height - 2}">not drifted</text>
  </svg>`;
}
