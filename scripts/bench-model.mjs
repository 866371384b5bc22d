// Scoring speed of a logistic ONNX model on the 1M-row pair in Node (onnxruntime-web, wasm, 1 thread):
//   python3 scripts/make_bench_model.py && npm run build:lib && node --max-old-space-size=8000 scripts/bench-model.mjs [runs]
// Prints the median over runs of: scoreTable on reference + production (feeds, runs, argmax), and
// analysePerformance (both scorings + metrics + prediction drift). Parsing is not included.
import { readFile } from 'node:fs/promises';
import { readTables } from '../lib/node/readTables.js';
import { createOnnxRunner } from '../lib/onnx/ortNode.js';
import { scoreTable } from '../lib/core/model/scoreTable.js';
import { analysePerformance } from '../lib/core/performance.js';
import { loadKernels } from '../lib/kernels/loadKernels.js';
import { DEFAULT_CONFIG } from '../lib/core/config/defaults.js';
import { mergeOverrides } from '../lib/core/config/loadConfig.js';
import { median } from './median.mjs';

const runs = Number(process.argv[2] ?? 5);
const dir = new URL('../.bench/gen_1000000/', import.meta.url);
const [reference, production] = await readTables(new URL('reference.csv', dir).pathname, new URL('production.csv', dir).pathname, {
  delimiter: 'auto',
  missingValues: DEFAULT_CONFIG.data.missing_values,
});
const runner = await createOnnxRunner(await readFile(new URL('../.bench/logistic_1m.onnx', import.meta.url)), 'logistic_1m.onnx');
const kernels = await loadKernels();
const config = mergeOverrides(DEFAULT_CONFIG, { data: { label_column: 'label' } }, 'bench');
const score = [];
const perf = [];
for (let i = 0; i < runs; i++) {
  let t = performance.now();
  const opts = { file: 'logistic_1m.onnx', features: null, exclude: ['label'] };
  await scoreTable(runner, reference, opts);
  await scoreTable(runner, production, opts);
  score.push(performance.now() - t);
  t = performance.now();
  await analysePerformance({ reference, production, config, kernels, runner, modelFile: 'logistic_1m.onnx' });
  perf.push(performance.now() - t);
}
console.log(
  JSON.stringify({
    rows: reference.rows + production.rows,
    runs,
    scoreBothMs: Math.round(median(score)),
    analysePerformanceMs: Math.round(median(perf)),
    all: { score: score.map(Math.round), perf: perf.map(Math.round) },
  }),
);
await runner.release();
