import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { exportLogisticOnnx } from '../../../src/core/onnxExport/exportLogisticOnnx.ts';
import { categoricalStrings, column } from '../../../src/core/train/featureInputs.ts';
import { featureInputs } from '../../../src/core/train/featureInputs.ts';
import { predictProbabilities } from '../../../src/core/train/predictProbabilities.ts';
import { trainChallenger } from '../../../src/core/train/trainChallenger.ts';
import type { ParsedTable } from '../../../src/core/table/types.ts';
import type { LogisticModel } from '../../../src/core/train/types.ts';
import { expected, fixturePair, FIXTURES } from '../train/helpers.ts';
import { numericValues } from '../../../src/core/table/numericValues.ts';

/** The raw columns of `table` as the exported model's feeds. */
function feeds(model: LogisticModel, table: ParsedTable): Record<string, ort.Tensor> {
  const out: Record<string, ort.Tensor> = {};
  for (const s of model.preprocessing.numerical)
    out[s.name] = new ort.Tensor('float32', Float32Array.from(numericValues(column(table, s.name))), [table.rows, 1]);
  for (const s of model.preprocessing.categorical)
    out[s.name] = new ort.Tensor('string', categoricalStrings(column(table, s.name), table.rows), [table.rows, 1]);
  return out;
}

async function trained(caseIndex = 0) {
  const c = expected.cases[caseIndex];
  const { ref, prod, plans } = await fixturePair();
  const r = await trainChallenger(ref, prod, plans, expected.label, {
    data: c.data,
    seed: c.seed,
    holdoutFraction: c.holdout_fraction,
    C: c.C,
    minFrequency: c.min_frequency,
  });
  return { ref, prod, plans, model: r.model };
}

describe('exportLogisticOnnx(model)', () => {
  it("runs in onnxruntime-web (Node) and gives the trainer's probabilities and labels", async () => {
    const { ref, prod, plans, model } = await trained();
    const bytes = exportLogisticOnnx(model);
    const session = await ort.InferenceSession.create(bytes);
    expect([...session.inputNames].sort()).toEqual(['colour', 'grade', 'x_int', 'x_normal', 'x_skewed']);
    expect([...session.outputNames]).toEqual(['probabilities', 'label']);
    const inputs = featureInputs(ref, prod, plans);
    for (const [table, offset] of [
      [ref, 0],
      [prod, ref.rows],
    ] as const) {
      const out = await session.run(feeds(model, table));
      const probs = out.probabilities.data as Float32Array;
      expect(out.probabilities.dims).toEqual([table.rows, 2]);
      const want = predictProbabilities(
        model,
        inputs,
        Int32Array.from({ length: table.rows }, (_, i) => offset + i),
      );
      const labels = out.label.data as string[];
      let maxDiff = 0;
      for (let i = 0; i < table.rows; i++) {
        maxDiff = Math.max(maxDiff, Math.abs(probs[2 * i + 1] - want[i]), Math.abs(probs[2 * i] - (1 - want[i])));
        // A label may only differ from the float64 decision when p is within float32 rounding of 0.5.
        if (Math.abs(want[i] - 0.5) > 1e-6) expect(labels[i]).toBe(want[i] > 0.5 ? 'yes' : 'no');
      }
      // float32 inside the graph: inputs (up to ~1e3) rounded to 24 bits, a 19-term float32 dot
      // product and sigmoid; measured max 1.5e-7. Bound 1e-6.
      expect(maxDiff).toBeLessThan(1e-6);
    }
  });

  it('maps missing values, rare and unseen levels like the trainer', async () => {
    const { model } = await trained();
    const session = await ort.InferenceSession.create(exportLogisticOnnx(model));
    const rows = [
      { x_normal: NaN, x_skewed: NaN, x_int: NaN, colour: '', grade: '' },
      { x_normal: 12, x_skewed: 2.5, x_int: 10, colour: 'ochre', grade: '9' },
      { x_normal: 8, x_skewed: 40, x_int: 999, colour: 'never-seen', grade: '2' },
    ];
    const n = rows.length;
    const f: Record<string, ort.Tensor> = {};
    for (const s of model.preprocessing.numerical)
      f[s.name] = new ort.Tensor(
        'float32',
        Float32Array.from(rows, (r) => r[s.name as 'x_int']),
        [n, 1],
      );
    for (const s of model.preprocessing.categorical)
      f[s.name] = new ort.Tensor(
        'string',
        rows.map((r) => r[s.name as 'colour']),
        [n, 1],
      );
    const out = await session.run(f);
    const inputs = model.preprocessing.numerical
      .map((s) => ({ name: s.name, kind: 'numerical' as const, values: Float64Array.from(rows, (r) => r[s.name as 'x_int']) }))
      .concat([] as never[]);
    const cats = model.preprocessing.categorical.map((s) => {
      const texts = rows.map((r) => r[s.name as 'colour']);
      const categories = [...new Set(texts.filter((t) => t !== ''))];
      return {
        name: s.name,
        kind: 'categorical' as const,
        categories,
        codes: Int32Array.from(texts, (t) => (t === '' ? -1 : categories.indexOf(t))),
      };
    });
    const want = predictProbabilities(model, [...inputs, ...cats], Int32Array.of(0, 1, 2));
    const probs = out.probabilities.data as Float32Array;
    for (let i = 0; i < n; i++) expect(Math.abs(probs[2 * i + 1] - want[i])).toBeLessThan(1e-6); // float32, as above
  });

  it('gives byte-identical models for the same seed and data, and different ones for another seed', async () => {
    const a = exportLogisticOnnx((await trained()).model);
    const b = exportLogisticOnnx((await trained()).model);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const { ref, prod, plans } = await fixturePair();
    const other = await trainChallenger(ref, prod, plans, expected.label, { seed: 43, C: 0.5 });
    expect(Buffer.from(exportLogisticOnnx(other.model)).equals(Buffer.from(a))).toBe(false);
  });

  it('matches the committed model (written by scripts/make-exported-onnx.mjs, checked by make_train_fixtures.py --check-onnx)', async () => {
    const bytes = exportLogisticOnnx((await trained()).model);
    const file = new URL('exported.onnx', FIXTURES);
    expect(Buffer.from(bytes).equals(readFileSync(file))).toBe(true);
  });

  it('writes int64 labels when both classes are integers', async () => {
    const { model } = await trained(1);
    const session = await ort.InferenceSession.create(exportLogisticOnnx({ ...model, classes: ['0', '1'] }));
    const { prod } = await fixturePair();
    const out = await session.run(feeds(model, prod));
    expect(out.label.type).toBe('int64');
    const probs = out.probabilities.data as Float32Array;
    const labels = out.label.data as BigInt64Array;
    for (let i = 0; i < prod.rows; i++) expect(labels[i]).toBe(probs[2 * i + 1] > probs[2 * i] ? 1n : 0n);
  });
});
