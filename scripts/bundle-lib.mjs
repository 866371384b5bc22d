#!/usr/bin/env node
// After `tsc -p tsconfig.lib.json` and copy-wasm.mjs: bundle the CLI and its worker threads into
// lib/bundle/ (rolldown, the bundler Vite already uses). The CLI loaded ~320 ES modules one by one
// at every start, and so did each worker thread: measured 240 ms to import lib/cli/main.js against
// 180 ms for the bundle, and ~0.25 s less CPU over a windowed run's three threads. Packages stay
// external (node_modules). The worker files keep their names next to the CLI bundle, so the
// `new URL('./partWorker.js', import.meta.url)` of each source resolves inside lib/bundle/, and the
// wasm files are copied beside them for the same reason; lib/bundle/ is two levels deep like
// lib/node/, so version.ts's `../../package.json` still finds the package file.
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lib = join(root, 'lib');
const out = join(lib, 'bundle');
// The entries: the CLI and every worker thread's file (src/node/*Worker.ts), as tsc emitted them.
const workers = readdirSync(join(root, 'src/node'))
  .filter((f) => /Worker\.ts$/.test(f))
  .map((f) => f.replace(/\.ts$/, '.js'));
if (![join(lib, 'cli/main.js'), ...workers.map((w) => join(lib, 'node', w))].every(existsSync)) {
  console.error('error: lib/ is not built; run `tsc -p tsconfig.lib.json` first');
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
const input = { cli: join(lib, 'cli/main.js') };
for (const w of workers) input[w.replace(/\.js$/, '')] = join(lib, 'node', w);
// bin/drift-monitor.js starts the table workers (prestartedWorkers.ts) before it imports the CLI.
input.prestart = join(lib, 'node/prestartedWorkers.js');
await build({
  input,
  platform: 'node',
  // Bare specifiers (packages, node: builtins) stay imports; only the project's own files are bundled.
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !/^[A-Za-z]:/.test(id),
  output: { dir: out, format: 'esm' },
  logLevel: 'warn',
});
for (const f of readdirSync(join(lib, 'kernels')).filter((f) => f.endsWith('.wasm'))) copyFileSync(join(lib, 'kernels', f), join(out, f));
