import { describe, expect, it } from 'vitest';
import { driftedShareFigure, heatmapFigure, performanceFigure, timeTicks, trendFigure } from '../../src/ui/charts/trendFigures.ts';
import { seriesFeatures, seriesFromHistory, seriesFromWindows, type TrendPoint } from '../../src/ui/charts/trendSeries.ts';
import type { HistoryEntry, WindowResult } from '../../src/core/windows/types.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';

function point(label: string, scores: Record<string, [number | null, boolean]>, extra: Partial<TrendPoint> = {}): TrendPoint {
  const s: TrendPoint['scores'] = {};
  for (const [k, [v, d]] of Object.entries(scores)) s[k] = { drift_score: v, psi: null, drifted: d };
  return { label, rows: 500, too_small: false, overall_drift: false, drifted_fraction: 0, scores: s, ...extra };
}

type Trace = Record<string, unknown>;

describe('heatmapFigure(points, features)', () => {
  const points = [
    point('2024-03-01', { a: [0.05, false], [HOSTILE]: [0.3, true] }),
    point('2024-03-02', { a: [0.4, true], [HOSTILE]: [null, false] }),
  ];
  const fig = heatmapFigure(points, ['a', HOSTILE]);
  const [heat, flags] = fig.data as Trace[];

  it('is one heatmap trace of features x windows in the Cividis scale, the flagged cells marked by a second trace at exactly those cells', () => {
    expect((fig.data as Trace[]).filter((t) => t.type === 'heatmap')).toHaveLength(1);
    expect(heat.colorscale).toBe('Cividis');
    expect(heat.z).toEqual([
      [0.05, 0.4],
      [0.3, null],
    ]);
    expect(flags.type).toBe('scatter');
    expect(flags.x).toEqual([1, 0]);
    expect(flags.y).toEqual([0, 1]);
  });

  it('escapes names and labels from the files in ticks and hover text', () => {
    const layout = fig.layout as { yaxis: { ticktext: string[] } };
    expect(layout.yaxis.ticktext[1]).not.toContain('<');
    expect(layout.yaxis.ticktext[1]).toContain('&lt;img');
    const hover = (heat.customdata as string[][]).flat().join('');
    expect(hover).not.toContain('<img');
    expect(hover).toContain('drifted');
  });
});

describe('timeTicks(labels)', () => {
  it('thins 365 labels to at most 12 ticks, starting at the first window', () => {
    const labels = Array.from({ length: 365 }, (_, i) => `d${i}`);
    const t = timeTicks(labels);
    expect(t.tickvals.length).toBeLessThanOrEqual(12);
    expect(t.tickvals[0]).toBe(0);
    expect(t.ticktext[1]).toBe(labels[t.tickvals[1]]);
  });
});

describe('trendFigure(points, feature, threshold, band)', () => {
  const points = [point('w1', { a: [0.1, false] }), point('w2', { a: [0.5, true] }), point('w3', { a: [0.12, false] })];
  it('draws the band (shaded between low and high), the score line, the flagged windows and the threshold', () => {
    const fig = trendFigure(points, 'a', 0.2, { low: 0.02, median: 0.05, high: 0.11 });
    const data = fig.data as Trace[];
    expect(data[0].y).toEqual([0.02, 0.02]);
    expect(data[1]).toMatchObject({ fill: 'tonexty', y: [0.11, 0.11] });
    expect(data[2].y).toEqual([0.1, 0.5, 0.12]);
    expect(data[3]).toMatchObject({ x: [1], y: [0.5] });
    expect(data[4]).toMatchObject({ y: [0.2, 0.2], name: 'threshold 0.2' });
  });
  it('has no band traces without a band', () => {
    const data = trendFigure(points, 'a', 0.2, null).data as Trace[];
    expect(data.some((t) => t.fill === 'tonexty')).toBe(false);
    expect(data).toHaveLength(3);
  });
});

describe('driftedShareFigure(points, threshold)', () => {
  it('puts drifted, stable and too-small windows in separate traces (too small never as drift)', () => {
    const pts = [
      point('w1', {}, { overall_drift: true, drifted_fraction: 0.6 }),
      point('w2', {}, { drifted_fraction: 0.1 }),
      point('w3', {}, { too_small: true, overall_drift: false, drifted_fraction: 0.9, rows: 3 }),
    ];
    const data = driftedShareFigure(pts, 0.5).data as Trace[];
    expect(data.map((t) => [t.name, t.x])).toEqual([
      ['drift', [0]],
      ['no drift', [1]],
      ['too small (never an alarm)', [2]],
      ['threshold 0.5', [-0.5, 2.5]],
    ]);
  });
});

describe('performanceFigure(points)', () => {
  it('splits measured and estimated F1 and says when an estimate is not reliable', () => {
    const perf = (estimated: boolean, f1: number, reliable: boolean | null) => ({
      estimated,
      f1,
      accuracy: null,
      f1_drop: null,
      alert: false,
      reliable,
    });
    const pts = [point('w1', {}, { performance: perf(false, 0.8, null) }), point('w2', {}, { performance: perf(true, 0.7, false) })];
    const data = performanceFigure(pts).data as Trace[];
    expect(data.map((t) => [t.x, t.y])).toEqual([
      [[0], [0.8]],
      [[1], [0.7]],
    ]);
    expect((data[1].customdata as string[])[0]).toContain('not reliable');
  });
});

describe('seriesFromWindows / seriesFromHistory', () => {
  it('a window result becomes a point with its scores and band flags', () => {
    const w = {
      index: 0,
      label: '2024-03-04',
      rows: 10,
      too_small: true,
      overall_drift: false,
      drifted_fraction: 0,
      performance: null,
      features: [
        {
          name: 'a',
          type: 'numerical',
          drift_score: 0.3,
          psi: 0.1,
          p_value: 0.01,
          drifted: true,
          flagged_by: ['ks'],
          outside_band: true,
          error: null,
        },
      ],
    } as unknown as WindowResult;
    const [p] = seriesFromWindows([w]);
    expect(p.scores.a).toEqual({ drift_score: 0.3, psi: 0.1, drifted: true });
    expect(p.outside_band?.a).toBe(true);
    expect(p.too_small).toBe(true);
  });
  it('history entries come out oldest first, features in first-seen order', () => {
    const entry = (id: string, created_at: string, scores: string[]) =>
      ({
        id,
        created_at,
        production: { files: [{ file: `${id}.csv`, sha256: null, rows: 1 }], rows: 1 },
        verdict: { overall_drift: false, drifted_fraction: 0 },
        scores: Object.fromEntries(scores.map((s) => [s, { drift_score: 0, psi: null, drifted: false }])),
      }) as unknown as HistoryEntry;
    const pts = seriesFromHistory([entry('b', '2026-01-02T00:00:00Z', ['y', 'x']), entry('a', '2026-01-01T00:00:00Z', ['x'])]);
    expect(pts.map((p) => p.label)).toEqual(['2026-01-01 00:00:00 · a.csv', '2026-01-02 00:00:00 · b.csv']);
    expect(seriesFeatures(pts)).toEqual(['x', 'y']);
  });
});
