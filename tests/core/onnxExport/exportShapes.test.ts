import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { exportLogisticOnnx } from '../../../src/core/onnxExport/exportLogisticOnnx.ts';
import { TRAINER_VERSION } from '../../../src/core/train/trainChallenger.ts';
import type { LogisticModel, Preprocessing } from '../../../src/core/train/types.ts';

function model(preprocessing: Preprocessing, coef: number[]): LogisticModel {
  return {
    family: 'logistic',
    trainerVersion: TRAINER_VERSION,
    preprocessing,
    classes: ['0', '1'],
    coef,
    intercept: 0.25,
    C: 1,
    iterations: 1,
    converged: true,
  };
}
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

// Hand-made models whose probabilities are known in closed form (float32 in the graph: bound 1e-6).
describe('exportLogisticOnnx edge shapes in onnxruntime-web', () => {
  it('numericals only', async () => {
    const m = model({ numerical: [{ name: 'a', kind: 'numerical', median: 1, mean: 2, scale: 4 }], categorical: [], minFrequency: 5 }, [2]);
    const s = await ort.InferenceSession.create(exportLogisticOnnx(m));
    const out = await s.run({ a: new ort.Tensor('float32', Float32Array.of(6, NaN), [2, 1]) });
    const p = out.probabilities.data as Float32Array;
    expect(Math.abs(p[1] - sigmoid(0.25 + 2 * ((6 - 2) / 4)))).toBeLessThan(1e-6);
    expect(Math.abs(p[3] - sigmoid(0.25 + 2 * ((1 - 2) / 4)))).toBeLessThan(1e-6); // NaN -> median 1
  });
  it('a categorical with no frequent level (only "other") and one with levels', async () => {
    const m = model(
      {
        numerical: [],
        categorical: [
          { name: 'c', kind: 'categorical', levels: [] },
          { name: 'd', kind: 'categorical', levels: ['x', ''] },
        ],
        minFrequency: 5,
      },
      [0.5, 1, -1, 3],
    );
    const s = await ort.InferenceSession.create(exportLogisticOnnx(m));
    const out = await s.run({
      c: new ort.Tensor('string', ['q', ''], [2, 1]),
      d: new ort.Tensor('string', ['', 'new'], [2, 1]),
    });
    const p = out.probabilities.data as Float32Array;
    expect(Math.abs(p[1] - sigmoid(0.25 + 0.5 - 1))).toBeLessThan(1e-6); // c other, d missing level
    expect(Math.abs(p[3] - sigmoid(0.25 + 0.5 + 3))).toBeLessThan(1e-6); // c other, d other
    expect(Array.from(out.label.data as BigInt64Array)).toEqual([0n, 1n]);
  });
  it('refuses a feature named like an output', () => {
    const m = model(
      { numerical: [{ name: 'label', kind: 'numerical', median: 0, mean: 0, scale: 1 }], categorical: [], minFrequency: 5 },
      [1],
    );
    expect(() => exportLogisticOnnx(m)).toThrow(/feature column "label" clashes/);
  });
});
