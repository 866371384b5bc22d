import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCsvFile } from '../../src/node/readCsvFile.ts';
import { parseCsv } from '../../src/core/table/parseCsv.ts';
import { readFileSync } from 'node:fs';

const opts = { delimiter: 'auto' as const, missingValues: ['', 'NA', 'NaN', 'null', '?'] };
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));

describe('readCsvFile(path, opts)', () => {
  it('readCsvFile streams a file into the same table as parseCsv on its text', async () => {
    const path = fixture('bom_crlf.csv');
    const t = await readCsvFile(path, { ...opts, file: 'bom_crlf.csv', chunkSize: 4 });
    expect(t).toEqual(await parseCsv(readFileSync(path, 'utf8'), { ...opts, file: 'bom_crlf.csv' }));
    expect(t.columns.map((c) => c.name)).toEqual(['name', 'value']);
  });

  it('readCsvFile reads the real bank slice (";", quoted, 3768 rows, 17 columns) and reports byte progress', async () => {
    const seen: number[] = [];
    const path = fixture('../real/bank/reference.csv');
    const t = await readCsvFile(path, { ...opts, chunkSize: 64 * 1024, onProgress: (n) => seen.push(n) });
    expect(t.file).toBe(path);
    expect(t.delimiter).toBe(';');
    expect(t.rows).toBe(3768);
    expect(t.columns).toHaveLength(17);
    expect(seen.at(-1)).toBe(readFileSync(path).length);
  });

  it('readCsvFile names a missing file, a directory and an empty file', async () => {
    await expect(readCsvFile('/nonexistent/x.csv', opts)).rejects.toThrow('cannot read /nonexistent/x.csv: file not found; check the path');
    const dir = mkdtempSync(join(tmpdir(), 'dm-'));
    await expect(readCsvFile(dir, opts)).rejects.toThrow(`cannot read ${dir}: it is a directory; give the path of a CSV file`);
    await expect(readCsvFile(fixture('empty.csv'), { ...opts, file: 'empty.csv' })).rejects.toThrow(/^empty\.csv is empty: /);
    await expect(readCsvFile('/nonexistent/x.csv', opts)).rejects.toHaveProperty('name', 'InputError');
  });
});
