/**
 * Bundled and run by scripts/bench-gbt.mjs (not imported by the app): times trainChallenger with
 * family 'gradient_boosting' (defaults: 100 trees of depth 3, 255 bins) on a generated pair, and
 * the ONNX export; wall and CPU milliseconds (CPU time is the fairer number on a busy machine). Args: <dir with reference.csv + production.csv> <reps>
 */
import { join } from 'node:path';
import { readCsvFile } from '../src/node/readCsvFile.ts';
import { planColumns } from '../src/core/table/planColumns.ts';
import { trainChallenger } from '../src/core/train/trainChallenger.ts';
import { exportGbtOnnx } from '../src/core/onnxExport/exportGbtOnnx.ts';

const [dir, repsText] = process.argv.slice(2);
const reps = Number(repsText ?? 3);
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
for (let r = 0; r < reps; r++) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const res = await trainChallenger(ref, prod, plans, 'label', { family: 'gradient_boosting', seed: 42 });
  const t1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const bytes = exportGbtOnnx(res.model);
  const t2 = performance.now();
  console.log(
    JSON.stringify({
      totalMs: Math.round(t1 - t0),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      preprocessMs: Math.round(res.timings.preprocessMs),
      fitMs: Math.round(res.timings.fitMs),
      exportMs: Math.round(t2 - t1),
      onnxBytes: bytes.length,
      rows: res.rows,
      holdout: res.challenger,
    }),
  );
}
