/**
 * Drift that matters: a model that uses x0 only (y follows x0; x1 is noise to it) ranks a small drift
 * on x0 above a large drift on x1. The model is trained by the project's logistic trainer, exported to
 * ONNX and run by onnxruntime, as a user's model would be.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse.ts';
import { defaultConfig } from '../../../src/core/config/defaults.ts';
import { driftImpact, driftImpactOptions } from '../../../src/core/quality/driftImpact.ts';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';
import { trainChallenger } from '../../../src/core/train/trainChallenger.ts';
import { exportModelOnnx } from '../../../src/core/onnxExport/exportModelOnnx.ts';
import { createOnnxRunner } from '../../../src/onnx/ortNode.ts';
import { loadKernels } from '../../../src/kernels/index.ts';
import { mulberry32 } from '../../../src/core/samples/mulberry32.ts';
import { normalSampler } from '../../../src/core/samples/normalSampler.ts';

function csv(n: number, shift0: number, shift1: number, seed: number): string {
  const normal = normalSampler(mulberry32(seed));
  let text = 'x0,x1,y\n';
  for (let i = 0; i < n; i++) {
    const x0 = normal() + shift0;
    const x1 = normal() + shift1;
    text += `${x0.toFixed(5)},${x1.toFixed(5)},${x0 + 0.3 * normal() > 0 ? 1 : 0}\n`;
  }
  return text;
}

describe('driftImpact', () => {
  it('weights drift by the permutation importance of the model on the reference', async () => {
    const config = defaultConfig();
    config.data.label_column = 'y';
    const read = (name: string, text: string) => parseCsv(text, { file: name, delimiter: 'auto', missingValues: [''] });
    const ref = await read('ref.csv', csv(600, 0, 0, 1));
    const prod = await read('prod.csv', csv(600, 0.3, 1.5, 2));
    const analysis = analyse(ref, prod, config, await loadKernels());
    const trained = await trainChallenger(ref, prod, analysis.plans, 'y');
    const runner = await createOnnxRunner(exportModelOnnx(trained.model), 'model.onnx');
    try {
      const options = { ...driftImpactOptions(config, 'model.onnx'), maxRows: 400, seed: 3 };
      const impact = await driftImpact(runner, ref, analysis.stats, options);
      const by = Object.fromEntries(impact.features.map((f) => [f.name, f]));
      expect(by.x1.drift_score!).toBeGreaterThan(by.x0.drift_score!);
      expect(by.x0.importance).toBeGreaterThan(10 * by.x1.importance);
      expect(impact.features.map((f) => f.name)).toEqual(['x0', 'x1']);
      expect(by.x0.weighted).toBeCloseTo(by.x0.drift_score! * by.x0.importance, 15);
      expect(impact).toMatchObject({ rows: 400, sampled: true, max_rows: 400, seed: 3 });
      expect(impact.method).toContain('total variation');
      // Seeded: the same sample and permutations give the same figures.
      expect(await driftImpact(runner, ref, analysis.stats, options)).toEqual(impact);
    } finally {
      await runner.release();
    }
  });
});
