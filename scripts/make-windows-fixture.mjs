#!/usr/bin/env node
// Writes the small seeded pair the windows and History e2e tests run on (tests/fixtures/windowsui/):
// a reference of 600 rows and a production of 8 days (2024-03-01 .. 03-08) with a timestamp column
// `ts`; `amount` shifts from 03-05 on, 03-03 has 12 rows only (too small at min_rows 50), one row has
// no timestamp and one an unparsable one; a column with a hostile name. The production is also
// written as three files (days 1-3, 4-6, 7-8) for the one-window-per-file case.
//   node scripts/make-windows-fixture.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'windowsui');

/** mulberry32 (the generator src/core/samples/mulberry32.ts uses), inlined so this script needs no build. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = mulberry32(20240301);
const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
const HOSTILE = '<img src=x onerror=alert(1)>';
const header = `ts,amount,age,plan,"${HOSTILE}",label\n`;
const plans = ['basic', 'pro', 'team'];

function row(ts, shift) {
  const amount = (100 + 15 * normal() + shift).toFixed(2);
  const age = 20 + Math.floor(rnd() * 50);
  const plan = plans[Math.floor(rnd() * (shift ? 3 : 2.6))];
  const odd = Math.floor(rnd() * 4);
  const label = rnd() < (shift ? 0.55 : 0.3) ? 1 : 0;
  return `${ts},${amount},${age},${plan},${odd},${label}\n`;
}

let reference = header;
for (let i = 0; i < 600; i++) {
  const day = 1 + (i % 28);
  const ts = `2024-02-${String(day).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:15:00Z`;
  reference += row(ts, 0);
}

const days = [];
for (let d = 1; d <= 8; d++) {
  const n = d === 3 ? 12 : 80;
  let text = '';
  for (let i = 0; i < n; i++) {
    const ts = `2024-03-${String(d).padStart(2, '0')}T${String(Math.floor((i * 24) / n)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z`;
    text += row(ts, d >= 5 ? 30 : 0);
  }
  days.push(text);
}
// One row without a timestamp and one whose timestamp is not a date: counted, in no window.
const extras = row('', 0) + row('not a date', 0);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'reference.csv'), reference);
writeFileSync(join(outDir, 'production.csv'), header + days.join('') + extras);
const parts = [days.slice(0, 3), days.slice(3, 6), days.slice(6)];
parts.forEach((p, i) => writeFileSync(join(outDir, `production_part${i + 1}.csv`), header + p.join('')));
console.log(`wrote ${outDir}`);
