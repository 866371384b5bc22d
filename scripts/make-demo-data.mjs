#!/usr/bin/env node
// Writes the dashboard's demo pair, public/demo/reference.csv and public/demo/production.csv, from
// makeDemoPair() with its defaults (5000 rows each, seed 42). Needs the compiled core:
//   npm run build:lib && node scripts/make-demo-data.mjs
// tests/core/samples/publicDemo.test.ts checks the committed files equal the generator's output.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDemoPair } from '../lib/core/samples/makeDemoPair.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'demo');
const { reference, production } = makeDemoPair();
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'reference.csv'), reference);
writeFileSync(join(outDir, 'production.csv'), production);
console.log(`wrote ${join(outDir, 'reference.csv')}\nwrote ${join(outDir, 'production.csv')}`);
