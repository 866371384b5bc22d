import { describe, expect, it } from 'vitest';
import { cellText, driftedShareFigure, heatmapCells, performanceFigure, timeTicks, trendFigure } from '../../src/ui/charts/trendFigures.ts';
import { cividis, luminance } from '../../src/ui/charts/cividis.ts';
import { seriesFeatures, seriesFromHistory, seriesFromWindows, type TrendPoint } from '../../src/ui/charts/trendSeries.ts';
import type { HistoryEntry, WindowResult } from '../../src/core/windows/types.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';

function point(label: string, scores: Record<string, [number | null, boolean]>, extra: Partial<TrendPoint> = {}): TrendPoint {
  const s: TrendPoint['scores'] = {};
  for (const [k, [v, d]] of Object.entries(scores)) s[k] = { drift_score: v, psi: null, drifted: d };
  return { label, rows: 500, too_small: false, overall_drift: false, drifted_fraction: 0, scores: s, ...extra };
}

type Trace = Record<string, unknown>;

describe('heatmapCells(points, features) and cellText', () => {
  const points = [
    point('2024-03-01', { a: [0.05, false], [HOSTILE]: [0.3, true] }),
    point('2024-03-02', { a: [0.4, true], [HOSTILE]: [null, false] }, { too_small: true, rows: 7 }),
  ];
  it('z is features x windows, flagged the drifted cells, max the largest score', () => {
    const cells = heatmapCells(points, ['a', HOSTILE]);
    expect(cells.z).toEqual([
      [0.05, 0.4],
      [0.3, null],
    ]);
    expect(cells.flagged).toEqual([
      [false, true],
      [true, false],
    ]);
    expect(cells.max).toBe(0.4);
  });
  it('the hover line names the feature, the window, the score and the status as plain text', () => {
    expect(cellText(points, HOSTILE, 0)).toBe(`${HOSTILE} · 2024-03-01: drift score 0.300 (drifted)`);
    expect(cellText(points, 'a', 1)).toBe('a · 2024-03-02: drift score 0.400 (drifted, too small (7 rows))');
    expect(cellText(points, HOSTILE, 1)).toBe(`${HOSTILE} · 2024-03-02: drift score – (no score, too small (7 rows))`);
  });
});

describe('cividis(t)', () => {
  it('runs from dark blue to yellow as plotly.js defines it, clamped, and marks pick a contrasting colour', () => {
    expect(cividis(0)).toEqual([0, 32, 76]);
    expect(cividis(1)).toEqual([255, 233, 69]);
    expect(cividis(2)).toEqual([255, 233, 69]);
    expect(cividis(Number.NaN)).toEqual([0, 32, 76]);
    expect(cividis(0.5)).toEqual([124, 123, 119]);
    expect(luminance(cividis(0))).toBeLessThan(0.35);
    expect(luminance(cividis(1))).toBeGreaterThan(0.35);
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

describe('figures of many windows (365 days)', () => {
  const many = Array.from({ length: 365 }, (_, i) =>
    point(`d${i}`, { a: [i / 365, i > 300] }, { overall_drift: i > 300, too_small: i === 5, drifted_fraction: i > 300 ? 0.5 : 0.05 }),
  );
  it('draw no SVG element per window: the score as a line, the shares as one filled step area per group', () => {
    const trend = trendFigure(many, 'a', 0.2, null).data as Trace[];
    expect(trend[0]).toMatchObject({ name: 'drift score', mode: 'lines' });
    const share = driftedShareFigure(many, 0.5).data as Trace[];
    expect(share.some((t) => t.type === 'bar')).toBe(false);
    const areas = share.filter((t) => t.fill === 'tozeroy');
    expect(areas.map((t) => t.name)).toEqual(['drift', 'no drift', 'too small (never an alarm)']);
    // Window 310 is in the drift area only; every window keeps its hover.
    expect(areas.map((t) => (t.y as number[])[310])).toEqual([0.5, 0, 0]);
    expect(areas.map((t) => (t.y as number[])[5])).toEqual([0, 0, 0.05]);
    const hover = share.find((t) => t.hovertemplate !== undefined)!;
    expect((hover.customdata as string[])[310]).toBe('d310 (500 rows, drift)');
  });
  it('never measure tick labels in the DOM (fixed axes, as every chart)', () => {
    for (const fig of [trendFigure(many, 'a', 0.2, null), driftedShareFigure(many, 0.5), performanceFigure(many)]) {
      const layout = fig.layout as { xaxis: Trace; yaxis: Trace };
      expect([layout.xaxis.ticklabeloverflow, layout.yaxis.ticklabeloverflow, layout.xaxis.automargin]).toEqual(['allow', 'allow', false]);
    }
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
