import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendRetrainLog } from '../../src/node/appendRetrainLog.ts';
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
    const path = join(mkdtempSync(join(tmpdir(), 'retrain-log-')), 'seed.csv');
    writeFileSync(path, 'timestamp,reason,pre_f1,post_f1\n2024-01-01,drift,0.8,0.9\n');
    await expect(appendRetrainLog(path, [row()])).rejects.toThrow(/has columns "timestamp,reason,pre_f1,post_f1"/);
    expect(readFileSync(path, 'utf8')).toBe('timestamp,reason,pre_f1,post_f1\n2024-01-01,drift,0.8,0.9\n');
  });
});
