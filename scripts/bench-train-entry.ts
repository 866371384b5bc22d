/**
 * Bundled and run by scripts/bench-train.mjs (not imported by the app): times trainChallenger on a
 * generated pair and writes the preprocessed training rows for the sklearn comparison.
 * Args: <dir with reference.csv + production.csv> <out dir> <reps>
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsvFile } from '../src/node/readCsvFile.ts';
import { planColumns } from '../src/core/table/planColumns.ts';
import { trainChallenger } from '../src/core/train/trainChallenger.ts';
import { featureInputs } from '../src/core/train/featureInputs.ts';
import { binaryLabels } from '../src/core/train/binaryLabels.ts';
import { designMatrix } from '../src/core/train/designMatrix.ts';
import { splitHoldout } from '../src/core/train/splitHoldout.ts';
import { exportLogisticOnnx } from '../src/core/onnxExport/exportLogisticOnnx.ts';

const [dir, out, repsText] = process.argv.slice(2);
const reps = Number(repsText ?? 5);
const opts = { delimiter: 'auto' as const, missingValues: ['', 'NA', 'NaN', 'null', '?'] };
const ref = await readCsvFile(join(dir, 'reference.csv'), opts);
const prod = await readCsvFile(join(dir, 'production.csv'), opts);
const { plans } = planColumns(ref, prod, {
  label: 'label',
  drop: ['id', 'timestamp'],
  numerical: [],
  categorical: [],
  maxCategoricalUnique: 20,
});

const runs: { totalMs: number; preprocessMs: number; fitMs: number; exportMs: number; iterations: number }[] = [];
let last = null as Awaited<ReturnType<typeof trainChallenger>> | null;
for (let r = 0; r < reps; r++) {
  const t0 = performance.now();
  last = await trainChallenger(ref, prod, plans, 'label', { seed: 42 });
  const t1 = performance.now();
  exportLogisticOnnx(last.model);
  const t2 = performance.now();
  runs.push({
    totalMs: t1 - t0,
    preprocessMs: last.timings.preprocessMs,
    fitMs: last.timings.fitMs,
    exportMs: t2 - t1,
    iterations: last.model.iterations,
  });
}

// The same training rows, preprocessed, for sklearn: numeric block, hot indices, y.
const model = last!.model;
const labels = binaryLabels(ref, prod, 'label');
const labelledProd: number[] = [];
for (let i = 0; i < prod.rows; i++) if (labels.y[ref.rows + i] !== 255) labelledProd.push(i);
const split = splitHoldout(labelledProd.length, 0.2, 42);
const train: number[] = [];
for (let i = 0; i < ref.rows; i++) if (labels.y[i] !== 255) train.push(i);
for (const j of split.train) train.push(ref.rows + labelledProd[j]);
const rows = Int32Array.from(train);
const x = designMatrix(model.preprocessing, featureInputs(ref, prod, plans), rows);
writeFileSync(join(out, 'numeric.f64'), Buffer.from(x.numeric.buffer));
writeFileSync(join(out, 'hot.i32'), Buffer.from(x.hot.buffer));
writeFileSync(join(out, 'y.u8'), Buffer.from(Uint8Array.from(rows, (r) => labels.y[r])));
const meta = { rows: x.rows, k: x.k, m: x.m, columns: x.columns, coef: model.coef, intercept: model.intercept, runs, train: last!.rows };
writeFileSync(join(out, 'meta.json'), JSON.stringify(meta));
console.log(JSON.stringify({ runs, rows: last!.rows, columns: x.columns, iterations: model.iterations }));
