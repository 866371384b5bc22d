/**
 * Coverage of the label-free performance estimate on seeded simulations
 * (src/core/samples/estimateScenarios.ts): for each scenario, how often the 95% bands hold the
 * realized production accuracy and F1, how often estimate_reliable is false, and how often the
 * estimate is reliable yet its band misses (a confident wrong number).
 *
 *   npm run build:lib && node scripts/estimate-coverage.mjs [runs=200]
 *
 * Prints a Markdown table (the README's, Models section).
 */
import { ESTIMATE_SCENARIOS, estimateCoverage } from '../lib/core/samples/estimateScenarios.js';

const runs = Number(process.argv[2] ?? 200);
const pct = (x) => `${(100 * x).toFixed(1)}%`;
console.log(
  `| scenario | runs | accuracy band covers | F1 band covers | label-shift F1 band covers | flagged unreliable | reliable and F1 missed | reliable and accuracy missed | mean abs F1 error |`,
);
console.log(`|---|---:|---:|---:|---:|---:|---:|---:|---:|`);
for (const scenario of ESTIMATE_SCENARIOS) {
  const t0 = Date.now();
  const r = estimateCoverage(scenario, runs);
  console.log(
    `| ${scenario} | ${r.runs} | ${pct(r.accuracyCovered)} | ${pct(r.f1Covered)} | ${pct(r.labelShiftF1Covered)} | ${pct(r.unreliable)} | ${pct(r.reliableF1Missed)} | ${pct(r.reliableAccuracyMissed)} | ${r.f1Error.toFixed(3)} |`,
  );
  console.error(`${scenario}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
