import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv, parseCsvChunks, type ParseCsvOptions } from '../../../src/core/table/parseCsv.ts';
import { readCsvBytes } from '../../../src/core/table/csvBytes.ts';
import { csvReaderInstance } from '../../../src/kernels/loadCsvReader.ts';
import type { ParsedTable } from '../../../src/core/table/types.ts';

const MISSING = ['', 'NA', 'null', '?', ' -999 '];
const enc = new TextEncoder();
const options = (extra: Partial<ParseCsvOptions> = {}): ParseCsvOptions => ({
  file: 't.csv',
  delimiter: 'auto',
  missingValues: MISSING,
  ...extra,
});

/** The byte reader's table (null when it declines) and papaparse's, for the same bytes. */
async function both(bytes: Uint8Array, extra: Partial<ParseCsvOptions> = {}) {
  const opts = options(extra);
  const papa = await parseCsv(new Blob([bytes as Uint8Array<ArrayBuffer>]), opts).catch((e: Error) => e.message);
  const fast = await readCsvBytes(new Blob([bytes as Uint8Array<ArrayBuffer>]), opts, null, await csvReaderInstance()).then(
    (r) => (r === null ? null : r.table),
    (e: Error) => e.message,
  );
  return { papa, fast };
}

const CELLS = [
  '0',
  '1',
  '-1',
  '+7',
  '42',
  '-0',
  '3.14',
  '2.5',
  '1.234',
  '12.500',
  '0.125',
  '.5',
  '5.',
  '1e5',
  '1E-7',
  '2.5e3',
  '12345678901234567890',
  '0.30000000000000004',
  '9007199254740993',
  '1e400',
  '1e-400',
  '4.9e-324',
  '0x1F',
  '1_000',
  '1,5',
  '1.234,5',
  '1,234.5',
  '1 234',
  "1'234",
  '\u22123',
  '−1,5',
  ',5',
  '',
  ' ',
  '  12  ',
  ' NA',
  'NA',
  'null',
  '?',
  '-999',
  'abc',
  'Köln',
  'a b',
  ' x ',
  '\u00a0x',
  'x\u00a0 ',
  '\u00a0',
  'Infinity',
  '2024-01-01',
  '12:30',
  'é',
  'say "hi"',
  'a,b',
  'a;b',
  'a\tb',
  'line\nbreak',
  'cr\r\nlf',
  '"',
  '""',
  'x"y',
  '  ',
  'nan',
  'TRUE',
];

interface Dialect {
  delimiter: ',' | ';' | '\t';
  newline: '\n' | '\r\n';
  bom: boolean;
  trailingNewline: boolean;
  quoteAll: boolean;
}

function render(d: Dialect, header: string[], rows: string[][]): Uint8Array<ArrayBuffer> {
  const field = (s: string) => {
    const needs = d.quoteAll || /[",;\t\n\r]/.test(s) || s.startsWith(' ');
    return needs ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [header.map(field).join(d.delimiter), ...rows.map((r) => r.map(field).join(d.delimiter))];
  const text = (d.bom ? '\ufeff' : '') + lines.join(d.newline) + (d.trailingNewline ? d.newline : '');
  return enc.encode(text);
}

const dialect = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t'),
  newline: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  trailingNewline: fc.boolean(),
  quoteAll: fc.boolean(),
}) as fc.Arbitrary<Dialect>;

const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
  fc.record({
    header: fc.constant(Array.from({ length: width }, (_, c) => `c${c}`)),
    rows: fc.array(
      fc.oneof(
        { weight: 8, arbitrary: fc.array(fc.constantFrom(...CELLS), { minLength: width, maxLength: width }) },
        // ragged: short rows, rows with extra blank fields, blank lines
        { weight: 1, arbitrary: fc.array(fc.constantFrom(...CELLS), { minLength: 1, maxLength: width }) },
        { weight: 1, arbitrary: fc.array(fc.constantFrom(...CELLS), { minLength: width, maxLength: width }).map((r) => [...r, '', ' ']) },
        { weight: 1, arbitrary: fc.constant<string[]>(['']) },
      ),
      { minLength: 1, maxLength: 40 },
    ),
  }),
);

