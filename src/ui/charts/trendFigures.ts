/**
 * The over-time charts (windows of one run, or runs in the History): a windows x features heatmap of
 * drift scores, a per-feature trend line with the threshold and the expected-variation band, the
 * drifted share per window, and performance per window.
 *
 * The heatmap is drawn on one canvas (HeatmapCanvas.svelte) from heatmapCells(): a Plotly heatmap of
 * 365 x 20 cells took 130-700 ms of main-thread time per render here (layout, axes, auto-margins and
 * hover data), a canvas a few ms. The other charts are Plotly figures. Axes use numeric positions with
 * a thinned list of tick labels. Every file-derived string in a Plotly figure passes plotlyText.
 */
import type { ScoreBand } from '../../core/windows/types.ts';
import type { Figure } from './driftScoreFigure.ts';
import { baseLayout, fixedAxis, TOP_MARGIN } from './chartLayout.ts';
import { palette } from './palette.ts';
import { plotlyLabel, plotlyText } from './plotlyText.ts';
import type { TrendPoint } from './trendSeries.ts';

/**
 * Past this many windows a chart draws no SVG element per window (Plotly styles each marker and bar on
 * its own: for 365 windows most of a render's ~200 ms main-thread task on a loaded machine).
 */
const MANY = 120;

/** At most this many tick labels on the time axis (the hover names every window). */
const MAX_TICKS = 8;

/** Tick positions and labels for `labels` along a numeric axis, thinned to MAX_TICKS. */
export function timeTicks(labels: readonly string[]): { tickmode: 'array'; tickvals: number[]; ticktext: string[]; tickangle: number } {
  const step = Math.max(1, Math.ceil(labels.length / MAX_TICKS));
  const tickvals: number[] = [];
  for (let i = 0; i < labels.length; i += step) tickvals.push(i);
  // Level labels, few enough not to collide: rotated ones ran into the legend under fixed margins.
  return { tickmode: 'array', tickvals, ticktext: tickvals.map((i) => plotlyLabel(labels[i], 22)), tickangle: 0 };
}

/** 'drifted (ks, psi)', 'ok', 'no score', with ', too small' for a too-small window. */
function status(p: TrendPoint, feature: string): string {
  const s = p.scores[feature];
  let out = !s || s.drift_score === null ? 'no score' : s.drifted ? 'drifted' : 'ok';
  if (p.outside_band?.[feature]) out += ', outside the expected band';
  if (p.too_small) out += `, too small (${p.rows} rows)`;
  return out;
}

/** The heatmap's cells: z[feature][window] = drift score (null = none), flagged cells, the largest score. */
export interface HeatmapCells {
  z: (number | null)[][];
  flagged: boolean[][];
  max: number;
}

export function heatmapCells(points: readonly TrendPoint[], features: readonly string[]): HeatmapCells {
  let max = 0;
  const z = features.map((name) =>
    points.map((p) => {
      const v = p.scores[name]?.drift_score ?? null;
      if (v !== null && v > max) max = v;
      return v;
    }),
  );
  const flagged = features.map((name) => points.map((p) => p.scores[name]?.drifted === true));
  return { z, flagged, max };
}

/** The hover line of one cell: feature, window, score and status (plain text: shown with textContent). */
export function cellText(points: readonly TrendPoint[], feature: string, window: number): string {
  const p = points[window];
  const v = p.scores[feature]?.drift_score;
  return `${feature} · ${p.label}: drift score ${v === null || v === undefined ? '–' : v.toFixed(3)} (${status(p, feature)})`;
}

/*
 * The Plotly figures below use fixed margins, no `automargin`: auto-margins make Plotly lay the figure
 * out again after measuring the labels, about doubling the main-thread time of a render here.
 */

/**
 * One feature's drift score per window: the line, flagged points as vermillion diamonds, the threshold
 * as a dashed line and the expected-variation band (when known) as a shaded area.
 */
