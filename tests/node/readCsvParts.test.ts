import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvFile } from '../../src/node/readCsvFile.ts';
import { readCsvFileInParts } from '../../src/node/readCsvParts.ts';

const dir = mkdtempSync(join(tmpdir(), 'csv-parts-'));
const opts = { delimiter: 'auto' as const, missingValues: ['', 'NA'], skipColumns: ['skip'] };

describe('readCsvFileInParts (parts on this thread)', () => {
  it('gives the table of a one-piece read and of papaparse, for 1 to 7 parts', async () => {
    const lines = ['id;skip;x;cat;amount'];
    for (let i = 0; i < 30_000; i++) {
      lines.push(
        i === 20_000
          ? `${i};a`
          : `${i};s${i};${(i * 0.37).toFixed(3)};c${(i * 7) % 13};${i % 11 === 0 ? 'NA' : i % 3000 === 3 ? '1,5' : (i % 100) * 1.5}`,
      );
    }
    const path = join(dir, 'a.csv');
    writeFileSync(path, '\ufeff' + lines.join('\r\n') + '\r\n');
    const one = await readCsvFile(path, opts);
    expect(one).toEqual(await readCsvFile(path, { ...opts, papaparseOnly: true }));
    for (const parts of [1, 2, 3, 7]) {
      const t = await readCsvFileInParts(path, opts, parts);
      expect(t, `${parts} parts`).toEqual(one);
    }
  });

  it('declines (null) a file with quotes, one whose decimal mark the head does not decide, and an unreadable part', async () => {
    const quoted = join(dir, 'q.csv');
    writeFileSync(quoted, 'a,b\n' + Array.from({ length: 5000 }, (_, i) => `${i},"t ${i}"`).join('\n'));
    expect(await readCsvFileInParts(quoted, opts, 3)).toBeNull();
    // "1.234" cells only in the head: the mark is decided by a "3,5" far into the file
    const late = join(dir, 'late.csv');
    writeFileSync(late, 'a\n' + Array.from({ length: 50_000 }, (_, i) => (i === 40_000 ? '3,5' : '1.234')).join('\n'));
    expect(await readCsvFileInParts(late, { ...opts, skipColumns: [] }, 3)).toBeNull();
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'a,b\n' + Array.from({ length: 50_000 }, (_, i) => (i === 40_000 ? '1,2,3' : `${i},${i}`)).join('\n'));
    expect(await readCsvFileInParts(bad, opts, 3)).toBeNull();
  });
});
