import type { FeatureDistribution, NumericalDistribution } from '../../workers/distribution/types.ts';
import type { Figure } from './driftScoreFigure.ts';
import { palette } from './palette.ts';
import { plotlyLabel, plotlyText } from './plotlyText.ts';

const base = {
  font: { family: 'system-ui, sans-serif', size: 12 },
  paper_bgcolor: 'rgba(0,0,0,0)',
  plot_bgcolor: 'rgba(0,0,0,0)',
  legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
  margin: { l: 55, r: 16, t: 36, b: 70 },
  height: 340,
};

/** Reference and production shares on shared bins (numerical: overlaid; categorical: grouped bars). */
export function sharesFigure(d: FeatureDistribution): Figure {
  const name = plotlyText(d.feature);
  if (d.kind === 'numerical') {
    const { edges, reference, production } = d.histogram;
    const centers = reference.map((_, i) => (edges[i] + edges[i + 1]) / 2);
    const widths = reference.map((_, i) => edges[i + 1] - edges[i] || 1);
    const trace = (label: string, y: number[], color: string) => ({
      type: 'bar',
      name: label,
      x: centers,
      y,
      width: widths,
      marker: { color, opacity: 0.55, line: { color, width: 1 } },
      hovertemplate: `${label}: %{y:.1%}<br>bin centre %{x:.4g}<extra></extra>`,
    });
    return {
      data: [trace('reference', reference, palette.reference), trace('production', production, palette.production)],
      layout: { ...base, barmode: 'overlay', bargap: 0, xaxis: { title: { text: name } }, yaxis: { title: { text: 'share of rows' }, tickformat: '.0%' } },
    };
  }
  const labels = d.categories.map((c) => plotlyLabel(c, 18));
  const full = d.categories.map((c) => plotlyText(c));
  if (d.other) {
    labels.push(`(${d.other.categories} more)`);
    full.push(`${d.other.categories} other categories`);
  }
  const x = labels.map((_, i) => i);
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
      barmode: 'group',
      xaxis: { tickmode: 'array', tickvals: x, ticktext: labels, tickangle: labels.length > 6 ? -35 : 0, title: { text: name } },
      yaxis: { title: { text: 'share of rows' }, tickformat: '.0%' },
    },
  };
}

/** The two ECDFs as steps, with the KS distance drawn as a vertical segment where they are furthest apart. */
export function ecdfFigure(d: NumericalDistribution): Figure {
  const line = (label: string, pts: { x: number[]; y: number[] }, color: string) => ({
    type: 'scatter',
    mode: 'lines',
    name: label,
    x: pts.x,
    y: pts.y,
    line: { shape: 'hv', color, width: 2 },
    hovertemplate: `${label}: F(%{x:.4g}) = %{y:.3f}<extra></extra>`,
  });
  const data: object[] = [line('reference', d.ecdf.reference, palette.reference), line('production', d.ecdf.production, palette.production)];
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
      x: d.ks.x,
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
      xaxis: { title: { text: plotlyText(d.feature) } },
      yaxis: { title: { text: 'cumulative share' }, range: [0, 1.02] },
      annotations,
    },
  };
}
