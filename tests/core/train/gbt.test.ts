import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { exportGbtOnnx } from '../../../src/core/onnxExport/exportGbtOnnx.ts';
import { exportLogisticOnnx } from '../../../src/core/onnxExport/exportLogisticOnnx.ts';
import { mulberry32 } from '../../../src/core/samples/mulberry32.ts';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';
import { planColumns } from '../../../src/core/table/planColumns.ts';
import { binFeatures, binThresholds, float32Between } from '../../../src/core/train/gbt/binFeatures.ts';
import { predictGbtProbabilities } from '../../../src/core/train/gbt/predictGbt.ts';
import type { GbtModel } from '../../../src/core/train/gbt/types.ts';
import { DEFAULT_GBT_PARAMS } from '../../../src/core/train/gbt/fitGradientBoosting.ts';
import { trainChallenger } from '../../../src/core/train/trainChallenger.ts';
import { expected, fixturePair } from './helpers.ts';
import { numericValues } from '../../../src/core/table/numericValues.ts';

/** A seeded non-linear pair: the label is an XOR of two thresholds (x1 > 0) != (x2 > 0), 5 % noise. */
async function xorPair(seed: number) {
  const rnd = mulberry32(seed);
  const table = (n: number, file: string) => {
    const lines = ['x1,x2,x3,colour,y'];
    for (let i = 0; i < n; i++) {
      const x1 = rnd() * 2 - 1;
      const x2 = rnd() * 2 - 1;
      const x3 = rnd();
      const colour = ['red', 'green', 'blue'][Math.floor(rnd() * 3)];
      let y = x1 > 0 !== x2 > 0 ? 1 : 0;
      if (rnd() < 0.05) y = 1 - y;
      lines.push(`${x1.toFixed(5)},${x2.toFixed(5)},${x3.toFixed(5)},${colour},${y}`);
    }
    return parseCsv(lines.join('\n') + '\n', { file, delimiter: 'auto', missingValues: [''] });
  };
  const ref = await table(2000, 'ref.csv');
  const prod = await table(1500, 'prod.csv');
  const { plans } = planColumns(ref, prod, { label: 'y', drop: [], numerical: [], categorical: [], maxCategoricalUnique: 20 });
  return { ref, prod, plans };
}

