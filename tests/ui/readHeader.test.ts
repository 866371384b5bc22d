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
