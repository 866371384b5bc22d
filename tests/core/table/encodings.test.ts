import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseCsv, type ParseCsvOptions } from '../../../src/core/table/parseCsv.ts';
import { ByteDecoder, firstInvalidUtf8 } from '../../../src/core/table/ByteDecoder.ts';
import type { ParsedColumn, ParsedTable } from '../../../src/core/table/types.ts';
import { numericValues } from '../../../src/core/table/numericValues.ts';

const bytes = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/csv/${name}`, import.meta.url)));
const parse = (input: Blob | NodeJS.ReadableStream, file: string, extra: Partial<ParseCsvOptions> = {}) =>
  parseCsv(input, { file, delimiter: 'auto', missingValues: [''], ...extra });
const col = (t: ParsedTable, name: string) => t.columns.find((c) => c.name === name)!;
const texts = (c: ParsedColumn) => Array.from(c.codes!, (k) => c.dictionary![k]);
/** A Node stream yielding `data` in pieces of `size` bytes, as fs.createReadStream does. */
const stream = (data: Uint8Array, size: number) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < data.length; i += size) yield Buffer.from(data.subarray(i, i + size));
    })(),
  );

describe('parseCsv: text encodings', () => {
  for (const name of ['utf16le_bom.csv', 'utf16be_bom.csv']) {
    it(`decodes ${name} (UTF-16 with a byte-order mark), from a Blob and from a stream`, async () => {
      for (const input of [new Blob([bytes(name)]), stream(bytes(name), 7)]) {
        const t = await parse(input, name);
        expect(t.columns.map((c) => c.name)).toEqual(['city', 'amount']);
        expect(texts(col(t, 'city'))).toEqual(['Köln', 'München', 'Köln', 'Zürich']);
        expect(Array.from(numericValues(col(t, 'amount')))).toEqual([1.5, 2.5, 3, 4]);
        expect(t.warnings).toEqual([]);
      }
    });
  }

  it('reads a Windows-1252 file as Windows-1252 with a warning naming the file and the first bad byte', async () => {
    const t = await parse(new Blob([bytes('windows1252.csv')]), 'reference.csv');
    expect(texts(col(t, 'city'))).toEqual(['Köln', 'München', 'Köln', 'Zürich – “quoted”']);
    expect(t.warnings).toEqual([
      'reference.csv is not valid UTF-8 (first bad byte at offset 13); read as Windows-1252. Set data.encoding to override.',
    ]);
    expect(texts(col(t, 'city')).join('')).not.toContain('\ufffd');
  });

  it('switches to Windows-1252 when the first bad byte comes late, after ASCII only, split between reads', async () => {
    // 20 000 ASCII rows, then "Köln" in Windows-1252; the stream yields 5-byte pieces.
    const ascii = 'city,n\n' + 'Bonn,1\n'.repeat(20_000);
    const data = new Uint8Array([...new TextEncoder().encode(ascii), 0x4b, 0xf6, 0x6c, 0x6e, 0x2c, 0x32, 0x0a]);
    for (const input of [stream(data, 5), new Blob([data])]) {
      const t = await parse(input, 'late.csv', { chunkSize: 5 });
      expect(t.rows).toBe(20_001);
      expect(col(t, 'city').dictionary).toEqual(['Bonn', 'Köln']);
      expect(t.warnings).toEqual([
        `late.csv is not valid UTF-8 (first bad byte at offset ${ascii.length + 1}); read as Windows-1252. Set data.encoding to override.`,
      ]);
    }
  });

  it('decodes UTF-8 characters split between two reads (4-byte emoji, 2-byte umlaut) after the first 4 KB', async () => {
    const text = 'word,n\n' + 'x,1\n'.repeat(2000) + 'Köln,2\n🙂,3\n';
    const data = new TextEncoder().encode(text);
    for (const size of [1, 2, 3, 5]) {
      const t = await parse(stream(data, size), 'split.csv', { chunkSize: 7 });
      expect(col(t, 'word').dictionary).toEqual(['x', 'Köln', '🙂']);
      expect(t.warnings).toEqual([]);
    }
  });

  it('decodes UTF-16LE split at odd byte offsets after the first 4 KB', async () => {
    const text = 'word,n\n' + 'x,1\n'.repeat(2000) + 'Köln,2\n🙂,3\n';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const t = await parse(stream(utf16, 3), 'split16.csv', { chunkSize: 7 });
    expect(col(t, 'word').dictionary).toEqual(['x', 'Köln', '🙂']);
  });

  it('data.encoding overrides detection: windows-1252 without a warning, latin1, and utf-8 that refuses bad bytes', async () => {
    const w = await parse(new Blob([bytes('windows1252.csv')]), 'r.csv', { encoding: 'windows-1252' });
    expect(texts(col(w, 'city'))[3]).toBe('Zürich – “quoted”');
    expect(w.warnings).toEqual([]);
    // ISO-8859-1 proper: 0x96 is the C1 control U+0096, not Windows-1252's en dash.
    const l = await parse(new Blob([bytes('windows1252.csv')]), 'r.csv', { encoding: 'latin1' });
    expect(texts(col(l, 'city'))[3]).toBe('Zürich \u0096 \u0093quoted\u0094');
    await expect(parse(new Blob([bytes('windows1252.csv')]), 'r.csv', { encoding: 'utf-8' })).rejects.toThrow(
      /^r\.csv is not valid UTF-8 \(first bad byte at offset 13\); set data\.encoding/,
    );
  });

  it('refuses a file that mixes valid UTF-8 text and Windows-1252 bytes instead of guessing', async () => {
    await expect(parse(new Blob([bytes('mixed_encodings.csv')]), 'mixed.csv')).rejects.toThrow(
      'mixed.csv is not valid UTF-8 (first bad byte at offset 21) although earlier non-ASCII text in it is UTF-8: it mixes encodings; re-save it as UTF-8 or set data.encoding (e.g. windows-1252)',
    );
  });

  it('reads UTF-16LE without a byte-order mark, with a warning', async () => {
    const text = 'city,amount\nKöln,1\nBonn,2\n';
    const data = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) data[2 * i] = text.charCodeAt(i);
    const t = await parse(new Blob([data]), 'nobom.csv');
    expect(texts(col(t, 'city'))).toEqual(['Köln', 'Bonn']);
    expect(t.warnings[0]).toMatch(/^nobom\.csv has no byte-order mark but looks like UTF-16LE/);
  });
});

describe('parseCsv: files that are not CSV', () => {
  const cases: [string, string][] = [
    ['not_csv.xlsx', 'reference.xlsx is not a CSV file (looks like an Excel workbook); export it as CSV'],
    ['not_csv.xls', 'reference.xls is not a CSV file (looks like an Excel workbook (.xls)); export it as CSV'],
    ['not_csv.csv.gz', 'reference.csv.gz is not a CSV file (looks like gzip-compressed data); decompress it (gunzip) first'],
    ['not_csv.png', 'reference.png is not a CSV file (looks like a PNG image); export it as CSV'],
    ['not_csv.pdf', 'reference.pdf is not a CSV file (looks like a PDF document); export it as CSV'],
    ['binary.csv', 'reference.csv is not a CSV file (looks like binary data: it has NUL bytes); export it as CSV'],
  ];
  for (const [fixture, message] of cases) {
    it(`rejects ${fixture} with one line naming the file and what it looks like`, async () => {
      const file = 'reference' + fixture.slice(fixture.indexOf('.')).replace('not_csv', '');
      const err = await parse(new Blob([bytes(fixture)]), file).catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).name).toBe('InputError');
      expect((err as Error).message).toBe(message);
    });
  }
});

describe('ByteDecoder', () => {
  it('finds the first ill-formed UTF-8 sequence (overlong, surrogate, truncated)', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc3, 0xb6, 0x62]))).toBe(4);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1); // overlong NUL
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // a UTF-16 surrogate
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xe2, 0x82]))).toBe(2); // cut short
  });

  it('drops an unfinished character at the end of a header preview instead of failing', () => {
    const d = new ByteDecoder('f.csv');
    const text = d.push(new TextEncoder().encode('a,bö').subarray(0, 4)) + d.end(true);
    expect(text).toBe('a,b');
    expect(d.warnings).toEqual([]);
  });
});
