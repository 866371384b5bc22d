/**
 * runWindows (compiled, lib/) with a reference profile and one production CSV: with the production
 * read in two halves on two threads and a worker taking a share of the columns (thresholds at 0), the
 * report equals the one of a run on one thread (thresholds out of reach), window by window; both
 * worker files run here as they do in the CLI.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../cli/runCli.ts';
import { mulberry32 as rng } from '../../src/core/samples/mulberry32.ts';

function rows(seed: number, n: number, shift: number, when: (r: () => number) => string): string[] {
  const r = rng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  return Array.from({ length: n }, (_, i) =>
    [
      i,
      when(r),
      (normal() * 10 + 50 + shift * r() * 8).toFixed(2),
      String(Math.floor(r() * 40 + shift * 5)),
      (normal() * 3).toFixed(4),
      ['basic', 'plus', 'pro'][Math.min(2, Math.floor(r() * 3 + shift * r()))],
      ['a', 'b', 'c', 'd', 'e'][Math.floor(r() * 5)],
      r() < 0.2 + shift * 0.2 ? 'yes' : 'no',
    ].join(','),
  );
}
const HEADER = 'id,when,amount,tenure,score,plan,region,churn';

describe('runWindows on two threads', () => {
  // With a data-quality threshold each window is profiled here: the worker's columns come back first.
  it.each([
    ['', 28],
    ['quality', 28],
  ])('gives the report of one thread, bit for bit %s', (mode, windows) => {
    const dir = tempDir('dm-winpar-');
    writeFileSync(join(dir, 'reference.csv'), [HEADER, ...rows(1, 4000, 0, () => '2024-01-01')].join('\n') + '\n');
    const made = runCli(['profile', 'reference.csv', '--label', 'churn', '--drop', 'id,when', '-o', 'reference.profile'], dir);
    expect(made.stderr).toBe('');
    // Unsorted days of March (drift from the 20th), some timestamps missing or not dates.
    const when = (r: () => number) => {
      const u = r();
      return u < 0.02
        ? ''
        : u < 0.03
          ? 'soon'
          : `2024-03-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}T${String(Math.floor(r() * 24)).padStart(2, '0')}:00:00`;
    };
    const prod = [...rows(2, 3000, 0, when), ...rows(3, 3000, 1, (r) => `2024-03-${20 + Math.floor(r() * 8)} 12:00`)];
    writeFileSync(join(dir, 'production.csv'), [HEADER, ...prod].join('\n') + '\n');
    const lib = (p: string) => JSON.stringify(join(ROOT, 'lib', p));
    const script = `
      const { runWindows } = await import(${lib('node/runWindows.js')});
      const { defaultConfig } = await import(${lib('core/config/defaults.js')});
      const { writeFileSync } = await import('node:fs');
      const config = defaultConfig();
      config.data.label_column = 'churn';
      config.columns.drop = ['id', 'when'];
      config.windows.column = 'when';
      config.windows.every = 'day';
      const [min, out, mode] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
      if (mode === 'quality') config.thresholds.unseen_share = 0.05;
      const { report } = await runWindows({ config, reference: 'reference.profile', productions: ['production.csv'],
        generatedAt: '2024-04-01T00:00:00Z', columnWorkerMinRows: min, splitMinBytes: min });
      writeFileSync(out, JSON.stringify(report));
    `;
    // A script file, not --input-type=module -e: worker threads inherit the flags, and that one stops them.
    writeFileSync(join(dir, 'run.mjs'), script);
    const run = (min: number, out: string) => {
      const r = spawnSync(process.execPath, ['run.mjs', String(min), out, mode], {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '' },
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      return readFileSync(join(dir, out), 'utf8');
    };
    const two = run(0, 'two.json');
    const one = run(1e12, 'one.json');
    const report = JSON.parse(two);
    expect(report.windows.length).toBe(windows);
    expect(report.windowing.timestamps.missing + report.windowing.timestamps.unparsable).toBeGreaterThan(0);
    expect(report.windows.some((w: { overall_drift: boolean }) => w.overall_drift)).toBe(true);
    expect(two).toBe(one);
  });
});
