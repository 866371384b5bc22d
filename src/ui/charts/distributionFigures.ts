import type { FeatureDistribution, NumericalDistribution } from '../../core/distribution/types.ts';
import type { Figure } from './driftScoreFigure.ts';
import { palette } from './palette.ts';
import { plotlyLabel, plotlyText } from './plotlyText.ts';
import { baseLayout, BOTTOM_MARGIN, fixedAxis, LINE_PX, rotatedExtent, TITLE_CHARS, TOP_MARGIN, textWidth } from './chartLayout.ts';

/** Left: the y tick labels ("100%", "0.8") and the y title; right: half a number tick label past the axis end. */
const MARGIN = { l: 55, r: 20, t: TOP_MARGIN, b: BOTTOM_MARGIN };
const base = {
  ...baseLayout,
  margin: MARGIN,
  height: 360,
};
/** Margins are fixed (see chartLayout.ts): Plotly does not measure the labels and draw again. */
const axis = fixedAxis;
/** Categorical tick labels turn by this much when many or long. */
const TICK_ANGLE = 35;
/** The narrowest a category's slot gets in practice (px): later labels start that much further right. */
const MIN_SLOT = 12;

/** The x axis title: the feature's name (shortened to fit a phone-width figure), and the scale. */
function axisTitle(feature: string, log: boolean): string {
  const suffix = ' (log scale)';
  return log ? `${plotlyLabel(feature, TITLE_CHARS - suffix.length)}${suffix}` : plotlyLabel(feature, TITLE_CHARS);
}

