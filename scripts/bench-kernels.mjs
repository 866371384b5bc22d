#!/usr/bin/env node
/**
 * Times the wasm kernels alone: numerical() on 1M vs 1M random doubles and countCodes() on 1M codes,
 * through the real src/kernels loader (TypeScript loaded with vite's SSR module loader), and the
 * whole per-feature stats (numericalFeatureStats / categoricalFeatureStats). Prints medians.
 *
 *   npm run build:wasm && node scripts/bench-kernels.mjs [--n 1000000] [--reps 9]
 */
import { createServer } from 'vite';
import { median } from './median.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : def);
const N = opt('n', 1_000_000);
const REPS = opt('reps', 9);

function time(label, fn) {
  fn(); // warm-up
  const ms = [];
  for (let r = 0; r < REPS; r++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  console.log(
    `${label.padEnd(48)} median ${median(ms).toFixed(1)} ms  (min ${Math.min(...ms).toFixed(1)}, max ${Math.max(...ms).toFixed(1)}, ${REPS} runs)`,
  );
  return median(ms);
}

const server = await createServer({ logLevel: 'error', server: { middlewareMode: true }, appType: 'custom' });
try {
  const { loadKernels } = await server.ssrLoadModule('/src/kernels/index.ts');
  const k = await loadKernels();

  let s = 42;
  const rand = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const ref = Float64Array.from({ length: N }, gauss);
  const prod = Float64Array.from({ length: N }, () => 0.1 + 1.1 * gauss());
  const refCodes = Int32Array.from({ length: N }, () => Math.floor(rand() * 12) - 1);
  const prodCodes = Int32Array.from({ length: N }, () => Math.floor(rand() * 13) - 1);
  const categories = Array.from({ length: 12 }, (_, i) => `c${i}`);

  console.log(`N = ${N} per sample, node ${process.version}`);
  time('JS Float64Array.prototype.sort (copy + sort, ref)', () => ref.slice().sort());
  time('sortedWithoutNaN(ref) (copy in/out + radix)', () => k.sortedWithoutNaN(ref));
  const num = time('numerical(ref, prod, 10)', () => k.numerical(ref, prod, 10));
  const { numericalFeatureStats, categoricalFeatureStats } = await server.ssrLoadModule('/src/core/stattests/index.ts');
  const numStats = time('numericalFeatureStats (incl. KS p-value, PSI)', () =>
    numericalFeatureStats(k, ref, prod, { bins: 10, epsilon: 1e-4 }),
  );
  time('countCodes(refCodes, 12)', () => k.countCodes(refCodes, 12));
  const catStats = time('categoricalFeatureStats (chi2, PSI, TV)', () =>
    categoricalFeatureStats(k, refCodes, prodCodes, categories, { epsilon: 1e-4 }),
  );
  console.log(
    `estimate for 10 numerical + 10 categorical features: ${(10 * numStats + 10 * catStats).toFixed(0)} ms (numerical() alone: ${(10 * num).toFixed(0)} ms)`,
  );
} finally {
  await server.close();
}
