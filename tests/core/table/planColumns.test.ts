import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';
import { distinctCap, planColumns, planColumnsFromFacts, type PlanColumnsConfig } from '../../../src/core/table/planColumns.ts';
import { columnFactsCaches, tableFacts } from '../../../src/core/table/columnFacts.ts';
import { plansAlone } from '../../../src/core/quality/typeChanges.ts';
import type { ParsedTable } from '../../../src/core/table/types.ts';

const MISSING = ['', 'NA', 'NaN', 'null', '?'];
const table = (file: string, header: string[], rows: (string | number)[][]) =>
  parseCsv([header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n', { file, delimiter: 'auto', missingValues: MISSING });
const cfg = (over: Partial<PlanColumnsConfig> = {}): PlanColumnsConfig => ({
  label: null,
  drop: [],
  numerical: [],
  categorical: [],
  maxCategoricalUnique: 20,
  ...over,
});
const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const planOf = (r: { plans: { name: string; role: string; reason: string }[] }, name: string) => r.plans.find((p) => p.name === name)!;

/** A reference/production pair with one column per rule. 60 rows each. */
async function pair(): Promise<[ParsedTable, ParsedTable]> {
  const header = ['id', 'ts', 'x', 'small', 'color', 'flag', 'y', 'name'];
  const make = (file: string, offset: number) =>
    table(
      file,
      header,
      range(60, (i) => [
        i + offset, // id: unique integers
        `2024-01-${String((i % 28) + 1).padStart(2, '0')}T10:00:00`, // timestamp
        (i * 1.37 + offset / 10).toFixed(2), // continuous
        String(i % 5), // numeric, 5 distinct
        ['red', 'green', 'blue'][i % 3], // text
        i % 2 === 0 ? 'true' : 'false',
        i % 2, // label
        `user${i + offset}`, // unique strings
      ]),
    );
  return Promise.all([make('ref.csv', 0), make('prod.csv', 1000)]);
}

describe('planColumns(ref, prod, cfg)', () => {
  it('planColumns infers roles with reasons: numerical, categorical, identifier, timestamp, boolean', async () => {
    const [ref, prod] = await pair();
    const r = planColumns(ref, prod, cfg({ label: 'y' }));
    expect(r.plans.map((p) => p.name)).toEqual(['id', 'ts', 'x', 'small', 'color', 'flag', 'name']);
    expect(planOf(r, 'x')).toEqual({ name: 'x', role: 'numerical', reason: 'numeric, 120 distinct values > 20' });
    expect(planOf(r, 'small')).toEqual({ name: 'small', role: 'categorical', reason: 'numeric, 5 distinct values <= 20' });
    expect(planOf(r, 'color')).toEqual({ name: 'color', role: 'categorical', reason: 'text in ref.csv and prod.csv, 3 categories' });
    expect(planOf(r, 'flag').reason).toMatch(/^boolean/);
    expect(planOf(r, 'id').role).toBe('skipped');
    expect(planOf(r, 'id').reason).toBe('identifier: every value is unique in each file (60 in ref.csv, 60 in prod.csv)');
    expect(planOf(r, 'name').reason).toMatch(/^identifier: /);
    expect(planOf(r, 'ts')).toEqual({
      name: 'ts',
      role: 'skipped',
      reason: 'timestamp: values such as "2024-01-01T10:00:00" parse as dates',
    });
    expect(r.warnings).toContain(
      'column "id" is skipped (identifier: every value is unique in each file (60 in ref.csv, 60 in prod.csv)); add it to columns.drop',
    );
    expect(r.warnings.filter((w) => w.includes('columns.drop'))).toHaveLength(3);
  });

  it('planColumns applies overrides and drop, and never plans the label', async () => {
    const [ref, prod] = await pair();
    const r = planColumns(ref, prod, cfg({ label: 'y', drop: ['id', 'ts', 'nope'], numerical: ['small'], categorical: ['x'] }));
    expect(r.plans.map((p) => p.name)).toEqual(['x', 'small', 'color', 'flag', 'name']);
    expect(planOf(r, 'small')).toEqual({ name: 'small', role: 'numerical', reason: 'override: columns.numerical' });
    expect(planOf(r, 'x')).toEqual({ name: 'x', role: 'categorical', reason: 'override: columns.categorical' });
    expect(r.warnings).toContain('columns.drop names "nope", which is in neither ref.csv nor prod.csv; ignored');
  });

  it('planColumns rejects a missing label, unknown override names and contradictions', async () => {
    const [ref, prod] = await pair();
    expect(() => planColumns(ref, prod, cfg({ label: 'target' }))).toThrow(
      /^label column "target" \(--label \/ data\.label_column\) is not in ref\.csv or prod\.csv; Columns: id, ts, x, /,
    );
    expect(() => planColumns(ref, prod, cfg({ numerical: ['ghost'] }))).toThrow(
      /^column "ghost" \(columns\.numerical\) is not in ref\.csv or prod\.csv; Columns: id, /,
    );
    expect(() => planColumns(ref, prod, cfg({ categorical: ['x'], numerical: ['x'] }))).toThrow(/both list/);
    expect(() => planColumns(ref, prod, cfg({ label: 'y', categorical: ['y'] }))).toThrow(/the label column/);
    expect(() => planColumns(ref, prod, cfg({ drop: ['x'], numerical: ['x'] }))).toThrow(/columns\.drop also lists/);
  });

  it('planColumns rejects a column present in only one file unless dropped; a label may be in one file', async () => {
    const ref = await table(
      'ref.csv',
      ['a', 'b', 'y'],
      [
        [1, 2, 0],
        [3, 4, 1],
      ],
    );
    const prod = await table('prod.csv', ['a'], [[1], [2]]);
    expect(() => planColumns(ref, prod, cfg({ label: 'y' }))).toThrow(
      'column "b" is in ref.csv but missing from prod.csv; add it there or list it in columns.drop',
    );
    const extra = await table('prod.csv', ['a', 'b', 'c'], [[1, 2, 3]]);
    expect(() => planColumns(ref, extra, cfg({ label: 'y' }))).toThrow('column "c" is in prod.csv but missing from ref.csv');
    expect(planColumns(ref, prod, cfg({ label: 'y', drop: ['b'] })).plans.map((p) => p.name)).toEqual(['a']);
  });

  it('planColumns names the likely twin of a column renamed between the files', async () => {
    const ref = await table(
      'ref.csv',
      ['a', 'Monthly_Charges'],
      [
        [1, 2],
        [3, 4],
      ],
    );
    const prod = await table(
      'prod.csv',
      ['a', 'monthly charges'],
      [
        [1, 2],
        [3, 4],
      ],
    );
    expect(() => planColumns(ref, prod, cfg())).toThrow(
      'column "Monthly_Charges" is in ref.csv but missing from prod.csv (which has "monthly charges": rename one of them); add it there or list it in columns.drop',
    );
  });

  it('planColumns keeps a column that is all missing in one file, typed from the other, with a warning', async () => {
    const ref = await table(
      'ref.csv',
      ['a', 'b', 'c', 't'],
      range(30, (i) => [i, i % 3, 'NA', ['x', 'y'][i % 2]]),
    );
    const prod = await table(
      'prod.csv',
      ['a', 'b', 'c', 't'],
      range(30, (i) => [i, 'NA', (i * 1.37).toFixed(2), '']),
    );
    const r = planColumns(ref, prod, cfg({ drop: ['a'] }));
    expect(planOf(r, 'b')).toEqual({
      name: 'b',
      role: 'categorical',
      reason: 'numeric, 3 distinct values <= 20; all values missing in prod.csv',
    });
    expect(planOf(r, 'c')).toEqual({
      name: 'c',
      role: 'numerical',
      reason: 'numeric, 30 distinct values > 20; all values missing in ref.csv',
    });
    expect(planOf(r, 't')).toEqual({
      name: 't',
      role: 'categorical',
      reason: 'text in ref.csv, 2 categories; all values missing in prod.csv',
    });
    expect(r.warnings).toEqual([
      'column "b": all values missing in prod.csv (not in ref.csv); no test can run, it is reported as drifted by its missing share',
      'column "c": all values missing in ref.csv (not in prod.csv); no test can run, it is reported as drifted by its missing share',
      'column "t": all values missing in prod.csv (not in ref.csv); no test can run, it is reported as drifted by its missing share',
    ]);
  });

  it('planColumns keeps an override on a column all missing in one file', async () => {
    const ref = await table(
      'ref.csv',
      ['b'],
      range(30, (i) => [i % 3]),
    );
    const prod = await table(
      'prod.csv',
      ['b'],
      range(30, () => ['NA']),
    );
    expect(planOf(planColumns(ref, prod, cfg({ numerical: ['b'] })), 'b')).toEqual({
      name: 'b',
      role: 'numerical',
      reason: 'override: columns.numerical; all values missing in prod.csv',
    });
  });

  it('planColumns skips a column that is all missing in both files, with a warning', async () => {
    const ref = await table(
      'ref.csv',
      ['a', 'b'],
      range(30, (i) => [i, 'NA']),
    );
    const prod = await table(
      'prod.csv',
      ['a', 'b'],
      range(30, (i) => [i, '']),
    );
    const r = planColumns(ref, prod, cfg({ drop: ['a'] }));
    expect(planOf(r, 'b')).toEqual({ name: 'b', role: 'skipped', reason: 'all values missing in ref.csv and prod.csv' });
    expect(r.warnings).toEqual(['column "b" is skipped (all values missing in ref.csv and prod.csv)']);
  });

  it('planColumns coerces stray text in a numeric column to missing (numerical, warning names file, row, value)', async () => {
    const ref = await table(
      'ref.csv',
      ['v'],
      range(50, (i) => [(i * 0.5).toFixed(1)]),
    );
    const prod = await table(
      'prod.csv',
      ['v'],
      range(50, (i) => [i === 6 ? 'oops' : i === 9 ? 'n/a' : (i * 0.7).toFixed(1)]),
    );
    const r = planColumns(ref, prod, cfg());
    expect(planOf(r, 'v').role).toBe('numerical');
    expect(planOf(r, 'v').reason).toMatch(/^numeric, \d+ distinct values > 20; non-numeric values treated as missing \(2 in prod\.csv\)$/);
    expect(r.warnings).toEqual([
      'column "v": prod.csv has 2 non-numeric value(s) in a numerical column (first: "oops" in data row 7); they are treated as missing',
    ]);
  });

  it('planColumns makes a low-cardinality numeric column with text on one side categorical over the text', async () => {
    const ref = await table(
      'ref.csv',
      ['v'],
      range(50, (i) => [i % 4]),
    );
    const prod = await table(
      'prod.csv',
      ['v'],
      range(50, (i) => [i % 5 === 0 ? 'other' : i % 4]),
    );
    const r = planColumns(ref, prod, cfg());
    expect(planOf(r, 'v')).toEqual({ name: 'v', role: 'categorical', reason: 'text in prod.csv, 5 categories' });
    expect(r.warnings).toEqual([]);
  });

  it('planColumns counts distinct numbers over both files (20 is categorical, 21 numerical)', async () => {
    const ref = await table(
      'ref.csv',
      ['v'],
      range(40, (i) => [i % 10]),
    );
    const prod20 = await table(
      'prod.csv',
      ['v'],
      range(40, (i) => [10 + (i % 10)]),
    );
    const prod21 = await table(
      'prod.csv',
      ['v'],
      range(40, (i) => [10 + (i % 11)]),
    );
    expect(planOf(planColumns(ref, prod20, cfg()), 'v').role).toBe('categorical');
    expect(planOf(planColumns(ref, prod21, cfg()), 'v')).toEqual({
      name: 'v',
      role: 'numerical',
      reason: 'numeric, 21 distinct values > 20',
    });
    expect(planOf(planColumns(ref, prod21, cfg({ maxCategoricalUnique: 21 })), 'v').role).toBe('categorical');
  });

  it('planColumns does not call a unique float column an identifier', async () => {
    const ref = await table(
      'ref.csv',
      ['v'],
      range(40, (i) => [i + 0.5]),
    );
    const prod = await table(
      'prod.csv',
      ['v'],
      range(40, (i) => [i + 0.25]),
    );
    expect(planOf(planColumns(ref, prod, cfg()), 'v').role).toBe('numerical');
  });
});

describe('planColumns on high-cardinality text (beyond the 65536-entry dictionary)', () => {
  it('planColumns skips unique text as an identifier and repeated free text as high-cardinality', async () => {
    const n = 70_000;
    const ref = await table(
      'ref.csv',
      ['key', 'note'],
      range(n, (i) => [`k${i}`, `n${i % 69_000}`]),
    );
    const prod = await table(
      'prod.csv',
      ['key', 'note'],
      range(n, (i) => [`k${i + n}`, `n${i}`]),
    );
    expect(ref.columns[0].highCardinality).toEqual({ distinct: n });
    expect(ref.columns[0].codes).toBeNull();
    expect(ref.columns[0].dictionary).toHaveLength(65536);
    expect(ref.columns[1].highCardinality).toEqual({ distinct: 69_000 });
    const r = planColumns(ref, prod, cfg());
    expect(planOf(r, 'key').reason).toBe('identifier: every value is unique in each file (70000 in ref.csv, 70000 in prod.csv)');
    expect(planOf(r, 'note')).toEqual({
      name: 'note',
      role: 'skipped',
      reason: 'high-cardinality text: 69000 distinct values in ref.csv, too many for categories',
    });
  });
});

describe('planColumns distinctFrom', () => {
  it("planColumns with distinctFrom: 'reference' counts distinct numbers in the reference only (pandas ref[c].nunique())", async () => {
    const ref = await table(
      'ref.csv',
      ['v'],
      range(40, (i) => [i % 10]),
    );
    const prod = await table(
      'prod.csv',
      ['v'],
      range(40, (i) => [10 + (i % 11)]),
    );
    expect(planOf(planColumns(ref, prod, cfg({ distinctFrom: 'reference' })), 'v')).toEqual({
      name: 'v',
      role: 'categorical',
      reason: 'numeric, 10 distinct values in ref.csv <= 20',
    });
  });
});

describe('planColumns: numbers the reader could not parse', () => {
  it('warns when a categorical column with many categories holds values that look like numbers', async () => {
    // Percentages with a decimal comma: "12,5 %" is text to the reader, one category per value.
    const rows = (offset: number) => range(40, (i) => [`"${(i % 25) + offset},5 %"`, i % 3]);
    const ref = await table('reference.csv', ['share', 'k'], rows(0));
    const prod = await table('production.csv', ['share', 'k'], rows(1));
    const r = planColumns(ref, prod, cfg());
    expect(planOf(r, 'share').role).toBe('categorical');
    expect(r.warnings).toContain(
      'column "share" is categorical with 26 categories, but its values look like numbers the reader could not parse (e.g. "0,5 %"); set data.decimal / data.thousands, clean the values, or list it in columns.numerical or columns.drop',
    );
    // Ordinary text with many categories gets no such warning.
    const words = (offset: number) => range(40, (i) => [`w${(i + offset) % 30}`, i % 3]);
    const r2 = planColumns(await table('a.csv', ['word', 'k'], words(0)), await table('b.csv', ['word', 'k'], words(5)), cfg());
    expect(r2.warnings.filter((w) => w.includes('look like numbers'))).toEqual([]);
  });

  it('warns too when data.decimal makes plain "29.85" cells text in one file', async () => {
    // data.decimal: "," for a European export, against a reference that writes decimal points: the
    // reference cells stay text although JavaScript's Number() reads them ("21.25" text and 21.25 parsed share a category).
    const text = (sep: string, mark: string) =>
      ['charge' + sep + 'k', ...range(40, (i) => `${(20 + i * 1.25).toFixed(2).replace('.', mark)}${sep}${i % 3}`)].join('\n') + '\n';
    const opts = { delimiter: 'auto' as const, missingValues: MISSING, decimal: ',' as const };
    const ref = await parseCsv(text(',', '.'), { file: 'reference.csv', ...opts });
    const prod = await parseCsv(text(';', ','), { file: 'production.csv', ...opts });
    const r = planColumns(ref, prod, cfg());
    expect(planOf(r, 'charge').role).toBe('categorical');
    expect(r.warnings.filter((w) => w.includes('look like numbers'))).toEqual([
      'column "charge" is categorical with 60 categories, but its values look like numbers the reader could not parse (e.g. "20.00"); set data.decimal / data.thousands, clean the values, or list it in columns.numerical or columns.drop',
    ]);
  });

  it('names a first row of numbers as the likely cause when the columns do not match', async () => {
    const ref = await table('reference.csv', ['5.1', '3.5', '1.4'], [[4.9, 3, 1.4]]);
    const prod = await table('production.csv', ['a', 'b', 'c'], [[4.9, 3, 1.4]]);
    expect(ref.warnings[0]).toBe(
      'reference.csv: the first row (5.1, 3.5, 1.4) is all numbers; the first row must be the header with the column names, so it is read as names; add a header line if the file has none',
    );
    expect(() => planColumns(ref, prod, cfg())).toThrow(
      'column "5.1" is in reference.csv but missing from production.csv; add it there or list it in columns.drop; the first row of reference.csv is all numbers: the first row must be the header with the column names',
    );
  });
});

describe('planColumns: a file read as one column', () => {
  it('names an unsupported delimiter when a file reads as one column whose name holds spaces', async () => {
    // German credit's german.data is space-separated: each file reads as one column named after its first line.
    const ref = await parseCsv('A11 6 A34 1169\nA12 48 A32 5951\n', { file: 'g1.data', delimiter: 'auto', missingValues: MISSING });
    const prod = await parseCsv('A14 12 A34 2096\nA11 42 A32 7882\n', { file: 'g2.data', delimiter: 'auto', missingValues: MISSING });
    expect(() => planColumns(ref, prod, cfg())).toThrow(
      'column "A11 6 A34 1169" is in g1.data but missing from g2.data; add it there or list it in columns.drop; ' +
        'g1.data reads as a single column: its header has no ",", ";" or tab; export it comma-, semicolon- or tab-separated (space- or |-separated files are not read)',
    );
  });
});

describe('typing over facts caches (ColumnFactsCache: what another thread learnt of the same columns)', () => {
  it('gives the plans and reasons of typing over the values, distinct counts near the cap included', async () => {
    // Per column: reference values, production values (i -> value). Counts around distinctCap (10000).
    const columns: [string, (i: number) => number, (i: number) => number][] = [
      ['union_below_cap', (i) => i % 6000, (i) => 3000 + (i % 6000)],
      ['union_past_cap', (i) => i % 6000, (i) => 5000 + (i % 6000)],
      ['one_past_cap', (i) => i + 0.5, (i) => i % 10],
      ['exactly_cap', (i) => i % 5000, (i) => 5000 + (i % 5000)],
      ['cap_plus_one', (i) => i % 10001, (i) => i % 100],
      ['identifier', (i) => i, (i) => 20000 + i],
      ['small', (i) => (i % 7 === 0 ? -0 : i % 5), (i) => i % 6],
      ['decimals', (i) => (i % 30) / 4, (i) => (i % 40) / 4],
    ];
    const n = 12000;
    const header = columns.map(([name]) => name);
    const ref = await table(
      'r.csv',
      header,
      range(n, (i) => columns.map(([, r]) => r(i))),
    );
    const prod = await table(
      'p.csv',
      header,
      range(n, (i) => columns.map(([, , p]) => p(i))),
    );
    const c = cfg();
    const expected = planColumnsFromFacts(tableFacts(ref), tableFacts(prod), c);
    // Filled by typing each file alone, as the CLI's reading threads do before sending them.
    const caches = [columnFactsCaches(ref, distinctCap(c)), columnFactsCaches(prod, distinctCap(c))];
    plansAlone(tableFacts(ref, caches[0]), c);
    plansAlone(tableFacts(prod, caches[1]), c);
    expect(caches[0].some((x) => x.integerValued !== undefined)).toBe(true);
    expect(caches[0].every((x) => x.distinct !== undefined && x.distinct.length <= distinctCap(c) + 1)).toBe(true);
    const cached = planColumnsFromFacts(tableFacts(ref, caches[0]), tableFacts(prod, caches[1]), c);
    expect(cached).toEqual(expected);
    expect(planOf(expected, 'union_below_cap').reason).toContain('9000 distinct');
    expect(planOf(expected, 'exactly_cap').reason).toContain('10000 distinct');
    expect(planOf(expected, 'union_past_cap').reason).not.toContain('11000');
  });
});