describe('readCsvBytes (the wasm byte reader) against papaparse', () => {
  it('gives deep-equal tables, warnings and errors on random dialects, or declines', async () => {
    let read = 0;
    await fc.assert(
      fc.asyncProperty(
        dialect,
        table,
        fc.constantFrom('auto', '.', ','),
        fc.constantFrom<string[]>([], ['c1']),
        async (d, t, decimal, skip) => {
          const { papa, fast } = await both(render(d, t.header, t.rows), {
            decimal: decimal as ParseCsvOptions['decimal'],
            skipColumns: skip,
          });
          if (fast === null) return;
          read++;
          expect(fast).toEqual(papa);
        },
      ),
      { numRuns: 400 },
    );
    // Declining is allowed (texts papaparse flags), but most random files must take the byte path.
    expect(read).toBeGreaterThan(300);
  });

  it('gives the same tables in blocks of a few rows (block columns of common cells are copied whole)', async () => {
    // Several blocks per file: a column's first blocks settle its number format and codes, and the
    // blocks after it take the whole-column path (ColumnBuilder.wholeColumn), or mix both paths.
    const common = fc.constantFrom('1', '-2', '3.5', '1.234', '12.500', '0.125', 'NA', '', 'x', 'yy', 'Köln', '1,5', ' 7 ', '2024-01-01');
    const rows = fc.integer({ min: 1, max: 4 }).chain((width) =>
      fc.record({
        header: fc.constant(Array.from({ length: width }, (_, c) => `c${c}`)),
        // runs of one kind per column, so that some blocks hold only common cells of one kind
        rows: fc
          .array(fc.tuple(fc.array(common, { minLength: width, maxLength: width }), fc.integer({ min: 1, max: 12 })), {
            minLength: 1,
            maxLength: 12,
          })
          .map((runs) => runs.flatMap(([row, times]) => Array.from({ length: times }, () => row))),
      }),
    );
    let read = 0;
    await fc.assert(
      fc.asyncProperty(
        dialect,
        rows,
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom('auto', '.', ','),
        async (d, t, blockRows, decimal) => {
          const bytes = render(d, t.header, t.rows);
          const opts = options({ decimal: decimal as ParseCsvOptions['decimal'] });
          const papa = await parseCsv(new Blob([bytes]), opts).catch((e: Error) => e.message);
          const fast = await readCsvBytes(new Blob([bytes]), opts, null, await csvReaderInstance(), blockRows).then(
            (r) => (r === null ? null : r.table),
            (e: Error) => e.message,
          );
          if (fast === null) return;
          read++;
          expect(fast).toEqual(papa);
          // chunk mode: the blocks end at every chunk's end
          const rowsPerTable = 1 + (blockRows % 5);
          const papaChunks: [ParsedTable, number][] = [];
          const fastChunks: [ParsedTable, number][] = [];
          const papaSummary = await parseCsvChunks(new Blob([bytes]), {
            ...opts,
            rowsPerTable,
            onTable: (tb, at) => void papaChunks.push([tb, at]),
          }).catch((e: Error) => e.message);
          const fastSummary = await readCsvBytes(
            new Blob([bytes]),
            opts,
            { rowsPerTable, onTable: (tb, at) => void fastChunks.push([tb, at]) },
            await csvReaderInstance(),
            blockRows,
          ).then(
            (r) => (r === null ? null : r.table.rows),
            (e: Error) => e.message,
          );
          if (fastSummary === null) return;
          expect(fastChunks).toEqual(papaChunks);
          expect(fastSummary).toEqual(typeof papaSummary === 'string' ? papaSummary : papaSummary.rows);
        },
      ),
      { numRuns: 200 },
    );
    expect(read).toBeGreaterThan(130);
  });

  it('gives the same tables for thousands of distinct texts JavaScript types (the dictionary grows mid-block)', async () => {
    const lines = ['x;y;z'];
    for (let i = 0; i < 5000; i++) lines.push(`${i};${(i / 7).toFixed(2).replace('.', ',')};t${i % 3000}`);
    const bytes = enc.encode(lines.join('\n') + '\n');
    const { papa, fast } = await both(bytes);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(papa);
    const papaChunks: [ParsedTable, number][] = [];
    const fastChunks: [ParsedTable, number][] = [];
    await parseCsvChunks(new Blob([bytes]), { ...options(), rowsPerTable: 50, onTable: (t, at) => void papaChunks.push([t, at]) });
    await readCsvBytes(
      new Blob([bytes]),
      options(),
      { rowsPerTable: 50, onTable: (t, at) => void fastChunks.push([t, at]) },
      await csvReaderInstance(),
    );
    expect(fastChunks).toEqual(papaChunks);
  });

  it('reads a file larger than its 4 MiB block with the same table (rows cut across blocks)', async () => {
    const lines = ['id,x,name,amount'];
    for (let i = 0; i < 150_000; i++) lines.push(`${i},${(i * 0.37).toFixed(i % 5)},"n${i % 97}, ok",${i % 3 === 0 ? 'NA' : i * 1.5}`);
    const bytes = enc.encode(lines.join('\n'));
    expect(bytes.length).toBeGreaterThan(4 << 20);
    const { papa, fast } = await both(bytes);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(papa);
  });

  it('gives the same table for high-cardinality texts (hashed in wasm past the dictionary limit)', async () => {
    const lines = ['id,ts,name,mixed,low'];
    for (let i = 0; i < 150_000; i++) {
      const ts = new Date(Date.UTC(2024, 0, 1) + i * 6000).toISOString().slice(0, 19);
      // non-ASCII (2-, 3-, 4-byte UTF-8), quoted with escapes, repeats; numbers among texts
      const name = i % 7 === 0 ? `"q""${i % 90_000}"` : i % 5 === 0 ? `é東😀${i}` : `n${i % 100_000}`;
      const mixed = i % 3 === 0 ? String(i * 0.5) : i % 11 === 0 ? 'NA' : `m${i}`;
      lines.push(`${i},${ts},${name},${mixed},${i % 4 === 0 ? ' ' : `l${i % 9}`}`);
    }
    const { papa, fast } = await both(enc.encode(lines.join('\n')));
    expect(fast).not.toBeNull();
    expect(fast).toEqual(papa);
    const cols = (papa as ParsedTable).columns;
    expect(cols.filter((c) => c.highCardinality !== undefined).map((c) => c.name)).toEqual(['ts', 'name', 'mixed']);
  });

  it('declines what papaparse reports, and the whole parseCsv then gives papaparse result', async () => {
    for (const text of ['a,b\n"x,1\n', 'a,b\n"x"y,1\n', 'a,b\n1,2,3\n', 'a,b\n\xff,1\n']) {
      const bytes = text.includes('\xff') ? Uint8Array.from(text, (c) => c.charCodeAt(0)) : enc.encode(text);
      const { fast } = await both(bytes);
      expect(fast).toBeNull();
      const viaReader = await parseCsv(new Blob([bytes as Uint8Array<ArrayBuffer>]), { ...options(), byteReader: csvReaderInstance }).catch(
        (e: Error) => e.message,
      );
      const papa = await parseCsv(new Blob([bytes as Uint8Array<ArrayBuffer>]), options()).catch((e: Error) => e.message);
      expect(viaReader).toEqual(papa);
    }
  });
});

