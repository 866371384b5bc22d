import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendRetrainLog, checkRetrainLog } from '../../src/node/appendRetrainLog.ts';
import { retrainLogCsvHeader } from '../../src/core/retrainLog/index.ts';
import { row } from '../core/retrainLog/sampleRow.ts';

describe('appendRetrainLog(path, rows)', () => {
  it('creates the file with a header, then only grows it (earlier bytes unchanged)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'retrain-log-')), 'logs', 'retrain_log.csv');
    await appendRetrainLog(path, [row({ seed: 1 })]);
    const first = readFileSync(path);
    expect(first.toString().split('\n')[0]).toBe(retrainLogCsvHeader());
    await appendRetrainLog(path, [row({ seed: 2 }), row({ seed: 3 })]);
    const second = readFileSync(path);
    expect(second.subarray(0, first.length).equals(first)).toBe(true);
    expect(second.toString().trimEnd().split('\n')).toHaveLength(4);
  });

  it('refuses to append to a file with other columns and leaves it untouched', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'retrain-log-')), 'plain.csv');
    writeFileSync(path, 'timestamp,reason,pre_f1,post_f1\n2024-01-01,drift,0.8,0.9\n');
    await expect(appendRetrainLog(path, [row()])).rejects.toThrow(/has columns "timestamp,reason,pre_f1,post_f1"/);
    expect(readFileSync(path, 'utf8')).toBe('timestamp,reason,pre_f1,post_f1\n2024-01-01,drift,0.8,0.9\n');
  });
});

describe('appendRetrainLog writes atomically', () => {
  it('a write failing halfway leaves the earlier log whole and no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retrain-log-'));
    const path = join(dir, 'retrain_log.csv');
    await appendRetrainLog(path, [row({ seed: 1 })]);
    const before = readFileSync(path);
    const failHalfway = async (handle: FileHandle, data: Uint8Array) => {
      await handle.write(data, 0, data.length >> 1);
      throw new Error('ENOSPC: no space left on device, write');
    };
    await expect(appendRetrainLog(path, [row({ seed: 2 })], { write: failHalfway })).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['retrain_log.csv']);
  });

  it('a row appended by another writer between the read and the rename is kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retrain-log-'));
    const path = join(dir, 'retrain_log.csv');
    await appendRetrainLog(path, [row({ seed: 1 })]);
    let other = false;
    // The first attempt's write also lets "another run" append its row to the log itself.
    const writeWithCompetitor = async (handle: FileHandle, data: Uint8Array) => {
      if (!other) {
        other = true;
        await appendRetrainLog(path, [row({ seed: 2 })]);
      }
      await handle.writeFile(data);
    };
    await appendRetrainLog(path, [row({ seed: 3 })], { write: writeWithCompetitor });
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(4); // header + seeds 1, 2, 3
    expect(readdirSync(dir)).toEqual(['retrain_log.csv']);
  });

  it('checkRetrainLog refuses a file with other columns and accepts a missing file or our own log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retrain-log-'));
    const path = join(dir, 'retrain_log.csv');
    await expect(checkRetrainLog(path)).resolves.toBeUndefined();
    await appendRetrainLog(path, [row()]);
    await expect(checkRetrainLog(path)).resolves.toBeUndefined();
    const seed = join(dir, 'seed.csv');
    writeFileSync(seed, 'timestamp,reason,pre_f1,post_f1\n');
    await expect(checkRetrainLog(seed)).rejects.toThrow(/seed\.csv has columns "timestamp,reason,pre_f1,post_f1"/);
  });
});
