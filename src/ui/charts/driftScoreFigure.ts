import type { FeatureReport } from '../../core/report/types.ts';
import { palette } from './palette.ts';
import { plotlyLabel, plotlyText } from './plotlyText.ts';
import { baseLayout, BOTTOM_MARGIN, fixedAxis, TOP_MARGIN, textWidth } from './chartLayout.ts';

export interface Figure {
  data: object[];
  layout: object;
}

/** Bars beyond this many are left out of the chart (the tables still list every feature). */
export const MAX_BARS = 60;

/**
 * Horizontal bars of the drift score per feature, largest first, one trace per status (drifted /
 * not drifted) so the legend names the colours, the status also written on each bar, and the KS
 * threshold as a dashed line (a third trace, also named in the legend). `names[curve][point]` maps a clicked bar back to its feature.
 */
export function driftScoreFigure(features: readonly FeatureReport[], ksThreshold: number): Figure & { names: string[][] } {
  const sorted = features
    .filter((f) => f.drift_score !== null)
    .sort((a, b) => b.drift_score! - a.drift_score! || a.name.localeCompare(b.name))
    .slice(0, MAX_BARS);
  const groups = [
    { label: 'drifted', color: palette.drifted, rows: [] as { f: FeatureReport; rank: number }[] },
    { label: 'not drifted', color: palette.stable, rows: [] as { f: FeatureReport; rank: number }[] },
  ];
  sorted.forEach((f, rank) => groups[f.drifted ? 0 : 1].rows.push({ f, rank }));
  const data: object[] = groups.map((g) => ({
    type: 'bar',
    orientation: 'h',
    name: g.label,
    x: g.rows.map((r) => r.f.drift_score),
    y: g.rows.map((r) => r.rank),
    marker: { color: g.color },
    text: g.rows.map((r) => `${r.f.drift_score!.toFixed(3)} ${r.f.drifted ? 'drifted' : 'ok'}`),
    textposition: 'outside',
    cliponaxis: false,
    customdata: g.rows.map((r) => plotlyText(r.f.name)),
    hovertemplate: `%{customdata}<br>drift score %{x:.3f} (${g.label})<extra></extra>`,
  }));
  // The threshold as a dashed line trace, so the legend names it next to the two status colours.
  data.push({
    type: 'scatter',
    mode: 'lines',
    name: `KS threshold ${ksThreshold}`,
    x: [ksThreshold, ksThreshold],
    y: [-0.5, Math.max(sorted.length, 1) - 0.5],
    line: { color: palette.neutral, dash: 'dash', width: 1.5 },
    hoverinfo: 'skip',
  });
  const labels = sorted.map((f) => plotlyLabel(f.name, 24));
  // The margins are fixed (see chartLayout.ts): the widest name label and the tick gap on the left.
  const left = Math.max(40, ...labels.map((l) => textWidth(l) + 14));
  // Room for the "0.274 drifted" labels right of the longest bar; the score itself never exceeds 1.
  const top = Math.max(ksThreshold, ...sorted.map((f) => f.drift_score!));
  const xMax = Math.min(1.15, top * 1.3 + 0.1);
  return {
    names: groups.map((g) => g.rows.map((r) => r.f.name)),
    data,
    layout: {
      ...baseLayout,
      height: Math.max(230, 26 * sorted.length + 120),
      margin: { l: left, r: 24, t: TOP_MARGIN, b: BOTTOM_MARGIN },
      barmode: 'overlay',
      bargap: 0.25,
      // A short title: a long one does not fit a phone's width (DriftScoreChart's note says what the score is).
      xaxis: { ...fixedAxis, range: [0, xMax], title: { text: 'drift score (0–1)' }, tickformat: '.2~f', fixedrange: true },
      yaxis: {
        ...fixedAxis,
        tickmode: 'array',
        tickvals: sorted.map((_, i) => i),
        ticktext: labels,
        autorange: 'reversed',
        fixedrange: true,
      },
    },
  };
}
