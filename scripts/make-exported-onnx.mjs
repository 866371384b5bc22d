#!/usr/bin/env node
// Writes tests/fixtures/train/exported.onnx: exportLogisticOnnx of the model the trainer fits on the
// training fixture with the first case of tests/fixtures/train/expected.json (what
// tests/core/onnxExport/exportLogisticOnnx.test.ts trains), so that test checks the exporter's bytes
// against a file it never writes itself. Needs the compiled core; then validate the file with onnx:
//   npm run build:lib && node scripts/make-exported-onnx.mjs
//   python3 scripts/make_train_fixtures.py --check-onnx tests/fixtures/train/exported.onnx
import { readFileSync, writeFileSync } from 'node:fs';
import { exportLogisticOnnx } from '../lib/core/onnxExport/exportLogisticOnnx.js';
import { parseCsv } from '../lib/core/table/parseCsv.js';
import { planColumns } from '../lib/core/table/planColumns.js';
import { trainChallenger } from '../lib/core/train/trainChallenger.js';

const dir = new URL('../tests/fixtures/train/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8'));
// The same reading and planning as tests/core/train/helpers.ts fixturePair().
const read = (name) =>
  parseCsv(readFileSync(new URL(name, dir), 'utf8'), { file: name, delimiter: 'auto', missingValues: ['', 'NA', 'NaN', 'null', 'None'] });
const ref = await read('reference.csv');
const prod = await read('production.csv');
const { plans } = planColumns(ref, prod, { label: expected.label, drop: [], numerical: [], categorical: [], maxCategoricalUnique: 20 });
const c = expected.cases[0];
const r = await trainChallenger(ref, prod, plans, expected.label, {
  data: c.data,
  seed: c.seed,
  holdoutFraction: c.holdout_fraction,
  C: c.C,
  minFrequency: c.min_frequency,
});
const file = new URL('exported.onnx', dir);
writeFileSync(file, exportLogisticOnnx(r.model));
console.log(`wrote ${file.pathname}`);
