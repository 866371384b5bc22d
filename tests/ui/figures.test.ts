import { describe, expect, it } from 'vitest';
import { decide } from '../../src/core/decide.ts';
import { defaultConfig } from '../../src/core/config/defaults.ts';
import type { FeatureStats } from '../../src/core/report/types.ts';
import { driftScoreFigure } from '../../src/ui/charts/driftScoreFigure.ts';
import { ecdfFigure, sharesFigure } from '../../src/ui/charts/distributionFigures.ts';
import { categoricalDistribution } from '../../src/core/distribution/categoricalDistribution.ts';
import { numericalDistribution } from '../../src/core/distribution/numericalDistribution.ts';

const HOSTILE_COLUMN = '<img src=x onerror=alert(1)>';
const HOSTILE_CATEGORY = '<a href="javascript:alert(1)">x</a>';

function stats(name: string, d: number, type: 'numerical' | 'categorical' = 'numerical'): FeatureStats {
  const base = {
    name,
    type_reason: 'test',
    n: { reference: 10, production: 10 },
    missing: { reference: 0, production: 0, reference_count: 0, production_count: 0 },
    drift_score: d,
    chi2: null,
    psi: null,
    error: null,
  };
  // FeatureStats is a union on the column kind: only a numerical feature carries a KS result.
  return type === 'numerical' ? { ...base, type, ks: { statistic: d, p_value: 0.5, method: 'exact' } } : { ...base, type, ks: null };
}

/** Every string anywhere in a figure (trace fields, tick labels, annotations). */
function strings(x: unknown): string[] {
  if (typeof x === 'string') return [x];
  if (Array.isArray(x)) return x.flatMap(strings);
  if (x && typeof x === 'object') return Object.values(x).flatMap(strings);
  return [];
}

describe('driftScoreFigure(features, ksThreshold)', () => {
  const { features } = decide([stats('a', 0.05), stats('b', 0.4), stats(HOSTILE_COLUMN, 0.2)], defaultConfig().thresholds);
  const fig = driftScoreFigure(features, 0.1);

  it('driftScoreFigure sorts bars by drift score and splits them into drifted / not drifted traces', () => {
    expect(fig.names).toEqual([['b', HOSTILE_COLUMN], ['a']]);
    expect((fig.data[0] as { y: number[] }).y).toEqual([0, 1]);
    expect((fig.data[1] as { y: number[] }).y).toEqual([2]);
    expect((fig.data[0] as { text: string[] }).text).toEqual(['0.400 drifted', '0.200 drifted']);
  });

  it('driftScoreFigure passes no raw markup from feature names to Plotly', () => {
    const all = strings([fig.data, fig.layout]); // `names` stays on our side, for click mapping
    expect(all.some((s) => s.includes('&lt;img src=x onerror=alert(1)&gt;'))).toBe(true);
    expect(all.some((s) => s.includes('<img'))).toBe(false);
  });
});

