import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCsvProfile } from '../../src/node/readCsvProfile.ts';
import { profileCsv } from '../../src/core/profile/profileCsv.ts';

const opts = { delimiter: 'auto' as const, missingValues: ['', 'NA', 'NaN', 'null', '?'], createdAt: '2026-01-01T00:00:00.000Z' };
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

describe('readCsvProfile(path, opts)', () => {
  it('streams a file into the profile of its text, with size, SHA-256, delimiter and encoding in the source', async () => {
    const path = fixture('real/bank/reference.csv');
    const bytes = readFileSync(path);
    const seen: number[] = [];
    const p = await readCsvProfile(path, { ...opts, chunkSize: 4096, rowsPerChunk: 500, label: 'y', onProgress: (n) => seen.push(n) });
    const fromText = await profileCsv(bytes.toString('utf8'), { ...opts, file: path });
    expect({ ...p, source: null }).toEqual({ ...fromText, source: null });
    expect(p.rows).toBe(3768);
    expect(p.source).toEqual({
      file: 'reference.csv',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      delimiter: ';',
      missingValues: opts.missingValues,
      encoding: 'utf-8',
      decimal: 'auto',
      thousands: 'auto',
      dropped: [],
      label: 'y',
    });
    expect(seen.at(-1)).toBe(bytes.length);
  });

  it('names a missing file, a directory and an empty file', async () => {
    await expect(readCsvProfile('/nonexistent/x.csv', opts)).rejects.toThrow(
      'cannot read /nonexistent/x.csv: file not found; check the path',
    );
    const dir = mkdtempSync(join(tmpdir(), 'dm-'));
    await expect(readCsvProfile(dir, opts)).rejects.toThrow(`cannot read ${dir}: it is a directory; give the path of a CSV file`);
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    await expect(readCsvProfile(empty, { ...opts, file: 'empty.csv' })).rejects.toThrow(/^empty\.csv is empty: /);
  });

  it('records the Windows-1252 fallback in the source and the warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-'));
    const path = join(dir, 'latin.csv');
    writeFileSync(path, Buffer.from('name,v\ncaf\xe9,1\n', 'latin1'));
    const p = await readCsvProfile(path, opts);
    expect(p.source!.encoding).toBe('windows-1252');
    expect([...p.columns[0].text!.keys()]).toEqual(['café']);
    expect(p.warnings).toEqual([expect.stringMatching(/is not valid UTF-8 .*read as Windows-1252/)]);
  });
});
