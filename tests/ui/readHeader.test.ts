import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readHeader } from '../../src/ui/state/readHeader.ts';
import { parseCsv } from '../../src/core/table/parseCsv.ts';

// The column controls show readHeader's names before a run; the run uses parseCsv's. They must agree.
const cases: Record<string, string> = {
  'a BOM and a quoted delimiter': '\ufeff"a;b",c,d\n1,2,3\n',
  'a tie between , and ; on both lines': 'x;y,z\n1;2,3\n',
  '; more frequent than ,': 'a,b;c;d\n1,2;3;4\n',
  'tabs and padded names': ' id \t when\t  x\n1\t2\t3\n',
  'CRLF and a quoted newline': '"multi\nline",b\r\n1,2\r\n',
};

describe('readHeader(file, delimiter)', () => {
  for (const [what, text] of Object.entries(cases)) {
    it(`readHeader gives parseCsv's column names for ${what}`, async () => {
      const table = await parseCsv(text, { file: 'f.csv', delimiter: 'auto', missingValues: [''] });
      expect(await readHeader(new Blob([text]), 'auto')).toEqual(table.columns.map((c) => c.name));
    });
  }
});

describe('readHeader(file, delimiter, encoding)', () => {
  const fixture = (name: string) => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url));
  it('decodes the header as the parser does: UTF-16 with a BOM, Windows-1252', async () => {
    const latin = 'Stadt;Größe\nKöln;1\n';
    const bytes = new Uint8Array([...latin].map((c) => c.charCodeAt(0)));
    expect(await readHeader(new Blob([bytes]), 'auto')).toEqual(['Stadt', 'Größe']);
    expect(await readHeader(new Blob([fixture('utf16le_bom.csv')]), 'auto')).toEqual(['city', 'amount']);
    expect(await readHeader(new Blob([fixture('utf16be_bom.csv')]), 'auto')).toEqual(['city', 'amount']);
  });

  it("rejects a file that is not a CSV with the parser's message", async () => {
    await expect(readHeader(new Blob([fixture('not_csv.xlsx')]), 'auto', 'auto', 'book.xlsx')).rejects.toThrow(
      'book.xlsx is not a CSV file (looks like an Excel workbook); export it as CSV',
    );
  });
});
