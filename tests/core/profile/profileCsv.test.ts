import { describe, expect, it } from 'vitest';
import { profileCsv, type ProfileCsvOptions } from '../../../src/core/profile/profileCsv.ts';
import { profileFromTable } from '../../../src/core/profile/profileBuilder.ts';
import { TEXT_LIMIT, type Profile } from '../../../src/core/profile/columnProfile.ts';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';
import { resolveAlone } from '../../../src/core/table/resolveNumberFormats.ts';
import { mulberry32 } from '../../../src/core/samples/mulberry32.ts';

const CREATED = '2026-01-01T00:00:00.000Z';
const base = { file: 'f.csv', delimiter: 'auto' as const, missingValues: ['', 'NA', '?'] };

/** The profile of the whole file read at once, its undecided number formats settled as a lone file's. */
async function wholeProfile(text: string, extra: Partial<ProfileCsvOptions> = {}): Promise<Profile> {
  const table = await parseCsv(text, { ...base, ...extra });
  resolveAlone(table);
  return profileFromTable(table, { createdAt: CREATED, config: extra.profile });
}

async function streamed(input: string | Blob, extra: Partial<ProfileCsvOptions> = {}): Promise<Profile> {
  return profileCsv(input, { ...base, createdAt: CREATED, ...extra });
}

const withoutSource = (p: Profile) => ({ ...p, source: null });

function lines(header: string, rows: string[], eol = '\n'): string {
  return [header, ...rows].join(eol) + eol;
}

function varied(n: number, seed: number, delimiter = ','): string {
  const r = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const comma = delimiter === ';';
  const rows = Array.from({ length: n }, (_, i) => {
    const x = (r() * 2000 - 1000).toFixed(2);
    return [
      String(i),
      r() < 0.05 ? '' : comma ? x.replace('.', ',') : x,
      pick(['0', '1', '2', 'NA', '-0', '?']),
      r() < 0.1 ? pick(['unknown', 'n/a', ' x ']) : String(Math.round(r() * 30)),
      pick(['admin', 'blue collar', '"quoted, with delimiter"', '"two\nlines"', '']),
      comma ? pick(['1.234', '12.500,5', '3']) : pick(['"1,234"', '"12,500.5"', '3']),
    ].join(delimiter);
  });
  return lines(['id', 'x', 'flag', 'mixed', 'job', 'amount'].join(delimiter), rows);
}

