/**
 * Models whose shapes or outputs are unusual: fixed batch sizes, runtime failures, per-column inputs
 * wider than one value, outputs that are not class probabilities, a probability tensor without class
 * labels. Fixtures: scripts/make_onnx_fixtures.py (other_models), checked there with python onnxruntime.
 */
import { describe, expect, it } from 'vitest';
import { analysePerformance } from '../../src/core/performance.ts';
import { scoreTable } from '../../src/core/model/scoreTable.ts';
import { loadKernels } from '../../src/kernels/loadKernels.ts';
import { config, expected, fixtureTables, inputError, loadModel, opts, table } from './helpers.ts';

describe('scoreTable: a model with a fixed batch size', () => {
  for (const b of [1, 3]) {
    it(`linear_batch${b}: run in batches of ${b} (the last one padded), probabilities equal the dynamic-batch model's`, async () => {
      const [reference, production] = await fixtureTables();
      const fixed = await loadModel(`linear_batch${b}`);
      const dynamic = await loadModel('linear');
      expect(fixed.inputs[0].shape[0]).toBe(b);
      // production has 200 rows: not a multiple of 3, so the last batch of 3 is padded.
      for (const t of [reference, production]) {
        const got = await scoreTable(fixed, t, { ...opts, batchRows: 7 });
        const want = await scoreTable(dynamic, t, opts);
        expect(got.classes).toEqual(want.classes);
        expect(got.warnings).toEqual([
          `m.onnx: its inputs have a fixed batch size of ${b}, so ${t.file} was scored in ${Math.ceil(t.rows / b)} runs of ${b} row${b === 1 ? '' : 's'} (the last one padded); export the model with a dynamic batch dimension (torch.onnx.export dynamic_axes={"input": {0: "batch"}}) to score in fewer, larger runs`,
        ]);
        expect(Array.from(got.predicted)).toEqual(Array.from(want.predicted));
        expect(got.proba!.length).toBe(t.rows * 2);
        for (let i = 0; i < got.proba!.length; i++) expect(got.proba![i]).toBe(want.proba![i]);
      }
      await Promise.all([fixed.release(), dynamic.release()]);
    });
  }

  it('a table of 2 rows through a batch of 3: one padded run, 2 rows out', async () => {
    const t = await table('x0,x1,x2,x3\n1,2,3,4\n-1,0.5,0,2\n', 'two.csv');
    const got = await scoreTable(await loadModel('linear_batch3'), t, opts);
    const want = await scoreTable(await loadModel('linear'), t, opts);
    expect(got.predicted.length).toBe(2);
    expect(Array.from(got.proba!)).toEqual(Array.from(want.proba!));
  });
});

describe('scoreTable: onnxruntime failures are one InputError line', () => {
  it('reshape_fails: a graph that fails at run time names the model, the data file and what to do', async () => {
    const [reference] = await fixtureTables();
    const msg = await inputError(scoreTable(await loadModel('reshape_fails'), reference, { ...opts, file: 'reshape_fails.onnx' }));
    expect(msg).toMatch(/^reshape_fails\.onnx: onnxruntime failed to run the model on rows 1-300 of reference\.csv \(.*reshaped.*\); /);
    expect(msg).toMatch(/; fed input "input" \[300, 4\] float32 from config model\.features; check that the model runs/);
    expect(msg).not.toMatch(/OrtRun|ERROR_CODE|\.h:\d+/);
  });
});

describe('planInputs: one input per column', () => {
  it('wide_column: an input of two values per row is refused, naming the input', async () => {
    const [reference] = await fixtureTables();
    const msg = await inputError(scoreTable(await loadModel('wide_column'), reference, { ...opts, file: 'wide.onnx' }));
    expect(msg).toBe(
      'wide.onnx: input "x0" takes 2 values per row ([N, 2]) but it is fed from column "x0", one value per row; export the model with one input of shape [N, 1] per column, or one [N, F] input fed from model.features',
    );
  });
});

