#!/usr/bin/env node
// The CLI entry: runs the bundled core in lib/bundle/ (built by `npm ci` / `npm run prepare`;
// scripts/bundle-lib.mjs says why it is bundled).
import { prestartTableWorkers } from '../lib/bundle/prestart.js';

// The table workers start first, so their start overlaps the CLI's module loading (prestartedWorkers.ts).
prestartTableWorkers(process.argv.slice(2));
const { main } = await import('../lib/bundle/cli.js');
process.exitCode = await main(process.argv.slice(2));
