import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wantsPrestart } from '../../src/node/prestartedWorkers.ts';

describe('wantsPrestart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dm-prestart-'));
  const ref = join(dir, 'reference.csv');
  const prod = join(dir, 'production.csv');
  const profile = join(dir, 'reference.profile');
  for (const f of [ref, prod, profile]) writeFileSync(f, 'a\n1\n');
  const run = ['-r', ref, '-p', prod, '--label', 'label', '--drop', 'id,timestamp', '-o', join(dir, 'r.json'), '-q'];

  it('starts the table workers for a run of two files on 2 or 3 cores', () => {
    expect(wantsPrestart(run, 2)).toBe(true);
    expect(wantsPrestart(['--reference', ref, '--production', prod], 3)).toBe(true);
  });

  it('starts none where the run reads otherwise: 1 or 4+ cores, windows, a config, profiles, streams, subcommands, missing files', () => {
    expect(wantsPrestart(run, 1)).toBe(false);
    expect(wantsPrestart(run, 4)).toBe(false);
    expect(wantsPrestart(['-r', ref, '-p', prod, prod], 2)).toBe(false);
    expect(wantsPrestart(['-r', ref, '-p', dir], 2)).toBe(false);
    expect(wantsPrestart([...run, '--window-every', 'day'], 2)).toBe(false);
    expect(wantsPrestart([...run, '-c', 'config.yaml'], 2)).toBe(false);
    expect(wantsPrestart([...run, '--stream'], 2)).toBe(false);
    expect(wantsPrestart([...run, '--engine', 'duckdb'], 2)).toBe(false);
    expect(wantsPrestart(['-r', profile, '-p', prod], 2)).toBe(false);
    expect(wantsPrestart(['-r', join(dir, 'nope.csv'), '-p', prod], 2)).toBe(false);
    expect(wantsPrestart(['-r', ref], 2)).toBe(false);
    expect(wantsPrestart(['profile', ref, '-o', profile], 2)).toBe(false);
    expect(wantsPrestart([`--reference=${ref}`, '-p', prod], 2)).toBe(false);
    expect(wantsPrestart([...run, '--help'], 2)).toBe(false);
  });
});