describe('profileCsv', () => {
  it('equals profileFromTable of the whole file for tiny chunks of rows and of text', async () => {
    for (const [text, label] of [
      [varied(300, 1), 'comma-separated'],
      [varied(300, 2, ';'), 'semicolon, decimal comma'],
      [varied(200, 3).replace(/\n/g, '\r\n'), 'CRLF'],
    ] as const) {
      const whole = await wholeProfile(text);
      for (const rowsPerChunk of [1, 7, 64, 100_000]) {
        for (const chunkSize of [5, 13, 4096]) {
          const p = await streamed(text, { rowsPerChunk, chunkSize });
          expect(withoutSource(p), `${label}, ${rowsPerChunk} rows, ${chunkSize} chars`).toEqual(whole);
        }
      }
    }
  });

  it('reads a Blob through its stream like the same text', async () => {
    const text = varied(500, 4, ';');
    const fromText = await streamed(text, { rowsPerChunk: 50 });
    const fromBlob = await streamed(new Blob([text]), { rowsPerChunk: 50, chunkSize: 1000 });
    expect(withoutSource(fromBlob)).toEqual(withoutSource(fromText));
    expect(fromBlob.source).toEqual({
      file: 'f.csv',
      size: new TextEncoder().encode(text).length,
      sha256: null,
      delimiter: ';',
      missingValues: ['', 'NA', '?'],
      encoding: 'utf-8',
      decimal: 'auto',
      thousands: 'auto',
      dropped: [],
      label: null,
    });
    expect(fromText.source!.size).toBe(fromBlob.source!.size);
  });

  it('carries a decided decimal mark into later chunks ("1.234" after "3,5" is 1234, though the delimiter says ".")', async () => {
    const text = lines('a,b', ['"3,5",1', '2,2', '3,3', '1.234,4', '"1.234,5",5']);
    const whole = await wholeProfile(text);
    const p = await streamed(text, { rowsPerChunk: 2 });
    expect(withoutSource(p)).toEqual(whole);
    expect(p.columns[0].numbers.mode === 'exact' && Array.from(p.columns[0].numbers.values)).toEqual([2, 3, 3.5, 1234, 1234.5]);
  });

  it('settles a column undecided at the end of a chunk as a lone file, by the other columns so far (documented difference)', async () => {
    // Column a: "1.234" (ambiguous) in chunk 1, its deciding "2,5" only in chunk 2; column b decided "." in chunk 1.
    const text = lines('a;b', ['1.234;1.5', '1.234;2.5', '2,5;3.5']);
    const whole = await wholeProfile(text);
    const p = await streamed(text, { rowsPerChunk: 2 });
    // The whole file reads "1.234" by the later "2,5" (decimal comma, so "." groups thousands): 1234.
    expect(whole.columns[0].numbers.mode === 'exact' && Array.from(whole.columns[0].numbers.values)).toEqual([2.5, 1234]);
    // Chunk 1 settles it by column b's ".": "1.234" is 1.234; "2,5" then conflicts.
    expect(p.columns[0].numbers.mode === 'exact' && Array.from(p.columns[0].numbers.values)).toEqual([1.234, 2.5]);
    expect(p.columns[0].numberFormat).toMatchObject({
      decimal: '.',
      decidedBy: 'the other columns of f.csv',
      conflicts: { count: 1, row: 3, text: '2,5' },
    });
    // With the deciding cell in the first chunk the two agree.
    expect(withoutSource(await streamed(text, { rowsPerChunk: 3 }))).toEqual(whole);
  });

  it('ragged rows and quote problems are reported with the data row of the whole file', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},${i % 3}`);
    rows[19] = '19';
    rows[24] = '24,1,';
    const text = lines('a,b', rows);
    const p = await streamed(text, { rowsPerChunk: 7, chunkSize: 11 });
    expect(p.warnings).toEqual((await parseCsv(text, base)).warnings);
    expect(p.warnings).toEqual([
      'f.csv: 1 row(s) have fewer fields than the header (first: data row 20); the missing fields are treated as missing values',
      'f.csv: 1 row(s) end with extra empty fields (first: data row 25); they were ignored',
    ]);
    const unclosed = [...rows];
    unclosed[26] = '26,"a"b';
    await expect(streamed(lines('a,b', unclosed), { rowsPerChunk: 7, chunkSize: 11 })).rejects.toThrow(
      /^f.csv: a quoted field starting near data row 27 is never closed/,
    );
    rows[22] = '22,1,extra';
    await expect(streamed(lines('a,b', rows), { rowsPerChunk: 7 })).rejects.toThrow(
      'f.csv: data row 23 has 3 fields but the header has 2; quote fields that contain the delimiter "," or remove the extra fields',
    );
  });

  it('an empty or header-only file is one InputError, whatever the chunk size', async () => {
    await expect(streamed('', { rowsPerChunk: 7 })).rejects.toThrow(/f.csv is empty/);
    await expect(streamed('a,b\n', { rowsPerChunk: 7 })).rejects.toThrow(/f.csv has a header but no data rows/);
    const exact = await streamed('a,b\n1,2\n3,4\n', { rowsPerChunk: 2 });
    expect(exact.rows).toBe(2);
  });

  it('high-cardinality text: same distinct count and timestamp sample as the whole file', async () => {
    const n = TEXT_LIMIT + 200;
    const text = lines(
      'ts,v',
      Array.from({ length: n }, (_, i) => `2024-02-${String((i % 28) + 1).padStart(2, '0')}T${i},${i % 5}`),
    );
    const whole = await wholeProfile(text);
    expect(whole.columns[0].text).toBeNull();
    expect(withoutSource(await streamed(text, { rowsPerChunk: 5000 }))).toEqual(whole);
  });

  it('drops columns.drop and records the reading settings in the source', async () => {
    const p = await streamed('a;b;c\n1;x;2,5\n', { skipColumns: ['b'], label: 'a', decimal: ',', thousands: '.' });
    expect(p.columns.map((c) => c.name)).toEqual(['a', 'c']);
    expect(p.source).toMatchObject({ delimiter: ';', dropped: ['b'], label: 'a', decimal: ',', thousands: '.', encoding: 'auto' });
  });

  it('sketches past profile.max_exact_values like the whole file', async () => {
    const r = mulberry32(3);
    const text = lines(
      'x',
      Array.from({ length: 3000 }, () => (r() * 10).toFixed(4)),
    );
    const p = await streamed(text, { rowsPerChunk: 100, profile: { maxExactValues: 500 } });
    expect(p.columns[0].numbers.mode).toBe('sketch');
    const whole = await wholeProfile(text, { profile: { maxExactValues: 500 } });
    expect(withoutSource(p)).toEqual(whole);
  });
});