/** A bin edge for the hover: 4 significant digits. */
function fmt(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

/** Options of the explorer's charts. */
export interface ScaleOptions {
  /** Log x axis (numerical features; the histogram then uses the log-spaced bins). */
  log?: boolean;
}

/**
 * Reference and production shares on shared bins (numerical: overlaid; categorical: grouped bars).
 * With `log` (and log bins available) the histogram is drawn on its log-spaced bins on a log x axis.
 * Each bar is given its arithmetic centre and its width, so it spans exactly [edge, next edge] on
 * either axis type; the hover shows the bin's range.
 */
export function sharesFigure(d: FeatureDistribution, opts: ScaleOptions = {}): Figure {
  const name = plotlyLabel(d.feature, TITLE_CHARS);
  if (d.kind === 'numerical') {
    const log = opts.log === true && d.logHistogram !== null;
    const { edges, reference, production } = log ? d.logHistogram! : d.histogram;
    const centers = reference.map((_, i) => (edges[i] + edges[i + 1]) / 2);
    const widths = reference.map((_, i) => edges[i + 1] - edges[i] || 1);
    const ranges = reference.map((_, i) => `${fmt(edges[i])} – ${fmt(edges[i + 1])}`);
    const trace = (label: string, y: number[], color: string) => ({
      type: 'bar',
      name: label,
      x: centers,
      y,
      width: widths,
      customdata: ranges,
      marker: { color, opacity: 0.55, line: { color, width: 1 } },
      hovertemplate: `${label}: %{y:.1%}<br>bin %{customdata}<extra></extra>`,
    });
    return {
      data: [trace('reference', reference, palette.reference), trace('production', production, palette.production)],
      layout: {
        ...base,
        barmode: 'overlay',
        bargap: 0,
        xaxis: { ...axis, type: log ? 'log' : 'linear', title: { text: axisTitle(d.feature, log) } },
        yaxis: { ...axis, title: { text: 'share of rows' }, tickformat: '.0%' },
      },
    };
  }
  const labels = d.categories.map((c) => plotlyLabel(c, 18));
  const full = d.categories.map((c) => plotlyText(c));
  if (d.other) {
    labels.push(`(${d.other.categories} more)`);
    full.push(`${d.other.categories} other categories`);
  }
  const x = labels.map((_, i) => i);
  const angled = labels.length > 6 && d.categories.some((c) => c.length > 3);
  const widths = labels.map((l) => textWidth(l));
  let margin: typeof MARGIN = MARGIN;
  if (angled) {
    // A turned label hangs down and to the left of its tick: room below, and left of the first ones.
    const ext = widths.map((w) => rotatedExtent(w, TICK_ANGLE));
    const across = Math.max(...ext.map((e) => e.across));
    const along = Math.max(...ext.map((e, i) => e.along - i * MIN_SLOT));
    margin = { ...MARGIN, l: Math.max(MARGIN.l, along + 8), b: BOTTOM_MARGIN - LINE_PX + across };
  } else if (widths.length > 0) {
    // A level label is centred on its tick: the outer ones may reach past the plot's edges.
    margin = {
      ...MARGIN,
      l: Math.max(MARGIN.l, Math.ceil(widths[0] / 2) + 4),
      r: Math.max(MARGIN.r, Math.ceil(widths[widths.length - 1] / 2) + 4),
    };
  }
  const trace = (label: string, y: number[], color: string) => ({
    type: 'bar',
    name: label,
    x,
    y,
    customdata: full,
    marker: { color },
    hovertemplate: `%{customdata}<br>${label}: %{y:.1%}<extra></extra>`,
  });
  const other = d.other;
  return {
    data: [
      trace('reference', other ? [...d.reference, other.reference] : d.reference, palette.reference),
      trace('production', other ? [...d.production, other.production] : d.production, palette.production),
    ],
    layout: {
      ...base,
      margin,
      barmode: 'group',
      xaxis: {
        ...axis,
        tickmode: 'array',
        tickvals: x,
        ticktext: labels,
        tickangle: angled ? -TICK_ANGLE : 0,
        title: { text: name },
      },
      yaxis: { ...axis, title: { text: 'share of rows' }, tickformat: '.0%' },
    },
  };
}

/**
 * The two ECDFs as steps, with the KS distance drawn as a vertical segment where they are furthest apart.
 * With `log` (all values > 0) the x axis is logarithmic.
 */
export function ecdfFigure(d: NumericalDistribution, opts: ScaleOptions = {}): Figure {
  const log = opts.log === true && d.logHistogram !== null;
  const line = (label: string, pts: { x: number[]; y: number[] }, color: string) => ({
    type: 'scatter',
    mode: 'lines',
    name: label,
    x: pts.x,
    y: pts.y,
    line: { shape: 'hv', color, width: 2 },
    hovertemplate: `${label}: F(%{x:.4g}) = %{y:.3f}<extra></extra>`,
  });
  const data: object[] = [
    line('reference', d.ecdf.reference, palette.reference),
    line('production', d.ecdf.production, palette.production),
  ];
  const annotations: object[] = [];
  if (d.ks) {
    data.push({
      type: 'scatter',
      mode: 'lines+markers',
      name: `KS distance ${d.ks.distance.toFixed(3)}`,
      x: [d.ks.x, d.ks.x],
      y: [d.ks.reference, d.ks.production],
      line: { color: palette.drifted, width: 3 },
      marker: { color: palette.drifted, size: 7, symbol: 'diamond' },
      hovertemplate: `KS D = ${d.ks.distance.toFixed(4)} at x = %{x:.4g}<extra></extra>`,
    });
    annotations.push({
      // Annotations on a log axis take log10 of the position (traces take the value itself).
      x: log ? Math.log10(d.ks.x) : d.ks.x,
      y: (d.ks.reference + d.ks.production) / 2,
      text: `D = ${d.ks.distance.toFixed(3)}`,
      showarrow: true,
      arrowhead: 0,
      ax: 40,
      ay: 0,
      font: { color: palette.drifted },
    });
  }
  return {
    data,
    layout: {
      ...base,
      xaxis: {
        ...axis,
        type: log ? 'log' : 'linear',
        title: { text: axisTitle(d.feature, log) },
      },
      yaxis: { ...axis, title: { text: 'cumulative share' }, range: [0, 1.02] },
      annotations,
    },
  };
}
