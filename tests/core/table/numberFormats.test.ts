import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv, type ParseCsvOptions } from '../../../src/core/table/parseCsv.ts';
import {
  COMMA_AMBIGUOUS,
  DECIMAL_COMMA,
  DECIMAL_POINT,
  GROUP_APOSTROPHE,
  GROUP_COMMA,
  GROUP_POINT,
  GROUP_SPACE,
  groupedShape,
  parseGroupedNumber,
} from '../../../src/core/table/parseGroupedNumber.ts';
import { numberFormatWarnings, resolveNumberFormats } from '../../../src/core/table/resolveNumberFormats.ts';
import type { ParsedTable } from '../../../src/core/table/types.ts';
import { numericValues } from '../../../src/core/table/numericValues.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/csv/${name}`, import.meta.url), 'utf8');
const parse = (text: string, file = 't.csv', extra: Partial<ParseCsvOptions> = {}) =>
  parseCsv(text, { file, delimiter: 'auto', missingValues: ['', 'NA'], ...extra });
const values = (t: ParsedTable, name: string) => Array.from(numericValues(t.columns.find((c) => c.name === name)!));
const col = (t: ParsedTable, name: string) => t.columns.find((c) => c.name === name)!;

describe('parseGroupedNumber(cell)', () => {
  const cases: [string, number, number][] = [
    ['3,14', 3.14, DECIMAL_COMMA],
    [',5', 0.5, DECIMAL_COMMA],
    ['0,125', 0.125, DECIMAL_COMMA],
    ['-0,75', -0.75, DECIMAL_COMMA],
    ['\u22122,5', -2.5, DECIMAL_COMMA],
    ['1,5E-3', 0.0015, DECIMAL_COMMA],
    ['1,234', 1.234, COMMA_AMBIGUOUS],
    ['1,234.5', 1234.5, DECIMAL_POINT | GROUP_COMMA],
    ['1,234,567', 1234567, GROUP_COMMA],
    ['1.234,5', 1234.5, DECIMAL_COMMA | GROUP_POINT],
    ['1.234.567', 1234567, GROUP_POINT],
    ['1 234,5', 1234.5, DECIMAL_COMMA | GROUP_SPACE],
    ['1\u00a0234,5', 1234.5, DECIMAL_COMMA | GROUP_SPACE],
    ['12\u202f345\u202f678,25', 12345678.25, DECIMAL_COMMA | GROUP_SPACE],
    ['1 234', 1234, GROUP_SPACE],
    ["1'234.5", 1234.5, DECIMAL_POINT | GROUP_APOSTROPHE],
  ];
  for (const [cell, value, shape] of cases) {
    it(`reads "${cell}" as ${value}`, () => {
      expect(parseGroupedNumber(cell)).toBe(value);
      expect(groupedShape).toBe(shape);
    });
  }
  it('rejects dates, versions, codes and malformed groups', () => {
    for (const cell of [
      '01.02.2024',
      '1.2.2024',
      '192.168.1.1',
      '1,2,3',
      '1.234.5',
      '1,23,456',
      '030 123456',
      '12:30',
      '1,',
      '1 ,5',
      '1,234 567',
      '1,5 €',
      'abc',
      '2024-01-01',
    ]) {
      expect(parseGroupedNumber(cell), cell).toBeNaN();
    }
  });
});

