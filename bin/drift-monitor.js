#!/usr/bin/env node
// The CLI entry: runs the bundled core in lib/bundle/ (built by `npm ci` / `npm run prepare`;
// scripts/bundle-lib.mjs says why it is bundled).
import { main } from '../lib/bundle/cli.js';

process.exitCode = await main(process.argv.slice(2));
