import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendHistory } from '../../src/node/appendHistory.ts';
import { historyId, parseHistory } from '../../src/core/windows/history.ts';
import type { HistoryEntry } from '../../src/core/windows/types.ts';
import { DEFAULT_CONFIG } from '../../src/core/config/defaults.ts';

function entry(i: number, writer = 0): HistoryEntry {
  const e = {
    history_version: 1 as const,
    created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    tool_version: '0.0.0',
    reference: { file: 'ref.csv', rows: 10, profile_id: null, sha256: null },
    production: { files: [{ file: `p-${writer}-${i}.csv`, sha256: null, rows: 5 }], rows: 5 },
    thresholds: DEFAULT_CONFIG.thresholds,
    verdict: { overall_drift: i % 2 === 0, drifted_fraction: 0.5, drifted_features: ['x'], reasons: [], first_drift: null },
    // A long line (several KB), so interleaved writes would show.
    scores: Object.fromEntries(Array.from({ length: 60 }, (_, k) => [`feature_${k}`, { drift_score: k / 100, psi: 0.01, drifted: false }])),
    windows: [],
  };
  return { ...e, id: historyId(e) };
}

describe('appendHistory', () => {
  it('creates the file, appends whole lines, never truncates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-hist-'));
    const path = join(dir, 'h.jsonl');
    await appendHistory(path, entry(1));
    await appendHistory(path, entry(2));
    const got = parseHistory(readFileSync(path, 'utf8'), path);
    expect(got.map((e) => e.id)).toEqual([entry(1).id, entry(2).id]);
  });

  it('starts its line on a new line after a torn last line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-hist-'));
    const path = join(dir, 'h.jsonl');
    writeFileSync(path, JSON.stringify(entry(1)) + '\n{"history_ver');
    await appendHistory(path, entry(2));
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines[1]).toBe('{"history_ver');
    expect(JSON.parse(lines[2]).id).toBe(entry(2).id);
    expect(() => parseHistory(readFileSync(path, 'utf8'), 'h.jsonl')).toThrow('h.jsonl: line 2 is not JSON');
  });

  it('loses no line with 200 appends at once in one process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-hist-'));
    const path = join(dir, 'h.jsonl');
    await Promise.all(Array.from({ length: 200 }, (_, i) => appendHistory(path, entry(i))));
    const got = parseHistory(readFileSync(path, 'utf8'), path);
    expect(new Set(got.map((e) => e.id)).size).toBe(200);
  });

  it('loses no line with four processes appending at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-hist-'));
    const path = join(dir, 'h.jsonl');
    const lib = resolve(__dirname, '../../lib/node/appendHistory.js');
    const script = `
      const { appendHistory } = await import(${JSON.stringify(lib)});
      const { readFileSync } = await import('node:fs');
      const entries = JSON.parse(readFileSync(process.argv[1], 'utf8'));
      for (const e of entries) await appendHistory(${JSON.stringify(path)}, e);
    `;
    const runs = [0, 1, 2, 3].map(
      (w) =>
        new Promise<number>((res) => {
          const entriesFile = join(dir, `entries-${w}.json`);
          writeFileSync(entriesFile, JSON.stringify(Array.from({ length: 50 }, (_, i) => entry(i, w))));
          const child = spawn(process.execPath, ['--input-type=module', '-e', script, entriesFile], { stdio: 'inherit' });
          child.on('exit', (code) => res(code ?? -1));
        }),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0]);
    const got = parseHistory(readFileSync(path, 'utf8'), path);
    expect(got).toHaveLength(200);
    expect(new Set(got.map((e) => e.id)).size).toBe(200);
  });
});
