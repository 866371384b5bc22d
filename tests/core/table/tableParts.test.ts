import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv, type ParseCsvOptions } from '../../../src/core/table/parseCsv.ts';
import { readCsvBytes } from '../../../src/core/table/csvBytes.ts';
import { mergeTableParts, parseTablePart, readCsvHead, splitOffsets } from '../../../src/core/table/tableParts.ts';
import { csvReaderInstance } from '../../../src/kernels/loadCsvReader.ts';

const enc = new TextEncoder();
const options = (extra: Partial<ParseCsvOptions> = {}): ParseCsvOptions => ({
  file: 't.csv',
  delimiter: 'auto',
  missingValues: ['', 'NA'],
  ...extra,
});

/** The table read in `parts` parts (head = the first `headBytes`), or null when the merge declines. */
async function inParts(bytes: Uint8Array, parts: number, headBytes: number, opts: ParseCsvOptions) {
  const head = await readCsvHead(bytes.subarray(0, headBytes), opts, await csvReaderInstance());
  if (head === null) return null;
  const offsets = await splitOffsets(bytes.length, parts, async (at) => bytes.subarray(at, at + 7), head.dataStart);
  const read = await Promise.all(
    offsets.map(async (start, index) =>
      parseTablePart(bytes.subarray(start, offsets[index + 1] ?? bytes.length), opts, { index, head }, await csvReaderInstance()),
    ),
  );
  if (read.some((p) => p === null)) return null;
  return mergeTableParts(
    read.map((p) => p!),
    opts,
  );
}

// Cells without quotes or delimiters (a file with a quote is never merged), with locale numbers,
// ambiguous "1.234" cells, texts and missing values.
const CELLS = ['1', '-2', '3.5', '1.234', '2,5', '1.234,5', '1,234.5', 'NA', '', 'x', 'y', 'Köln', '7', '0.125', ' 8 ', '1 234'];
const table = fc.record({
  width: fc.integer({ min: 1, max: 4 }),
  rows: fc.array(fc.array(fc.constantFrom(...CELLS), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 60 }),
  parts: fc.integer({ min: 2, max: 5 }),
  head: fc.integer({ min: 4, max: 200 }),
  decimal: fc.constantFrom('auto', ','),
});

describe('tableParts: a CSV read in parts and merged equals the one-piece table', () => {
  it('random tables split at random row boundaries: equal to readCsvBytes and papaparse, or declined', async () => {
    let merged = 0;
    await fc.assert(
      fc.asyncProperty(table, async (t) => {
        const lines = [Array.from({ length: t.width }, (_, c) => `c${c}`).join(';'), ...t.rows.map((r) => r.slice(0, t.width).join(';'))];
        const bytes = enc.encode(lines.join('\n') + '\n');
        const opts = options({ decimal: t.decimal as ParseCsvOptions['decimal'] });
        const papa = await parseCsv(new Blob([bytes]), opts).catch((e: Error) => e.message);
        if (typeof papa === 'string') return;
        const parts = await inParts(bytes, t.parts, t.head, opts);
        if (parts === null) return;
        merged++;
        expect(parts).toEqual(papa);
      }),
      { numRuns: 300 },
    );
    expect(merged).toBeGreaterThan(100);
  });

  it('a 200k-row file in 4 parts: same table as one piece, with shared dictionaries and file-wide warning rows', async () => {
    const lines = ['id,x,cat,amount'];
    for (let i = 0; i < 200_000; i++) {
      const short = i === 150_001;
      lines.push(
        short
          ? `${i},1`
          : `${i},${(i * 0.37).toFixed(3)},c${(i * 7) % 13},${i % 11 === 0 ? 'NA' : i % 5000 === 3 ? 'n/a' : (i % 100) * 1.5}`,
      );
    }
    const bytes = enc.encode(lines.join('\n'));
    const one = await readCsvBytes(bytes, options(), null, await csvReaderInstance());
    const parts = await inParts(bytes, 4, 1 << 20, options());
    expect(parts).not.toBeNull();
    expect(parts).toEqual(one!.table);
    expect(parts!.warnings[0]).toContain('data row 150002');
  });

  it('declines a file with quotes (a split could fall inside a quoted field)', async () => {
    const bytes = enc.encode('a,b\n1,"x\ny"\n2,z\n3,w\n');
    expect(await inParts(bytes, 3, 100, options())).toBeNull();
  });
});