/** Every call of a cell tap on `column`, in order. */
function recordingTap(column: string) {
  const calls: [number, string][] = [];
  return { calls, tap: { column, add: (row: number, raw: string) => void calls.push([row, raw]) } };
}

describe('the byte reader with a cell tap (the windows timestamps)', () => {
  it('hands the tap the same (row, raw cell) calls as papaparse, on random dialects', async () => {
    let read = 0;
    await fc.assert(
      fc.asyncProperty(dialect, table, fc.nat(4), fc.constantFrom<string[]>([], ['c0'], ['c1']), async (d, t, pick, skip) => {
        const column = t.header[pick % t.header.length];
        const bytes = render(d, t.header, t.rows);
        const papaTap = recordingTap(column);
        const papa = await parseCsv(new Blob([bytes]), options({ skipColumns: skip, cellTap: papaTap.tap })).catch((e: Error) => e.message);
        const fastTap = recordingTap(column);
        const fast = await readCsvBytes(
          new Blob([bytes]),
          options({ skipColumns: skip, cellTap: fastTap.tap }),
          null,
          await csvReaderInstance(),
        ).then(
          (r) => (r === null ? null : r.table),
          (e: Error) => e.message,
        );
        if (fast === null) return;
        read++;
        expect(fast).toEqual(papa);
        expect(fastTap.calls).toEqual(papaTap.calls);
        // and through parseCsv with the byte reader (which no longer hands taps to papaparse)
        const viaTap = recordingTap(column);
        await parseCsv(new Blob([bytes]), options({ skipColumns: skip, cellTap: viaTap.tap, byteReader: csvReaderInstance })).catch(
          () => null,
        );
        expect(viaTap.calls).toEqual(papaTap.calls);
      }),
      { numRuns: 300 },
    );
    expect(read).toBeGreaterThan(220);
  });

  it('taps non-ASCII cells (2-, 3- and 4-byte UTF-8) across blocks with the right slices', async () => {
    const cells = ['Köln', '東京', '😀x', 'a""b', 'plain', '', ' sp ', 'é😀é'];
    const lines = ['id,t,v'];
    for (let i = 0; i < 30_000; i++) {
      const c = cells[i % cells.length];
      lines.push(`${i},${c.includes('"') || c.startsWith(' ') ? `"${c.replace(/"/g, '""')}"` : c},${i % 13}`);
      if (i % 1000 === 7) lines.push(''); // blank lines are no data rows
      if (i % 999 === 3) lines.push(`${i}`); // short rows tap ''
    }
    const bytes = enc.encode(lines.join('\r\n'));
    const papaTap = recordingTap('t');
    await parseCsv(new Blob([bytes]), options({ cellTap: papaTap.tap }));
    const fastTap = recordingTap('t');
    const fast = await readCsvBytes(new Blob([bytes]), options({ cellTap: fastTap.tap }), null, await csvReaderInstance());
    expect(fast).not.toBeNull();
    expect(fastTap.calls.length).toBeGreaterThan(30_000);
    expect(fastTap.calls).toEqual(papaTap.calls);
  });

  it('taps each row once when the byte reader declines part-way (papaparse reads on from the next row)', async () => {
    const lines = ['a,t'];
    for (let i = 0; i < 200_000; i++) lines.push(`${i},t${i % 5}`);
    // a Windows-1252 byte after the first blocks of rows: the byte reader has tapped rows when it declines
    const before = enc.encode(lines.join('\n') + '\n7,caf');
    const flagged = new Uint8Array([...before, 0xe9, ...enc.encode('\n8,x\n')]);
    const declined = recordingTap('t');
    expect(await readCsvBytes(new Blob([flagged]), options({ cellTap: declined.tap }), null, await csvReaderInstance())).toBeNull();
    expect(declined.calls.length).toBeGreaterThan(100_000);
    const papaTap = recordingTap('t');
    const papa = await parseCsv(new Blob([flagged]), options({ cellTap: papaTap.tap }));
    const viaTap = recordingTap('t');
    const via = await parseCsv(new Blob([flagged]), options({ cellTap: viaTap.tap, byteReader: csvReaderInstance }));
    expect(via).toEqual(papa);
    expect(viaTap.calls.length).toBe(200_002);
    expect(viaTap.calls).toEqual(papaTap.calls);
  });
});

describe('the byte reader in chunk mode (profiles)', () => {
  it('profileCsv gives the same profile through the byte reader, also when it declines after handing rows over', async () => {
    const { profileCsv } = await import('../../../src/core/profile/profileCsv.ts');
    const lines = ['a,b,c'];
    for (let i = 0; i < 20_000; i++) lines.push(`${i},${(i % 17) * 0.5},t${i % 7}`);
    const clean = enc.encode(lines.join('\n') + '\n');
    // a Windows-1252 byte far after the first chunk of rows: the byte reader declines, papaparse reads on
    const before = enc.encode(lines.slice(0, 15_000).join('\n') + '\n7,1,caf');
    const after = enc.encode('\n' + lines.slice(15_000).join('\n') + '\n');
    const flagged = new Uint8Array([...before, 0xe9, ...after]);
    for (const bytes of [clean, flagged]) {
      const opts = { ...options(), rowsPerChunk: 500, createdAt: '2026-01-01T00:00:00Z' };
      const papa = await profileCsv(new Blob([bytes]), opts);
      const fast = await profileCsv(new Blob([bytes]), { ...opts, byteReader: csvReaderInstance });
      expect(fast).toEqual(papa);
    }
  });
});
