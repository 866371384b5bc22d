/**
 * The built CLI shares the features' tests between this thread and a worker kept from reading (one
 * per other core); runPipeline from the TypeScript sources cannot start workers and runs them all
 * on one thread. Both must write the same report.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/node/runPipeline.ts';
import { mixedPair } from '../helpers/mixedPair.ts';
import { BIN, tempDir } from './runCli.ts';

describe('CLI: tests on worker threads', () => {
  // Without "price" (numbers such as "1,234", settled only once both files are read) each worker counts
  // its file's duplicate rows itself.
  it.each([[[]], [['price']]])(
    'writes the report of a one-thread run, on text, numbers, missing values, a type change, decimal commas and duplicate rows (drop %j)',
    async (drop: string[]) => {
      const dir = tempDir('dm-par-');
      const pair = mixedPair(3000);
      const reference = join(dir, 'reference.csv');
      const production = join(dir, 'production.csv');
      writeFileSync(reference, pair.reference);
      writeFileSync(production, pair.production);
      const out = join(dir, 'report.json');
      const r = spawnSync(
        process.execPath,
        [BIN, '-r', reference, '-p', production, '--label', 'flag', ...(drop.length ? ['--drop', drop.join(',')] : []), '-o', out, '-q'],
        {
          cwd: dir,
          encoding: 'utf8',
          timeout: 120_000,
          env: { ...process.env, DRIFT_MONITOR_TIMINGS: '1' },
        },
      );
      expect(r.status, r.stderr).toBe(0);
      const { timings } = JSON.parse(
        r.stderr
          .trim()
          .split('\n')
          .find((l) => l.startsWith('{'))!,
      );
      // One thread per core, up to 4 (this thread and the kept workers).
      expect(timings.threads).toBe(Math.min(availableParallelism(), 4));
      const cli = JSON.parse(readFileSync(out, 'utf8'));
      const one = await runPipeline({ reference, production, label: 'flag', drop, generatedAt: cli.generated_at });
      expect(one.timings.threads).toBe(1);
      expect(cli).toEqual(JSON.parse(JSON.stringify(one.report)));
      expect(cli.data_quality.type_changes.length).toBeGreaterThan(0);
      expect(cli.data_quality.duplicates.reference.duplicates).toBeGreaterThan(0);
    },
  );
});
