import { describe, expect, it } from 'vitest';
import { decide } from '../../src/core/decide.ts';
import { defaultConfig } from '../../src/core/config/defaults.ts';
import type { FeatureStats } from '../../src/core/report/types.ts';
import { driftScoreFigure } from '../../src/ui/charts/driftScoreFigure.ts';
import { ecdfFigure, sharesFigure } from '../../src/ui/charts/distributionFigures.ts';
import { categoricalDistribution } from '../../src/workers/distribution/categoricalDistribution.ts';
import { numericalDistribution } from '../../src/workers/distribution/numericalDistribution.ts';

const HOSTILE_COLUMN = '<img src=x onerror=alert(1)>';
const HOSTILE_CATEGORY = '<a href="javascript:alert(1)">x</a>';

function stats(name: string, d: number, type: 'numerical' | 'categorical' = 'numerical'): FeatureStats {
  return {
    name,
    type,
    type_reason: 'test',
    n: { reference: 10, production: 10 },
    missing: { reference: 0, production: 0, reference_count: 0, production_count: 0 },
    drift_score: d,
    ks: type === 'numerical' ? { statistic: d, p_value: 0.5, method: 'exact' } : null,
    chi2: null,
    psi: null,
    error: null,
  };
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
});