describe('gradient boosting (trainChallenger family gradient_boosting)', () => {
  it('same seed gives identical ONNX bytes; another seed (another split) other bytes', async () => {
    const { ref, prod, plans } = await fixturePair();
    const bytes = async (seed: number) =>
      exportGbtOnnx((await trainChallenger(ref, prod, plans, expected.label, { family: 'gradient_boosting', seed })).model);
    const a = await bytes(7);
    const b = await bytes(7);
    const c = await bytes(8);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('beats logistic regression clearly on an XOR of thresholds (held-out F1)', async () => {
    const { ref, prod, plans } = await xorPair(20261127);
    const gbt = await trainChallenger(ref, prod, plans, 'y', { family: 'gradient_boosting', seed: 1 });
    const logistic = await trainChallenger(ref, prod, plans, 'y', { seed: 1 });
    // A linear model cannot represent XOR (F1 near chance); depth-3 trees can (5 % label noise
    // caps accuracy at ~0.95). Measured: GBT 0.925, logistic 0.311.
    expect(gbt.challenger.f1).toBeGreaterThan(0.85);
    expect(gbt.challenger.f1 - logistic.challenger.f1).toBeGreaterThan(0.25);
    // The exported model gives the same answers in onnxruntime-web.
    const session = await ort.InferenceSession.create(exportGbtOnnx(gbt.model));
    const n = prod.rows;
    const col = (name: string) => prod.columns.find((c) => c.name === name)!;
    const out = await session.run({
      x1: new ort.Tensor('float32', Float32Array.from(numericValues(col('x1')).subarray(0, n)), [n, 1]),
      x2: new ort.Tensor('float32', Float32Array.from(numericValues(col('x2')).subarray(0, n)), [n, 1]),
      x3: new ort.Tensor('float32', Float32Array.from(numericValues(col('x3')).subarray(0, n)), [n, 1]),
      colour: new ort.Tensor(
        'string',
        Array.from(col('colour').codes!.subarray(0, n), (c) => col('colour').dictionary![c]),
        [n, 1],
      ),
    });
    const p = out.probabilities.data as Float32Array;
    const holdout = gbt.holdoutRows;
    holdout.forEach((row, i) => expect(Math.abs(p[2 * row + 1] - gbt.holdoutProbabilities[i])).toBeLessThan(1e-5));
    expect(exportLogisticOnnx(logistic.model).length).toBeGreaterThan(0);
    console.log(`XOR held-out F1: gbt ${gbt.challenger.f1.toFixed(4)}, logistic ${logistic.challenger.f1.toFixed(4)}`);
  });

  it('reports progress per tree and stops when aborted', async () => {
    const { ref, prod, plans } = await fixturePair();
    const seen: number[] = [];
    const controller = new AbortController();
    const run = trainChallenger(
      ref,
      prod,
      plans,
      expected.label,
      { family: 'gradient_boosting', gbt: { nEstimators: 50 } },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'fit') seen.push(p.iteration);
          if (p.iteration === 3) controller.abort();
        },
      },
    );
    await expect(run).rejects.toThrow();
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe('binFeatures / binThresholds', () => {
  it('float32Between(a, b) is a float32 t with a <= t < b, also for adjacent float32 numbers', () => {
    const a = Math.fround(0.1);
    const next = new Float32Array(new Uint32Array([new Uint32Array(new Float32Array([a]).buffer)[0] + 1]).buffer)[0];
    for (const [lo, hi] of [
      [a, next],
      [1, 2],
      [-3.5, -3.25],
      [0, Math.fround(1e-30)],
    ]) {
      const t = float32Between(lo, hi);
      expect(Math.fround(t)).toBe(t);
      expect(lo <= t && t < hi).toBe(true);
    }
    expect(float32Between(a, next)).toBe(a); // the midpoint rounds up to `next`: fall back to a
    expect(float32Between(1, 2)).toBe(1.5);
  });

  it('every distinct value its own bin up to maxBins, quantile cuts above; NaN in the last bin', () => {
    expect(Array.from(binThresholds(Float64Array.from([3, 1, 2, 2, NaN, 1]), 255))).toEqual([1.5, 2.5]);
    const many = Float64Array.from({ length: 1000 }, (_, i) => Math.fround(i / 7));
    const t = binThresholds(many, 10);
    expect(t.length).toBe(9);
    for (let i = 1; i < t.length; i++) expect(t[i]).toBeGreaterThan(t[i - 1]);
  });

  it('bins of the fixture stay inside their units; categorical bins are level positions', async () => {
    const { ref, prod, plans } = await fixturePair();
    const r = await trainChallenger(ref, prod, plans, expected.label, { family: 'gradient_boosting', gbt: { nEstimators: 1 } });
    const { featureInputs } = await import('../../../src/core/train/featureInputs.ts');
    const inputs = featureInputs(ref, prod, plans);
    const rows = Int32Array.from({ length: ref.rows }, (_, i) => i);
    const data = binFeatures(r.model.features, inputs, rows, 255);
    for (let i = 0; i < data.n; i++) {
      for (let u = 0; u < data.units; u++) {
        const local = data.bins[i * data.units + u] - data.offset[u];
        expect(local >= 0 && local < data.nBins[u]).toBe(true);
      }
    }
    const colour = plans.findIndex((p) => p.name === 'colour');
    expect(colour).toBeGreaterThan(-1);
  });
});

describe('exportGbtOnnx: onnxruntime binary-ensemble rules', () => {
  /** A one-feature model by hand: x <= 0.5 (NaN left) -> +0.4, else -> `right`. */
  const model = (right: number): GbtModel => ({
    family: 'gradient_boosting',
    trainerVersion: 'test',
    features: { numerical: ['x'], categorical: [{ name: 'c', kind: 'categorical', levels: ['a'] }], minFrequency: 1 },
    classes: ['0', '1'],
    baseScore: Math.fround(-0.25),
    trees: [
      {
        feature: [0, -1, -1],
        threshold: [0.5, 0, 0],
        missingLeft: [1, 0, 0],
        left: [1, -1, -1],
        right: [2, -1, -1],
        value: [0, Math.fround(0.4), Math.fround(right)],
      },
      {
        feature: [1, -1, -1],
        threshold: [0.5, 0, 0],
        missingLeft: [0, 0, 0],
        left: [1, -1, -1],
        right: [2, -1, -1],
        value: [0, 0, Math.fround(right / 2)],
      },
    ],
    params: DEFAULT_GBT_PARAMS,
  });
  for (const right of [-0.9, 0.9]) {
    it(`probabilities = [1 - sigmoid(s), sigmoid(s)] and label = argmax, leaf weights ${right < 0 ? 'mixed' : 'all >= 0'}`, async () => {
      const m = model(right);
      const session = await ort.InferenceSession.create(exportGbtOnnx(m));
      const xs = [0.2, 0.5, Math.fround(0.5000001), 3, NaN];
      const cs = ['a', 'b', 'a', '', 'a'];
      const out = await session.run({
        x: new ort.Tensor('float32', Float32Array.from(xs), [5, 1]),
        c: new ort.Tensor('string', cs, [5, 1]),
      });
      const p = out.probabilities.data as Float32Array;
      const inputs = [
        { name: 'x', kind: 'numerical' as const, values: Float64Array.from(xs) },
        {
          name: 'c',
          kind: 'categorical' as const,
          categories: ['a', 'b'],
          codes: Int32Array.from(cs, (c) => (c === 'a' ? 0 : c === 'b' ? 1 : -1)),
        },
      ];
      const want = predictGbtProbabilities(m, inputs, Int32Array.from([0, 1, 2, 3, 4]));
      const sig = (s: number) => 1 / (1 + Math.exp(-s));
      // By hand: matrix [x, c=a, c=<other>]; c = 'a' sets column 1 -> the second tree's right leaf.
      const s = [-0.25 + 0.4 + right / 2, -0.25 + 0.4, -0.25 + right + right / 2, -0.25 + right, -0.25 + 0.4 + right / 2];
      for (let i = 0; i < 5; i++) {
        expect(want[i]).toBeCloseTo(sig(s[i]), 6);
        expect(Math.abs(p[2 * i + 1] - want[i])).toBeLessThan(1e-6);
        expect(Math.abs(p[2 * i] - (1 - want[i]))).toBeLessThan(1e-6);
        expect(Number((out.label.data as BigInt64Array)[i])).toBe(want[i] > 0.5 ? 1 : 0);
      }
    });
  }
});