export function trendFigure(points: readonly TrendPoint[], feature: string, threshold: number, band: ScoreBand | null): Figure {
  const x = points.map((_, i) => i);
  const labels = points.map((p) => plotlyText(p.label));
  const y = points.map((p) => p.scores[feature]?.drift_score ?? null);
  const data: object[] = [];
  const last = Math.max(points.length - 1, 0);
  if (band) {
    data.push(
      { type: 'scatter', mode: 'lines', x: [0, last], y: [band.low, band.low], line: { width: 0 }, hoverinfo: 'skip', showlegend: false },
      {
        type: 'scatter',
        mode: 'lines',
        name: `expected variation ${band.low.toFixed(3)}–${band.high.toFixed(3)}`,
        x: [0, last],
        y: [band.high, band.high],
        fill: 'tonexty',
        fillcolor: 'rgba(0,114,178,0.15)',
        line: { width: 0 },
        hoverinfo: 'skip',
      },
    );
  }
  data.push(
    {
      type: 'scatter',
      // A marker per point is a styled SVG path each: past MANY points the line alone (hover still names every point).
      mode: points.length > MANY ? 'lines' : 'lines+markers',
      name: 'drift score',
      x,
      y,
      customdata: points.map((p, i) => `${labels[i]}<br>${status(p, feature)}`),
      line: { color: palette.stable, width: 2 },
      marker: { color: palette.stable, size: 6 },
      connectgaps: false,
      hovertemplate: '%{customdata}<br>drift score %{y:.3f}<extra></extra>',
    },
    {
      type: 'scatter',
      mode: 'markers',
      name: 'flagged',
      x: x.filter((i) => points[i].scores[feature]?.drifted),
      y: x.filter((i) => points[i].scores[feature]?.drifted).map((i) => y[i]),
      marker: { color: palette.drifted, size: points.length > MANY ? 6 : 10, symbol: 'diamond' },
      hoverinfo: 'skip',
    },
    {
      type: 'scatter',
      mode: 'lines',
      name: `threshold ${threshold}`,
      x: [0, last],
      y: [threshold, threshold],
      line: { color: palette.neutral, dash: 'dash', width: 1.5 },
      hoverinfo: 'skip',
    },
  );
  const top = Math.max(threshold, band?.high ?? 0, ...y.map((v) => v ?? 0));
  return {
    data,
    layout: {
      ...baseLayout,
      height: 320,
      margin: { l: 55, r: 16, t: TOP_MARGIN, b: 60 },
      xaxis: { ...fixedAxis, ...timeTicks(points.map((p) => p.label)) },
      yaxis: { ...fixedAxis, title: { text: 'drift score' }, range: [0, Math.min(1.05, top * 1.15 + 0.02)] },
    },
  };
}

/** The share of drifted features per window, drifted windows in vermillion, too-small ones grey, with the verdict's threshold. */
export function driftedShareFigure(points: readonly TrendPoint[], fractionThreshold: number): Figure {
  const groups = [
    { name: 'drift', color: palette.drifted, test: (p: TrendPoint) => !p.too_small && p.overall_drift },
    { name: 'no drift', color: palette.stable, test: (p: TrendPoint) => !p.too_small && !p.overall_drift },
    { name: 'too small (never an alarm)', color: '#999999', test: (p: TrendPoint) => p.too_small },
  ];
  const data: object[] =
    points.length > MANY
      ? shareAreas(points, groups)
      : groups
          .map((g) => {
            const idx = points.map((_, i) => i).filter((i) => g.test(points[i]));
            return {
              type: 'bar',
              name: g.name,
              x: idx,
              y: idx.map((i) => points[i].drifted_fraction),
              customdata: idx.map((i) => `${plotlyText(points[i].label)} (${points[i].rows} rows)`),
              marker: { color: g.color },
              hovertemplate: `%{customdata}<br>drifted share %{y:.0%} (${g.name})<extra></extra>`,
            };
          })
          .filter((t) => t.x.length > 0);
  data.push({
    type: 'scatter',
    mode: 'lines',
    name: `threshold ${fractionThreshold}`,
    x: [-0.5, points.length - 0.5],
    y: [fractionThreshold, fractionThreshold],
    line: { color: palette.neutral, dash: 'dash', width: 1.5 },
    hoverinfo: 'skip',
  });
  return {
    data,
    layout: {
      ...baseLayout,
      height: 280,
      barmode: 'overlay',
      bargap: points.length > MANY ? 0 : 0.2,
      margin: { l: 55, r: 16, t: TOP_MARGIN, b: 60 },
      xaxis: { ...fixedAxis, ...timeTicks(points.map((p) => p.label)) },
      yaxis: { ...fixedAxis, title: { text: 'drifted features' }, tickformat: '.0%', range: [0, 1] },
    },
  };
}

