#!/usr/bin/env node
/**
 * Reference values for src/core/train/portableMath.ts: fdlibm's exp, log and log1p on 600 arguments
 * each, taken from Node 20's Math.exp/log/log1p (V8 11.3 computes them with its fdlibm port,
 * src/base/ieee754.cc; cross-checked bit for bit against @stdlib/math-base-special-exp/ln/log1p, also
 * fdlibm ports, on 3 million arguments: they differ only where stdlib flushes exp(-745) to 0).
 * Must run on Node 20: newer V8 uses another libm.
 *
 *   node scripts/make_portable_math_fixtures.mjs > tests/fixtures/train/portable_math.json
 */
const [major] = process.versions.node.split('.').map(Number);
if (major !== 20) {
  console.error(`error: Node ${process.versions.node}: run this with Node 20, whose Math.exp/log/log1p are fdlibm`);
  process.exit(2);
}

// mulberry32 (the samples' generator): a fixed set of arguments.
let state = 20240601;
function random() {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const spread = () => (random() - 0.5) * 10 ** (random() * 8 - 4); // |x| from 1e-4 to 1e4, both signs
const args = {
  // the sigmoid's range, the reduction's branch points, overflow and underflow edges
  exp: [
    ...Array.from({ length: 400 }, () => Math.min(709, Math.max(-745, spread()))),
    ...Array.from({ length: 150 }, () => -745 + random() * 1454),
    709.78,
    -745.13,
    0.3465,
    1.0397,
    -0.3466,
    1e-9,
    -3e-9,
  ],
  log: [
    ...Array.from({ length: 450 }, () => 10 ** (random() * 600 - 300)),
    ...Array.from({ length: 150 }, () => 1 + (random() - 0.5) * 1e-5),
  ],
  log1p: [
    ...Array.from({ length: 450 }, () => Math.max(-1 + 1e-12, spread())),
    ...Array.from({ length: 150 }, () => (random() - 0.5) * 2e-8),
  ],
};
const out = { generator: 'scripts/make_portable_math_fixtures.mjs', node: process.versions.node, v8: process.versions.v8 };
for (const [name, xs] of Object.entries(args)) out[name] = xs.map((x) => [x, Math[name](x)]);
console.log(JSON.stringify(out));