describe('sharesFigure(distribution) and ecdfFigure(distribution)', () => {
  it('sharesFigure escapes hostile categories and feature names', () => {
    const d = categoricalDistribution(HOSTILE_COLUMN, [HOSTILE_CATEGORY, 'b'], [1, 2], [2, 1]);
    const all = strings(sharesFigure(d));
    expect(all.some((s) => /<a|<img/.test(s))).toBe(false);
    expect(all.some((s) => s.includes('&lt;a href=&#34;javascript:alert(1)&#34;&gt;x&lt;/a&gt;'))).toBe(true);
  });

  it('ecdfFigure marks the KS distance between the two ECDFs', () => {
    const d = numericalDistribution(HOSTILE_COLUMN, new Float64Array([1, 2, 3, 4]), new Float64Array([3, 4, 5, 6]));
    const fig = ecdfFigure(d);
    expect(fig.data[2]).toMatchObject({ x: [2, 2], y: [0.5, 0] });
    expect(strings(fig).some((s) => s.includes('<img'))).toBe(false);
  });

  it('sharesFigure and ecdfFigure with log: true draw the log-spaced bins on a log x axis, each bar spanning its bin', () => {
    const tail = Float64Array.from({ length: 20 }, (_, i) => 1.5 * 2 ** i);
    const d = numericalDistribution('x', tail, tail);
    const fig = sharesFigure(d, { log: true }) as { data: { x: number[]; width: number[] }[]; layout: { xaxis: { type: string } } };
    expect(fig.layout.xaxis.type).toBe('log');
    const edges = d.logHistogram!.edges;
    fig.data[0].x.forEach((c, i) => {
      expect(c - fig.data[0].width[i] / 2).toBeCloseTo(edges[i], 9);
      expect(c + fig.data[0].width[i] / 2).toBeCloseTo(edges[i + 1], 9);
    });
    expect((sharesFigure(d) as { layout: { xaxis: { type: string } } }).layout.xaxis.type).toBe('linear');
    const ecdf = ecdfFigure(d, { log: true }) as { layout: { xaxis: { type: string } } };
    expect(ecdf.layout.xaxis.type).toBe('log');
  });

  it('with log: true but a value <= 0 both figures stay linear (a log axis cannot show it)', () => {
    const d = numericalDistribution('x', new Float64Array([0, 1, 100]), new Float64Array([2, 3]));
    expect((sharesFigure(d, { log: true }) as { layout: { xaxis: { type: string } } }).layout.xaxis.type).toBe('linear');
    expect((ecdfFigure(d, { log: true }) as { layout: { xaxis: { type: string } } }).layout.xaxis.type).toBe('linear');
  });

  it('every figure puts its legend below the plot (the mode bar is top right) and sets its margins itself (no automargin)', () => {
    const { features } = decide([stats('a', 0.05), stats('b', 0.4)], defaultConfig().thresholds);
    const num = numericalDistribution('x', new Float64Array([1, 2, 3, 4]), new Float64Array([3, 4, 5, 6]));
    const cat = categoricalDistribution('c', ['1', '2'], [1, 2], [2, 1]);
    for (const fig of [driftScoreFigure(features, 0.1), sharesFigure(num), ecdfFigure(num), sharesFigure(cat)]) {
      const layout = fig.layout as {
        legend: object;
        xaxis: { automargin: boolean; ticklabeloverflow: string };
        yaxis: { automargin: boolean; ticklabeloverflow: string };
      };
      expect(layout.legend).toMatchObject({ orientation: 'h', yref: 'container', y: 0, yanchor: 'bottom' });
      // Plotly's automargin and label-overflow checks measure every tick label in the DOM (slow on big results).
      expect([layout.xaxis.automargin, layout.yaxis.automargin]).toEqual([false, false]);
      expect([layout.xaxis.ticklabeloverflow, layout.yaxis.ticklabeloverflow]).toEqual(['allow', 'allow']);
    }
  });

  it('the margins grow with the labels: long feature names on the drift chart, long turned category labels', () => {
    const short = decide([stats('a', 0.05), stats('b', 0.4)], defaultConfig().thresholds).features;
    const long = decide([stats('a', 0.05), stats('a_much_longer_feature_name', 0.4)], defaultConfig().thresholds).features;
    const margin = (fig: { layout: object }) => (fig.layout as { margin: { l: number; r: number; b: number } }).margin;
    expect(margin(driftScoreFigure(long, 0.1)).l).toBeGreaterThan(margin(driftScoreFigure(short, 0.1)).l + 100);
    const names = (n: number, len: number) => Array.from({ length: n }, (_, i) => `${'w'.repeat(len - 2)}${String(i).padStart(2, '0')}`);
    const shortCats = categoricalDistribution('c', names(8, 4), Array(8).fill(1), Array(8).fill(1));
    const longCats = categoricalDistribution('c', names(8, 18), Array(8).fill(1), Array(8).fill(1));
    const turned = sharesFigure(longCats).layout as { xaxis: { tickangle: number } };
    expect(turned.xaxis.tickangle).toBeLessThan(0);
    expect(margin(sharesFigure(longCats)).b).toBeGreaterThan(margin(sharesFigure(shortCats)).b + 30);
    expect(margin(sharesFigure(longCats)).l).toBeGreaterThan(margin(sharesFigure(shortCats)).l);
  });
});