/**
 * The drifted-share bars of many windows as one filled step area per group (a window outside the
 * group is 0 there) and one invisible line carrying every window's hover: a few SVG paths in all,
 * where bars are one styled path per window.
 */
function shareAreas(
  points: readonly TrendPoint[],
  groups: readonly { name: string; color: string; test: (p: TrendPoint) => boolean }[],
): object[] {
  const x = [...points.map((_, i) => i - 0.5), points.length - 0.5];
  const areas = groups
    .filter((g) => points.some(g.test))
    .map((g) => {
      const y = points.map((p) => (g.test(p) ? p.drifted_fraction : 0));
      return {
        type: 'scatter',
        mode: 'lines',
        name: g.name,
        x,
        y: [...y, y[y.length - 1]],
        line: { shape: 'hv', width: 0, color: g.color },
        fill: 'tozeroy',
        fillcolor: g.color,
        hoverinfo: 'skip',
      };
    });
  const hover = {
    type: 'scatter',
    mode: 'lines',
    showlegend: false,
    x: points.map((_, i) => i),
    y: points.map((p) => p.drifted_fraction),
    customdata: points.map((p) => `${plotlyText(p.label)} (${p.rows} rows, ${groups.find((g) => g.test(p))?.name ?? ''})`),
    line: { width: 0, color: palette.neutral },
    hovertemplate: `%{customdata}<br>drifted share %{y:.0%}<extra></extra>`,
  };
  return [...areas, hover];
}

/** True when some point has a performance figure (labels in the window, or the label-free estimate). */
export function hasPerformance(points: readonly TrendPoint[]): boolean {
  return points.some((p) => p.performance && p.performance.f1 !== null);
}

/** F1 per window: measured (circles) and estimated without labels (open squares; unreliable ones say so on hover). */
export function performanceFigure(points: readonly TrendPoint[]): Figure {
  const kinds = [
    { name: 'F1 (measured)', estimated: false, color: palette.stable, symbol: 'circle' },
    { name: 'F1 (estimated without labels)', estimated: true, color: palette.production, symbol: 'square-open' },
  ];
  const data: object[] = kinds
    .map((k) => {
      const idx = points
        .map((_, i) => i)
        .filter((i) => points[i].performance?.f1 != null && points[i].performance!.estimated === k.estimated);
      return {
        type: 'scatter',
        mode: 'lines+markers',
        name: k.name,
        x: idx,
        y: idx.map((i) => points[i].performance!.f1),
        customdata: idx.map((i) => {
          const p = points[i].performance!;
          const notes = [
            p.f1_drop !== null ? `F1 drop ${p.f1_drop.toFixed(3)}` : '',
            p.alert ? 'alert' : '',
            p.reliable === false ? 'estimate not reliable' : p.reliable ? 'estimate reliable' : '',
          ].filter(Boolean);
          return `${plotlyText(points[i].label)}${notes.length ? `<br>${notes.join(', ')}` : ''}`;
        }),
        line: { color: k.color, width: 2 },
        marker: { color: k.color, symbol: k.symbol, size: 7 },
        hovertemplate: `%{customdata}<br>${k.name} %{y:.3f}<extra></extra>`,
      };
    })
    .filter((t) => t.x.length > 0);
  return {
    data,
    layout: {
      ...baseLayout,
      height: 280,
      margin: { l: 55, r: 16, t: TOP_MARGIN, b: 60 },
      xaxis: { ...fixedAxis, ...timeTicks(points.map((p) => p.label)) },
      yaxis: { ...fixedAxis, title: { text: 'F1' }, range: [0, 1.02] },
    },
  };
}
