import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choleskySolve } from '../../../src/core/train/choleskySolve.ts';
import { compareModels } from '../../../src/core/train/compareModels.ts';
import { designMatrix } from '../../../src/core/train/designMatrix.ts';
import { f1Binary } from '../../../src/core/train/f1Binary.ts';
import { fitLogisticRegression } from '../../../src/core/train/fitLogisticRegression.ts';
import { fitPreprocessing } from '../../../src/core/train/fitPreprocessing.ts';
import { median } from '../../../src/core/train/median.ts';
import { splitHoldout } from '../../../src/core/train/splitHoldout.ts';
import type { FeatureInput } from '../../../src/core/train/types.ts';

describe('splitHoldout(n, fraction, seed)', () => {
  it('holds out ceil(n * fraction) rows, partitions 0..n-1, and is the same for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), (n, f, seed) => {
        const a = splitHoldout(n, f, seed);
        expect(a.holdout.length).toBe(Math.max(0, Math.min(n, Math.ceil(n * f - 1e-9))));
        expect([...a.train, ...a.holdout].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(splitHoldout(n, f, seed)).toEqual(a);
      }),
    );
  });
  it('differs between seeds', () => {
    expect(Array.from(splitHoldout(100, 0.2, 1).holdout)).not.toEqual(Array.from(splitHoldout(100, 0.2, 2).holdout));
  });
});

describe('compareModels(champion, challenger, minImprovement)', () => {
  it('promotes only when challenger F1 >= champion F1 + min_improvement', () => {
    expect(compareModels({ f1: 0.7 }, { f1: 0.7 }).promote).toBe(true); // ties promote at the default 0
    expect(compareModels({ f1: 0.7 }, { f1: 0.69 }).promote).toBe(false);
    expect(compareModels({ f1: 0.5 }, { f1: 0.75 }, 0.25).promote).toBe(true);
    expect(compareModels({ f1: 0.5 }, { f1: 0.74 }, 0.25).promote).toBe(false);
    expect(compareModels(null, { f1: 0.1 }).promote).toBe(true);
    expect(compareModels({ f1: 0.7 }, { f1: 0.69 }, 0.01).reason).toBe('challenger F1 0.6900 < champion F1 0.7000 + min_improvement 0.01');
  });
});

describe('choleskySolve(a, b, n)', () => {
  it('solves a random SPD system (A = MᵀM + I) to 1e-10', () => {
    const n = 6;
    let s = 1;
    const rand = () => (s = (s * 16807) % 2147483647) / 2147483647 - 0.5;
    const m = Array.from({ length: n * n }, rand);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let v = i === j ? 1 : 0;
        for (let k = 0; k < n; k++) v += m[k * n + i] * m[k * n + j];
        a[i * n + j] = v;
      }
    const x0 = Float64Array.from({ length: n }, rand);
    const b = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) b[i] += a[i * n + j] * x0[j];
    const x = choleskySolve(Float64Array.from(a), b, n);
    x.forEach((v, i) => expect(v).toBeCloseTo(x0[i], 10));
  });
  it('throws on a matrix that is not positive definite', () => {
    expect(() => choleskySolve(Float64Array.of(1, 2, 2, 1), Float64Array.of(1, 1), 2)).toThrow(/not positive definite/);
  });
});

describe('median(values, rows)', () => {
  it('is numpy.median over the non-missing selected values', () => {
    expect(median(Float64Array.of(3, NaN, 1, 2, 10), Int32Array.of(0, 1, 2, 3, 4))).toBe(2.5); // np.median([3,1,2,10])
    expect(median(Float64Array.of(3, NaN, 1, 2, 10), Int32Array.of(0, 2, 3))).toBe(2);
    expect(median(Float64Array.of(NaN), Int32Array.of(0))).toBeNaN();
  });
});

describe('f1Binary(truth, predicted)', () => {
  it('is sklearn f1_score / accuracy_score with zero_division=0', () => {
    expect(f1Binary(Uint8Array.of(1, 1, 0, 0), Uint8Array.of(1, 0, 1, 0))).toEqual({ f1: 0.5, accuracy: 0.5 });
    expect(f1Binary(Uint8Array.of(0, 0), Uint8Array.of(0, 0))).toEqual({ f1: 0, accuracy: 1 });
  });
});