describe('scoreTable: outputs that are not class probabilities are refused', () => {
  it('raw_scores: a float [N, 2] output with values outside 0..1', async () => {
    const [reference] = await fixtureTables();
    const msg = await inputError(scoreTable(await loadModel('raw_scores'), reference, { ...opts, file: 'raw.onnx' }));
    expect(msg).toMatch(
      /^raw\.onnx: output "scores" is not class probabilities: row \d+ of reference\.csv is \[-?[\d.]+, -?[\d.]+\] \(values outside 0\.\.1\); /,
    );
    expect(msg).toMatch(/Softmax/);
  });

  it('sigmoid_pair: values in 0..1 whose rows do not sum to 1', async () => {
    const [reference] = await fixtureTables();
    const msg = await inputError(scoreTable(await loadModel('sigmoid_pair'), reference, { ...opts, file: 'pair.onnx' }));
    expect(msg).toMatch(
      /^pair\.onnx: output "probabilities" is not class probabilities: row 1 of reference\.csv is \[[\d.]+, [\d.]+\] \(sum [\d.]+, not 1\); /,
    );
  });

  it('plain_regressor: one float output outside 0..1 (no regressor operator to recognise)', async () => {
    const [reference] = await fixtureTables();
    const msg = await inputError(scoreTable(await loadModel('plain_regressor'), reference, { ...opts, file: 'reg.onnx' }));
    expect(msg).toMatch(/^reg\.onnx: output "variable" is .* outside 0\.\.1/);
  });

  it('a single sigmoid column and a Softmax [N, 2] are accepted', async () => {
    const [reference] = await fixtureTables();
    const plain = await scoreTable(await loadModel('logistic_plain'), reference, opts);
    const soft = await scoreTable(await loadModel('softmax_logistic'), reference, opts);
    expect(soft.classes).toEqual(['0', '1']);
    for (let i = 0; i < reference.rows * 2; i++) expect(Math.abs(soft.proba![i] - plain.proba![i])).toBeLessThan(1e-5);
  });
});

describe('analysePerformance: which columns feed an [N, F] model', () => {
  it('the numeric columns picked in file order leave out columns.drop', async () => {
    const [reference, production] = await fixtureTables();
    // An extra numeric column "row_id" before the features: dropped, so the 4 remaining numeric columns feed the model.
    const withId = async (t: typeof reference) => {
      const lines = (await import('node:fs'))
        .readFileSync(new URL(`../fixtures/onnx/${t.file}`, import.meta.url), 'utf8')
        .trimEnd()
        .split('\n');
      return table(lines.map((l, i) => `${i === 0 ? 'row_id' : i * 10},${l}`).join('\n') + '\n', t.file);
    };
    const [r, p] = [await withId(reference), await withId(production)];
    const runner = await loadModel('linear');
    const cfg = config({ data: { label_column: 'y' }, columns: { drop: ['row_id', 'color', 'size', 'kind'] } });
    const stats = await analysePerformance({
      reference: r,
      production: p,
      config: cfg,
      kernels: await loadKernels(),
      runner,
      modelFile: 'linear.onnx',
    });
    await runner.release();
    expect(stats!.source).toBe(
      'model linear.onnx: 4 inputs (x0, x1, x2, x3) from the 4 numeric columns in file order (set model.features to choose)',
    );
    expect(Math.abs(stats!.baseline!.f1 - (expected.models.linear.runs.reference.metrics.f1 as number))).toBeLessThan(1e-9);
  });
});

describe('analysePerformance: how probability columns map to classes', () => {
  it('softmax_logistic (no label output, no class labels): column i is class "i", said in class_mapping', async () => {
    const [reference, production] = await fixtureTables();
    const runner = await loadModel('softmax_logistic');
    const cfg = config({ data: { label_column: 'y' }, model: { features: expected.features } });
    const stats = await analysePerformance({
      reference,
      production,
      config: cfg,
      kernels: await loadKernels(),
      runner,
      modelFile: 'soft.onnx',
    });
    await runner.release();
    expect(stats!.classes).toEqual(['0', '1']);
    expect(stats!.class_mapping).toBe(
      'output "probabilities" has no class labels: probability column i is class "i" (0, 1); labels match by text or as 1/true/yes and 0/false/no',
    );
    expect(stats!.positive_class_reason).toMatch(/classes from the columns of output "probabilities"$/);
    expect(Math.abs(stats!.baseline!.f1 - (expected.models.linear.runs.reference.metrics.f1 as number))).toBeLessThan(1e-9);
  });

  it('a classifier with class labels says so', async () => {
    const [reference, production] = await fixtureTables();
    const runner = await loadModel('linear');
    const cfg = config({ data: { label_column: 'y' }, model: { features: expected.features } });
    const stats = await analysePerformance({
      reference,
      production,
      config: cfg,
      kernels: await loadKernels(),
      runner,
      modelFile: 'linear.onnx',
    });
    await runner.release();
    expect(stats!.class_mapping).toBe("probability column i is the model's class label i (LinearClassifier: 0, 1)");
  });
});