describe('parseCsv: numbers as Excel writes them', () => {
  it('reads a ";" export with decimal commas, "." and (no-break) space thousands, and "1.234" integers', async () => {
    const ref = await parse(fixture('european.csv'), 'reference.csv');
    resolveNumberFormats(ref, ref);
    expect(ref.delimiter).toBe(';');
    expect(values(ref, 'amount')).toEqual([3.14, 2.5, 1.234, -0.75]); // "1,234" follows the column's decimal comma
    expect(values(ref, 'price')).toEqual([1234.5, 1234.5, 1234.5, 999.99]);
    expect(values(ref, 'count')).toEqual([1234, 12, 1000, 7]); // ambiguous only: the file's other columns decide
    for (const name of ['amount', 'price', 'count']) expect(col(ref, name).codes).toBeNull();
    expect(numberFormatWarnings(ref)).toEqual([
      'column "amount" in reference.csv: read "3,14" as 3.14 (decimal comma); set data.decimal / data.thousands to override',
      'column "price" in reference.csv: read "1.234,5" as 1234.5 (decimal comma, "." and space thousands); set data.decimal / data.thousands to override',
      'column "count" in reference.csv: read "1.234" as 1234 (decimal comma, "." thousands; cells such as "1,234" or "1.234" read by the other columns of reference.csv); set data.decimal / data.thousands to override',
    ]);
  });

  it('decides "1,234" from the whole column, in either order', async () => {
    const before = await parse('a,b\n"1,234",x\n"2,5",y\n');
    expect(values(before, 'a')).toEqual([1.234, 2.5]);
    const after = await parse('a,b\n"2,5",y\n"1,234",x\n');
    expect(values(after, 'a')).toEqual([2.5, 1.234]);
    const thousands = await parse('a,b\n"1,234",x\n"1,234,567",y\n3.5,z\n');
    expect(values(thousands, 'a')).toEqual([1234, 1234567, 3.5]);
    const points = await parse('a;b\n1.234;x\n3.14;y\n');
    expect(values(points, 'a')).toEqual([1.234, 3.14]);
    const european = await parse('a;b\n1.234;x\n3,14;y\n');
    expect(values(european, 'a')).toEqual([1234, 3.14]);
  });

  it('settles an all-ambiguous column from the same column of the other file, so both files agree', async () => {
    // Same delimiter: the twin decides, against the "," delimiter's decimal point.
    const ref = await parse('n,m\n"1,250",1\n"2,500",2\n', 'reference.csv'); // alone: could be 1250 or 1.25
    const prod = await parse('n,m\n"1,5",1\n"2,75",2\n', 'production.csv');
    expect(col(ref, 'n').numberFormat!.decimal).toBeNull();
    resolveNumberFormats(ref, prod);
    expect(values(ref, 'n')).toEqual([1.25, 2.5]);
    expect(values(prod, 'n')).toEqual([1.5, 2.75]);
    expect(col(ref, 'n').numberFormat!.decidedBy).toBe('the same column in production.csv');
    resolveNumberFormats(ref, prod); // idempotent
    expect(values(ref, 'n')).toEqual([1.25, 2.5]);

    // Another delimiter: the file's own ";" decides (here to the same decimal comma).
    const semi = await parse('n;m\n1,250;1\n2,500;2\n', 'reference.csv');
    resolveNumberFormats(semi, prod);
    expect(values(semi, 'n')).toEqual([1.25, 2.5]);
    expect(col(semi, 'n').numberFormat!.decidedBy).toBe('the ";" delimiter of reference.csv');

    const ref2 = await parse('n,m\n"1,250",1\n"2,500",2\n', 'reference.csv');
    const prod2 = await parse('n,m\n1500.5,1\n2.25,2\n', 'production.csv');
    resolveNumberFormats(ref2, prod2);
    expect(values(ref2, 'n')).toEqual([1250, 2500]);
  });

  it("an all-ambiguous column follows its own file's other columns before the same column of the other file", async () => {
    // A plain reference written with float formatting ("270000.0") against a European export with "."
    // thousands: the twin shows ".", but the export's own "1.227.082" shows its convention.
    const ref = await parse('limit,bill\n270000.0,3913.0\n50000.0,1227082.0\n', 'reference.csv');
    const prod = await parse('limit;bill\n200.000;84.573\n130.000;1.227.082\n', 'production.csv');
    resolveNumberFormats(ref, prod);
    expect(values(prod, 'limit')).toEqual([200000, 130000]);
    expect(values(prod, 'bill')).toEqual([84573, 1227082]);
    expect(col(prod, 'limit').numberFormat!.decidedBy).toBe('the other columns of production.csv');
    expect(values(ref, 'limit')).toEqual([270000, 50000]);
  });

  it('a file with another delimiter does not lend its mark: a ";" file whose every number is ambiguous follows its delimiter', async () => {
    // A plain reference ("270000.0") against a ";" export whose cells all read "200.000": no column of
    // the export shows its convention, and the reference follows another one (its delimiter is ",").
    const ref = await parse('x,y\n270000.0,1000.0\n350000.0,2000.0\n', 'reference.csv');
    const prod = await parse('x;y\n200.000;1.000\n350.000;2.000\n', 'production.csv');
    resolveNumberFormats(ref, prod);
    expect(values(prod, 'x')).toEqual([200000, 350000]);
    expect(values(prod, 'y')).toEqual([1000, 2000]);
    expect(col(prod, 'x').numberFormat!.decidedBy).toBe('the ";" delimiter of production.csv');
    expect(values(ref, 'x')).toEqual([270000, 350000]);
  });

  it('falls back to the delimiter when nothing else decides: ";" means a decimal comma, "," a decimal point', async () => {
    const semi = await parse('n;m\n1.250;x\n2.500;y\n', 's.csv');
    resolveNumberFormats(semi, semi);
    expect(values(semi, 'n')).toEqual([1250, 2500]);
    const comma = await parse('n,m\n1.250,x\n2.500,y\n', 'c.csv');
    resolveNumberFormats(comma, comma);
    expect(values(comma, 'n')).toEqual([1.25, 2.5]);
    expect(numberFormatWarnings(comma)).toEqual([]); // read as plain decimals: nothing to say
  });

  it('data.decimal and data.thousands fix the format: cells written otherwise are text', async () => {
    const text = 'a;b\n1.234;x\n3,5;y\n3.14;z\n';
    const comma = await parse(text, 't.csv', { decimal: ',' });
    expect(values(comma, 'a').slice(0, 2)).toEqual([1234, 3.5]);
    expect(col(comma, 'a').nonNumeric).toBe(1); // "3.14" with a decimal comma is not a number
    const point = await parse('a;b\n1,234;x\n3.14;y\n', 't.csv', { decimal: '.' });
    expect(values(point, 'a')).toEqual([1234, 3.14]);
    const noGroups = await parse('a;b\n1,234;x\n1.234;y\n', 't.csv', { thousands: 'none' });
    expect(values(noGroups, 'a')).toEqual([1.234, 1.234]);
    expect(col(noGroups, 'a').numberFormat!.conflicts).toMatchObject({ count: 1, row: 2, text: '1.234' });
    const spaces = await parse('a;b\n1 234,5;x\n1.234,5;y\n', 't.csv', { thousands: ' ' });
    expect(values(spaces, 'a')[0]).toBe(1234.5);
    expect(col(spaces, 'a').nonNumeric).toBe(1);
    const dotThousands = await parse('a;b\n1.234;x\n2;y\n', 't.csv', { thousands: '.' });
    expect(values(dotThousands, 'a')).toEqual([1234, 2]);
  });

  it('warns about a column that mixes decimal points and decimal commas', async () => {
    const t = await parse('a;b\n3,5;x\n2.25;y\n1,234;z\n', 'mixed.csv');
    expect(values(t, 'a')).toEqual([3.5, 2.25, 1.234]);
    expect(numberFormatWarnings(t)).toContain(
      'column "a" in mixed.csv mixes decimal points and decimal commas: 1 cell(s) disagree with the column\'s "," (first: "2.25" in data row 2); each was read as written',
    );
  });

  it('keeps categories of a mixed text/number column consistent after "1.234" turns out to be 1234', async () => {
    const t = await parse('a;b\n1.234;x\nn/a;y\n2,5;z\n1.234;w\n', 't.csv');
    const c = col(t, 'a');
    expect(values(t, 'a').slice(0, 1)).toEqual([1234]);
    expect(c.dictionary!.slice().sort()).toEqual(['1234', '2.5', 'n/a']);
    expect(Array.from(c.codes!, (k) => c.dictionary![k])).toEqual(['1234', 'n/a', '2.5', '1234']);
  });

  it('plain numbers keep the fast path: no number format for integers and text', async () => {
    const t = await parse('i,s,f\n1,x,0.5\n2,y,1.25\n');
    expect(col(t, 'i').numberFormat).toBeUndefined();
    expect(col(t, 's').numberFormat).toBeUndefined();
    expect(col(t, 'f').numberFormat).toMatchObject({ decimal: '.', decidedBy: 'cells', thousands: '', localeCells: 0 });
  });
});
