import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { exportGbtOnnx } from '../../../src/core/onnxExport/exportGbtOnnx.ts';
import { categoricalStrings, column, featureInputs } from '../../../src/core/train/featureInputs.ts';
import { predictGbtProbabilities } from '../../../src/core/train/gbt/predictGbt.ts';
import type { GbtModel } from '../../../src/core/train/gbt/types.ts';
import { trainChallenger } from '../../../src/core/train/trainChallenger.ts';
import type { ParsedTable } from '../../../src/core/table/types.ts';
import { expected, fixturePair } from './helpers.ts';
import { numericValues } from '../../../src/core/table/numericValues.ts';

/** The raw columns of `table` as the exported model's feeds (as the CLI's and the dashboard's runners feed them). */
function feeds(model: GbtModel, table: ParsedTable): Record<string, ort.Tensor> {
  const out: Record<string, ort.Tensor> = {};
  for (const name of model.features.numerical)
    out[name] = new ort.Tensor('float32', Float32Array.from(numericValues(column(table, name)).subarray(0, table.rows)), [table.rows, 1]);
  for (const s of model.features.categorical)
    out[s.name] = new ort.Tensor('string', categoricalStrings(column(table, s.name), table.rows), [table.rows, 1]);
  return out;
}

async function trained(gbt: Partial<GbtModel['params']> = {}) {
  const { ref, prod, plans } = await fixturePair();
  const r = await trainChallenger(ref, prod, plans, expected.label, { family: 'gradient_boosting', seed: 42, gbt });
  return { ref, prod, plans, r };
}

describe('exportGbtOnnx(model) in onnxruntime-web (Node)', () => {
  for (const [name, gbt] of [
    ['defaults (depth 3, 100 trees)', {}],
    ['best-first with max_leaf_nodes 6, depth 5, l2 1, 40 bins', { maxDepth: 5, maxLeafNodes: 6, l2: 1, maxBins: 40, nEstimators: 60 }],
  ] as const) {
    it(`reproduces the trainer's probabilities and labels: ${name}`, async () => {
      const { ref, prod, plans, r } = await trained(gbt);
      const model = r.model;
      expect(model.trees).toHaveLength(gbt.nEstimators ?? 100);
      const session = await ort.InferenceSession.create(exportGbtOnnx(model));
      expect([...session.outputNames]).toEqual(['probabilities', 'label']);
      const inputs = featureInputs(ref, prod, plans);
      let maxDiff = 0;
      for (const [table, offset] of [
        [ref, 0],
        [prod, ref.rows],
      ] as const) {
        const out = await session.run(feeds(model, table));
        const probs = out.probabilities.data as Float32Array;
        expect(out.probabilities.dims).toEqual([table.rows, 2]);
        const want = predictGbtProbabilities(
          model,
          inputs,
          Int32Array.from({ length: table.rows }, (_, i) => offset + i),
        );
        const labels = out.label.data as string[];
        for (let i = 0; i < table.rows; i++) {
          maxDiff = Math.max(maxDiff, Math.abs(probs[2 * i + 1] - want[i]), Math.abs(probs[2 * i] - (1 - want[i])));
          if (Math.abs(want[i] - 0.5) > 1e-5) expect(labels[i]).toBe(want[i] > 0.5 ? model.classes[1] : model.classes[0]);
        }
      }
      // Same float32 thresholds and inputs, so every row takes the same leaves; onnxruntime sums the
      // float32 leaf values in float32 (the trainer in float64) and computes the sigmoid in float32.
      expect(maxDiff).toBeLessThan(1e-5);
      console.log(`max |p_onnx - p_trainer| ${name}: ${maxDiff.toExponential(2)}`);
    });
  }
});
