import type { WindowResult } from '../../windows/types.ts';
import { html, type Markup } from '../html.ts';
import { fmt, px } from '../formatValue.ts';
import { ALERT_COLOR } from './colors.ts';

const LABEL = 160;
const ROW = 14;
const WIDTH = 900;
/**
 * Light to dark blue in five steps for the drift score (0, 0.05, 0.1, 0.2, 0.3 and above): one hue
 * whose lightness carries the value, readable under every colour-vision deficiency and in grey print.
 */
const STEPS: [number, string][] = [
  [0.3, '#08306B'],
  [0.2, '#2171B5'],
  [0.1, '#6BAED6'],
  [0.05, '#C6DBEF'],
  [0, '#F7FBFF'],
];

function colourOf(score: number | null): string {
  if (score === null) return '#FFFFFF';
  return STEPS.find(([at]) => score >= at)![1];
}

/**
 * The windows x features heatmap: one column per window in order, one row per feature, the drift score
 * as the cell's shade, a vermillion mark on flagged cells, too-small windows faded. Each cell's
 * <title> holds its values (shown on hover by any viewer, no script). Static SVG; names are escaped text.
 */
export function windowsHeatmap(windows: readonly WindowResult[]): Markup {
  const names = windows.find((w) => w.features.length)?.features.map((f) => f.name) ?? [];
  const cell = Math.max(1, Math.min(14, Math.floor(WIDTH / Math.max(1, windows.length))));
  const height = names.length * ROW + 40;
  const width = LABEL + windows.length * cell + 10;
  const rows = names.map((name, r) => {
    const label = name.length > 24 ? `${name.slice(0, 23)}…` : name;
    return html`<text x="${LABEL - 6}" y="${px(20 + r * ROW + 10)}" text-anchor="end">${label}</text>`;
  });
  const cells = windows.flatMap((w, c) =>
    w.features.map((f) => {
      const r = names.indexOf(f.name);
      if (r < 0) return html``;
      const x = LABEL + c * cell;
      const y = 20 + r * ROW;
      return html`<g opacity="${w.too_small ? '0.35' : '1'}"
        ><title>${w.label} ${f.name}: ${fmt(f.drift_score, 3)}${f.drifted ? ' (drifted)' : ''}${w.too_small ? ' (too small)' : ''}</title
        ><rect x="${x}" y="${y}" width="${cell}" height="${ROW - 1}" fill="${colourOf(f.drift_score)}" />${
          f.drifted ? html`<rect x="${x}" y="${y + ROW - 4}" width="${cell}" height="3" fill="${ALERT_COLOR}" />` : html``
        }</g
      >`;
    }),
  );
  const legend = STEPS.slice()
    .reverse()
    .map(
      ([at, colour], i) =>
        html`<rect x="${LABEL + i * 70}" y="${height - 12}" width="10" height="9" fill="${colour}" stroke="#999" /><text
            x="${LABEL + i * 70 + 14}"
            y="${height - 4}"
            >≥ ${fmt(at)}</text
          >`,
    );
  return html`<svg
    class="chart"
    role="img"
    aria-label="Drift score per window and feature"
    viewBox="0 0 ${width} ${height}"
    width="${width}"
    height="${height}"
  >
    <text x="${LABEL}" y="12">Drift score per window (columns, in order) and feature (rows); red bar: flagged</text>
    ${rows} ${cells} ${legend}
    <rect x="${LABEL + 360}" y="${height - 12}" width="10" height="3" fill="${ALERT_COLOR}" />
    <text x="${LABEL + 374}" y="${height - 4}">flagged; faded: too small</text>
  </svg>`;
}
