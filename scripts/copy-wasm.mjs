#!/usr/bin/env node
// After `tsc -p tsconfig.lib.json`: put the compiled wasm kernels next to lib/kernels/loadKernels.js.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src/kernels/drift_kernels.wasm');
if (!existsSync(src)) {
  console.error('error: src/kernels/drift_kernels.wasm is missing; run `npm run build:wasm` first');
  process.exit(1);
}
mkdirSync(join(root, 'lib/kernels'), { recursive: true });
copyFileSync(src, join(root, 'lib/kernels/drift_kernels.wasm'));
const reader = join(root, 'src/kernels/csv_reader.wasm');
if (!existsSync(reader)) {
  console.error('error: src/kernels/csv_reader.wasm is missing; run `npm run build:wasm` first');
  process.exit(1);
}
copyFileSync(reader, join(root, 'lib/kernels/csv_reader.wasm'));
