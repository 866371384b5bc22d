/** Bad models and bad data: each a one-line InputError naming the file/column/row and what to do. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePerformance } from '../../src/core/performance.ts';
import { scoreTable } from '../../src/core/model/scoreTable.ts';
import { loadKernels } from '../../src/kernels/loadKernels.ts';
import { createOnnxRunner } from '../../src/onnx/ortNode.ts';
import { config, expected, fixtureTables, inputError, loadModel, opts, modelBytes, table } from './helpers.ts';

describe('createOnnxRunner(bytes, file) refuses what is not a model', () => {
  it('createOnnxRunner: random bytes are not a readable ONNX model', async () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 7919 + 13) % 256);
    expect(await inputError(createOnnxRunner(bytes, 'junk.onnx'))).toMatch(
      /^junk\.onnx: not a readable ONNX model .*export the model to \.onnx again/,
    );
  });

  it('createOnnxRunner: a truncated model is refused', async () => {
    const bytes = modelBytes('linear').subarray(0, 200);
    expect(await inputError(createOnnxRunner(bytes, 'cut.onnx'))).toMatch(
      /^cut\.onnx: (not a readable ONNX model|onnxruntime cannot load)/,
    );
  });

  it('createOnnxRunner: a CSV renamed to .onnx is refused', async () => {
    const bytes = readFileSync(new URL('../fixtures/onnx/reference.csv', import.meta.url));
    expect(await inputError(createOnnxRunner(bytes, 'data.onnx'))).toMatch(/^data\.onnx: /);
  });
});

describe('scoreTable(runner, table, options) bad inputs', () => {
  it('scoreTable: model inputs that match no column', async () => {
    const t = await table('a,b\n1,2\n', 'other.csv');
    const msg = await inputError(scoreTable(await loadModel('pipeline_strings'), t, opts));
    expect(msg).toBe(
      'm.onnx: model inputs "x0", "x1", "color", "size" match no column of other.csv (columns: a, b); rename the columns or export the model with inputs named after them',
    );
  });

  it('scoreTable: a feature list of the wrong length', async () => {
    const [reference] = await fixtureTables();
    const msg = await inputError(scoreTable(await loadModel('linear'), reference, { ...opts, features: ['x0', 'x1', 'x2'] }));
    expect(msg).toBe('m.onnx: input "float_input" takes 4 features but config model.features lists 3 (x0, x1, x2); list exactly 4 columns');
  });

  it('scoreTable: no feature list and no count match says which columns it needs', async () => {
    const t = await table('x0,x1,y\n1,2,0\n', 'few.csv');
    const msg = await inputError(scoreTable(await loadModel('linear'), t, { ...opts, features: null }));
    expect(msg).toMatch(
      /^m\.onnx: input "float_input" takes 4 features in one tensor; set model\.features in the config to the 4 columns in order \(numeric columns in few\.csv: x0, x1\)$/,
    );
  });

  it('scoreTable: a regression model where a classifier is expected', async () => {
    const [reference] = await fixtureTables();
    const msg = await inputError(scoreTable(await loadModel('regressor'), reference, opts));
    expect(msg).toBe(
      'm.onnx: this is a regression model (LinearRegressor); drift-monitor needs a classifier that outputs labels or class probabilities',
    );
  });

  it('scoreTable: a text column fed to a numeric input names the column and row', async () => {
    const [reference] = await fixtureTables();
    const msg = await inputError(scoreTable(await loadModel('linear'), reference, { ...opts, features: ['x0', 'x1', 'x2', 'color'] }));
    expect(msg).toMatch(/^reference\.csv: column "color" holds text \(e\.g\. "\w+" at row 1\) but m\.onnx takes numbers for it/);
  });

  it('scoreTable: a model that cannot take missing values names the missing column', async () => {
    const t = await table('x0,x1,x2,x3\n1,2,3,4\n0.5,,1,1\n', 'gaps.csv');
    const msg = await inputError(scoreTable(await loadModel('logistic_plain'), t, { ...opts, features: null }));
    expect(msg).toMatch(
      /^m\.onnx: the model returned NaN for row 2 of gaps\.csv where column "x1" is missing; it cannot take missing values/,
    );
  });
});

describe('analysePerformance(args) bad labels', () => {
  it('analysePerformance: a label with a class the model does not know', async () => {
    const [reference] = await fixtureTables();
    const production = await table('x0,x1,x2,x3,y\n1,2,3,4,1\n0,0,0,0,maybe\n', 'prod.csv');
    const msg = await inputError(
      analysePerformance({
        reference,
        production,
        config: config({ data: { label_column: 'y' }, model: { features: expected.features } }),
        kernels: await loadKernels(),
        runner: await loadModel('linear'),
        modelFile: 'linear.onnx',
      }),
    );
    expect(msg).toBe(
      'prod.csv: label column "y" has class "maybe" (row 2) that the model (linear.onnx) does not know (classes: 0, 1); fix the label or use a model trained with that class',
    );
  });

  it('analysePerformance: a model without a label column is not refused: prediction drift only, with a note', async () => {
    const [reference, production] = await fixtureTables();
    const runner = await loadModel('linear');
    const stats = await analysePerformance({
      reference,
      production,
      config: config({ model: { features: expected.features } }),
      kernels: await loadKernels(),
      runner,
    });
    await runner.release();
    expect(stats!.baseline).toBeNull();
    expect(stats!.note).toMatch(/^no label column: prediction drift only/);
    expect(stats!.prediction_drift.map((d) => d.name)).toEqual(['prediction:probability', 'prediction:class']);
  });
});
