#!/usr/bin/env node
// The CLI entry: runs the compiled core in lib/ (built by `npm ci` / `npm run prepare`).
import { main } from '../lib/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