describe('fitPreprocessing(inputs, rows, options) + designMatrix', () => {
  const inputs: FeatureInput[] = [
    { name: 'x', kind: 'numerical', values: Float64Array.of(1, 2, NaN, 4, 100) },
    { name: 'c', kind: 'categorical', categories: ['a', 'b', 'z'], codes: Int32Array.of(0, 0, 1, -1, 2) },
  ];
  it('fits on the training rows only and sends rare, unseen and missing levels to "other"', () => {
    const prep = fitPreprocessing(inputs, Int32Array.of(0, 1, 2, 3), { minFrequency: 2 });
    // median of 1, 2, 4 = 2; imputed 1, 2, 2, 4: mean 2.25, std sqrt(1.1875)
    expect(prep.numerical[0]).toEqual({ name: 'x', kind: 'numerical', median: 2, mean: 2.25, scale: Math.sqrt(1.1875) });
    expect(prep.categorical[0].levels).toEqual(['a']); // 'b' once, missing once, 'z' never
    const x = designMatrix(prep, inputs, Int32Array.of(0, 2, 3, 4));
    expect(x.columns).toBe(3); // x, c=a, c=<other>
    expect(Array.from(x.hot)).toEqual([1, 2, 2, 2]);
    expect(x.numeric[1]).toBeCloseTo((2 - 2.25) / Math.sqrt(1.1875), 15); // NaN -> median
  });
  it('keeps missing as its own level when it is frequent enough', () => {
    const prep = fitPreprocessing(inputs, Int32Array.of(0, 1, 2, 3, 4), { minFrequency: 1 });
    expect(prep.categorical[0].levels).toEqual(['a', 'b', 'z', '']);
  });
});

describe('fitLogisticRegression(x, y, options, hooks)', () => {
  const x = designMatrix(
    fitPreprocessing(
      [{ name: 'v', kind: 'numerical', values: Float64Array.from({ length: 200 }, (_, i) => Math.sin(i)) }],
      Int32Array.from({ length: 200 }, (_, i) => i),
    ),
    [{ name: 'v', kind: 'numerical', values: Float64Array.from({ length: 200 }, (_, i) => Math.sin(i)) }],
    Int32Array.from({ length: 200 }, (_, i) => i),
  );
  const y = Uint8Array.from({ length: 200 }, (_, i) => (Math.sin(i) + 0.5 * Math.cos(7 * i) > 0 ? 1 : 0));
  it('reports progress per Newton iteration and reaches a zero gradient', async () => {
    const seen: number[] = [];
    const fit = await fitLogisticRegression(x, y, { C: 1 }, { onProgress: (p) => seen.push(p.iteration) });
    expect(fit.converged).toBe(true);
    expect(seen).toEqual(Array.from({ length: fit.iterations }, (_, i) => i + 1));
    // First-order optimality: Σ (p - y) x + w / C = 0 and Σ (p - y) = 0.
    let gw = fit.coef[0];
    let gb = 0;
    for (let i = 0; i < 200; i++) {
      const r = 1 / (1 + Math.exp(-(x.numeric[i] * fit.coef[0] + fit.intercept))) - y[i];
      gw += r * x.numeric[i];
      gb += r;
    }
    expect(Math.abs(gw)).toBeLessThan(1e-9);
    expect(Math.abs(gb)).toBeLessThan(1e-9);
  });
  it('stops with an AbortError when the signal aborts', async () => {
    const controller = new AbortController();
    const run = fitLogisticRegression(x, y, {}, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('median(values, rows) (property)', () => {
  it('equals the sorted-array median on random data with ties and NaN', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noDefaultInfinity: true, noNaN: true }), fc.constant(NaN)), {
          maxLength: 60,
        }),
        (xs) => {
          const values = Float64Array.from(xs);
          const sorted = xs.filter((v) => v === v).sort((a, b) => a - b);
          const n = sorted.length;
          const want = n === 0 ? NaN : n % 2 ? sorted[n >> 1] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
          expect(
            median(
              values,
              Int32Array.from(xs, (_, i) => i),
            ),
          ).toBe(want);
        },
      ),
    );
  });
});
