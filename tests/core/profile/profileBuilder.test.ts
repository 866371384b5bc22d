import { describe, expect, it } from 'vitest';
import {
  ColumnProfileBuilder,
  DEFAULT_PROFILE_CONFIG,
  ProfileBuilder,
  mergeProfiles,
  profileFromTable,
} from '../../../src/core/profile/profileBuilder.ts';
import {
  TEXT_DISTINCT_CAP,
  TEXT_LIMIT,
  type ColumnProfile,
  type Profile,
  type ProfileConfig,
} from '../../../src/core/profile/columnProfile.ts';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';
import { allNumbersUnique, isIntegerValued } from '../../../src/core/table/distinct.ts';
import type { ParsedColumn, ParsedTable } from '../../../src/core/table/types.ts';
import { mulberry32 } from '../../../src/core/samples/mulberry32.ts';
import { isInputError } from '../../../src/core/errors.ts';
import { numericValues } from '../../../src/core/table/numericValues.ts';

const CREATED = '2026-01-01T00:00:00.000Z';
const parse = (text: string, file = 't.csv', extra: { missingValues?: string[]; decimal?: 'auto' | '.' | ',' } = {}) =>
  parseCsv(text, { file, delimiter: 'auto', missingValues: ['', 'NA'], ...extra });
const profile = (t: ParsedTable, config: Partial<ProfileConfig> = {}) => profileFromTable(t, { config, createdAt: CREATED });

/** The facts read straight from a ParsedColumn, the slow obvious way. */
function tableFacts(col: ParsedColumn) {
  const numbers = new Map<number, number>();
  const text = new Map<string, number>();
  const nums = numericValues(col);
  for (let i = 0; i < nums.length; i++) {
    const v = nums[i];
    if (v === v) numbers.set(v === 0 ? 0 : v, (numbers.get(v === 0 ? 0 : v) ?? 0) + 1);
    else if (col.codes !== null && col.codes[i] >= 0) {
      const s = col.dictionary![col.codes[i]];
      text.set(s, (text.get(s) ?? 0) + 1);
    }
  }
  const values = [...numbers.keys()].sort((a, b) => a - b);
  return {
    values,
    counts: values.map((v) => numbers.get(v)!),
    text: col.highCardinality ? null : text,
    missing: col.missing,
    nonNumeric: col.nonNumeric,
    firstNonNumeric: col.firstNonNumeric,
    integerValued: isIntegerValued(nums),
    numbersUnique: allNumbersUnique(nums),
  };
}

function profileFacts(c: ColumnProfile) {
  if (c.numbers.mode !== 'exact') throw new Error(`column ${c.name} is not exact`);
  return {
    values: Array.from(c.numbers.values),
    counts: Array.from(c.numbers.counts),
    text: c.text,
    missing: c.missing,
    nonNumeric: c.nonNumeric,
    firstNonNumeric: c.firstNonNumeric,
    integerValued: c.integerValued,
    numbersUnique: c.numbersUnique,
  };
}

/** A CSV from columns of cell texts (already quoted where needed). */
function csv(columns: Record<string, string[]>, delimiter = ','): string {
  const names = Object.keys(columns);
  const n = columns[names[0]].length;
  const lines = [names.join(delimiter)];
  for (let i = 0; i < n; i++) lines.push(names.map((k) => columns[k][i]).join(delimiter));
  return lines.join('\n') + '\n';
}

function varied(n: number, seed: number): Record<string, string[]> {
  const r = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  return {
    id: Array.from({ length: n }, (_, i) => String(seed * 100_000 + i)),
    float: Array.from({ length: n }, () => (r() < 0.05 ? '' : (r() * 100 - 50).toFixed(2))),
    ints: Array.from({ length: n }, () => pick(['0', '-0', '1', '2', '3', 'NA', '10'])),
    mixed: Array.from({ length: n }, () => (r() < 0.1 ? pick(['unknown', 'n/a', ' x ']) : String(Math.round(r() * 40)))),
    job: Array.from({ length: n }, () => pick(['admin', 'blue-collar', 'NA', 'technician', '"a, b"', ''])),
    flag: Array.from({ length: n }, () => pick(['true', 'false'])),
  };
}

describe('profileFromTable', () => {
  it('holds the facts of every column of varied tables', async () => {
    for (const seed of [1, 2, 3]) {
      const t = await parse(csv(varied(500, seed)));
      const p = profile(t);
      expect(p.rows).toBe(500);
      expect(p.columns.map((c) => c.name)).toEqual(t.columns.map((c) => c.name));
      t.columns.forEach((col, i) => {
        expect(profileFacts(p.columns[i]), col.name).toEqual(tableFacts(col));
        expect(p.columns[i].rows).toBe(500);
        expect(p.columns[i].textDistinct).toBe(tableFacts(col).text!.size);
      });
    }
  });

  it('keeps text in order of first appearance and counts text cells only, not the numbers in the dictionary', async () => {
    const t = await parse(csv({ x: ['3', 'b', '3', 'a', 'NA', 'b', '-0', '0', '7.5', 'NA'] }));
    const [x] = profile(t).columns;
    expect([...x.text!]).toEqual([
      ['b', 2],
      ['a', 1],
    ]);
    expect(t.columns[0].dictionary).toContain('3');
    expect(x.numbers.mode === 'exact' && Array.from(x.numbers.values)).toEqual([0, 3, 7.5]);
    expect(x.numbers.mode === 'exact' && Object.is(x.numbers.values[0], 0)).toBe(true);
    expect(x.numbers.mode === 'exact' && Array.from(x.numbers.counts)).toEqual([2, 2, 1]);
    expect(x).toMatchObject({
      missing: 2,
      nonNumeric: 3,
      firstNonNumeric: { row: 2, value: 'b' },
      integerValued: false,
      numbersUnique: false,
    });
  });

  it('honours missing markers', async () => {
    const t = await parseCsv(csv({ a: ['?', '1', 'none', '2', 'x'] }), { file: 'm.csv', delimiter: ',', missingValues: ['?', 'none'] });
    const [a] = profile(t).columns;
    expect(a).toMatchObject({ missing: 2, nonNumeric: 1, textDistinct: 1, integerValued: true, numbersUnique: true });
  });

  it('settled decimal-comma formats are kept with the example value, without pending rows', async () => {
    const t = await parse(csv({ amount: ['1,5', '2,25', '1.234,5', '7'], n: ['1.234', '2.345', '3', '4'] }, ';'));
    const p = profile(t);
    const amount = p.columns[0];
    expect(amount.numberFormat).toEqual({
      decimal: ',',
      decidedBy: 'cells',
      thousands: '.',
      localeCells: 3,
      ambiguousCells: 0,
      example: { row: 2, text: '1.234,5', value: 1234.5, score: 3 },
    });
    expect(profileFacts(amount).values).toEqual([1.5, 2.25, 7, 1234.5]);
    // "n" is all ambiguous in its own cells: undecided, taken as it stands.
    expect(p.columns[1].numberFormat).not.toHaveProperty('pendingPoint');
    expect(p.columns[1].numberFormat!.decimal).toBe(t.columns[1].numberFormat!.decimal);
  });

  it('high-cardinality text: no counts, the distinct count and the entries the timestamp rule reads', async () => {
    const n = TEXT_LIMIT + 500;
    const ids = Array.from({ length: n }, (_, i) => `id-${i % (n - 10)}`);
    const t = await parse(csv({ key: ids, ts: ids.map((_, i) => `2024-01-01 00:${String(i % 60).padStart(2, '0')}:${i}`) }));
    expect(t.columns[0].highCardinality).toEqual({ distinct: n - 10 });
    const [key, ts] = profile(t).columns;
    expect(key).toMatchObject({ text: null, textDistinct: n - 10, nonNumeric: n, missing: 0 });
    const step = Math.floor(t.columns[0].dictionary!.length / 200);
    const read = t.columns[0].dictionary!.filter((_, i) => i % step === 0);
    expect(key.textSample).toEqual(read);
    expect(ts.textSample!.length).toBe(read.length);
  });

  it('a column high-cardinality by numbers and text together (as the reader counts) keeps no text counts', async () => {
    const n = TEXT_LIMIT + 100;
    const cells = Array.from({ length: n }, (_, i) => (i % 100 === 0 ? `t${i}` : String(i)));
    const t = await parse(csv({ x: cells }));
    const col = t.columns[0];
    expect(col.highCardinality).toBeDefined();
    const [x] = profile(t).columns;
    const texts = Math.ceil(n / 100);
    expect(x).toMatchObject({ text: null, textDistinct: texts, nonNumeric: texts });
    expect(x.textSample).toBeUndefined();
    expect(x.numbers.mode === 'exact' && x.numbers.values.length).toBe(n - texts);
    // Below the limit the same column keeps its counts.
    const small = profile(await parse(csv({ x: cells.slice(0, 1000) }))).columns[0];
    expect(small.text!.size).toBe(10);
  });
});

/** Profiles `text` as a whole and as consecutive row slices (each parsed alone, with the header). */
async function wholeAndChunked(text: string, chunkRows: number, config: Partial<ProfileConfig> = {}) {
  const whole = profile(await parse(text), config);
  const [header, ...lines] = text.trimEnd().split('\n');
  const b = new ProfileBuilder(config);
  for (let i = 0; i < lines.length; i += chunkRows) {
    b.addTable(await parse([header, ...lines.slice(i, i + chunkRows)].join('\n')));
  }
  return { whole, chunked: b.build({ createdAt: CREATED }) };
}

describe('ProfileBuilder over chunks', () => {
  it('equals profileFromTable of the whole table', async () => {
    for (const chunkRows of [1, 7, 100, 1000]) {
      const { whole, chunked } = await wholeAndChunked(csv(varied(700, 4)), chunkRows);
      expect(chunked, `chunks of ${chunkRows}`).toEqual(whole);
    }
  });

  it('a column past the hash table equals itself in chunks, exact or moved to the sketch (one batch for a whole table)', async () => {
    // 100,000 rows, 80,021 distinct numbers: past the 4,096 the hash table holds, and more than the
    // 65,536 of a batch (one batch when whole and exact).
    const x = Array.from({ length: 100_000 }, (_, i) => String(((i * 7919) % 80_021) / 8));
    for (const maxExactValues of [1_000_000, 70_000]) {
      for (const chunkRows of [30_000, 100_000]) {
        const { whole, chunked } = await wholeAndChunked(csv({ x }), chunkRows, { maxExactValues });
        expect(whole.columns[0].numbers.mode).toBe(maxExactValues === 70_000 ? 'sketch' : 'exact');
        expect(chunked, `max ${maxExactValues}, chunks of ${chunkRows}`).toEqual(whole);
      }
    }
  });

  it('shifts firstNonNumeric, the format example and conflicts by the rows before', async () => {
    const text = csv({ a: ['1', '2', '3', '4', '5', 'x', 'y'], b: ['1.5', '2', '1.5', '3,5', '5', '6', '2.5'] }, ';');
    const { whole, chunked } = await wholeAndChunked(text, 2);
    expect(chunked).toEqual(whole);
    expect(chunked.columns[0].firstNonNumeric).toEqual({ row: 6, value: 'x' });
    expect(chunked.columns[1].numberFormat).toMatchObject({
      decimal: '.',
      example: { row: 3, text: '3,5', value: 3.5, score: 1 },
      conflicts: { count: 1, row: 4, text: '3,5' },
    });
  });

  it('a later example with a higher score wins, as in one file', async () => {
    const text = csv({ b: ['1,234,567', '2', '3', '1,234.5', '7.25'], c: ['1', '2', '3', '4', '5'] }, ';');
    const { whole, chunked } = await wholeAndChunked(text, 2);
    expect(chunked).toEqual(whole);
    expect(chunked.columns[0].numberFormat!.example).toEqual({ row: 3, text: '1,234.5', value: 1234.5, score: 3 });
  });

  it('high-cardinality text over small chunks equals the whole (distinct, sample)', async () => {
    const n = TEXT_LIMIT + 300;
    const text = csv({ key: Array.from({ length: n }, (_, i) => `k${(i * 7919) % (n - 5)}`) });
    const { whole, chunked } = await wholeAndChunked(text, 10_000);
    expect(whole.columns[0].text).toBeNull();
    expect(chunked).toEqual(whole);
  });

  it('counts distinct texts up to TEXT_DISTINCT_CAP, then reports TEXT_DISTINCT_CAP + 1', () => {
    const b = new ColumnProfileBuilder('t', DEFAULT_PROFILE_CONFIG);
    const rows = 1 << 16;
    for (let chunk = 0; chunk * rows <= TEXT_DISTINCT_CAP + 100_000; chunk++) {
      const dictionary = Array.from({ length: rows }, (_, i) => `v${chunk * rows + i}`);
      b.addColumn(
        {
          name: 't',
          values: new Float64Array(rows).fill(NaN),
          codes: Int32Array.from({ length: rows }, (_, i) => i),
          dictionary,
          missing: 0,
          nonNumeric: rows,
          firstNonNumeric: chunk === 0 ? { row: 1, value: 'v0' } : null,
        },
        rows,
      );
      if (chunk === 10) expect(b.build().textDistinct).toBe(11 * rows);
    }
    expect(b.build()).toMatchObject({ text: null, textDistinct: TEXT_DISTINCT_CAP + 1 });
  });

  it('rejects a chunk with other columns', async () => {
    const b = new ProfileBuilder();
    b.addTable(await parse('a,b\n1,2\n'));
    const err = await parse('a,c\n1,2\n').then((t) => {
      try {
        b.addTable(t);
      } catch (e) {
        return e;
      }
    });
    expect(isInputError(err)).toBe(true);
    expect((err as Error).message).toMatch(/columns \(a, c\) differ from those profiled before \(a, b\)/);
  });

  it('rejects a bad config with a one-line error', () => {
    expect(() => new ProfileBuilder({ maxExactValues: 0 })).toThrow(/profile.max_exact_values must be an integer >= 1, got 0/);
    expect(() => new ProfileBuilder({ sketchK: 7 })).toThrow(/profile.sketch_k must be an integer from 8 to 65535, got 7/);
  });
});

function numberColumn(xs: ArrayLike<number>): ParsedColumn {
  const values = Float64Array.from(xs);
  return {
    name: 'x',
    values,
    codes: null,
    dictionary: null,
    missing: values.filter((v) => v !== v).length,
    nonNumeric: 0,
    firstNonNumeric: null,
  };
}

function buildNumbers(chunks: ArrayLike<number>[], config: Partial<ProfileConfig>): ColumnProfile {
  const b = new ColumnProfileBuilder('x', { ...DEFAULT_PROFILE_CONFIG, ...config });
  for (const c of chunks) b.addColumn(numberColumn(c), c.length);
  return b.build();
}

describe('exact numbers and the switch to the sketch', () => {
  it('stays exact at maxExactValues distinct values and switches one past it, keeping n, min and max', () => {
    const at = buildNumbers([Array.from({ length: 300 }, (_, i) => i % 100)], { maxExactValues: 100 });
    expect(at.numbers.mode).toBe('exact');
    expect(at.numbers.mode === 'exact' && Array.from(at.numbers.counts)).toEqual(Array(100).fill(3));
    const past = buildNumbers([Array.from({ length: 303 }, (_, i) => i % 101)], { maxExactValues: 100 });
    expect(past.numbers.mode).toBe('sketch');
    if (past.numbers.mode !== 'sketch') return;
    expect([past.numbers.sketch.n, past.numbers.sketch.min, past.numbers.sketch.max, past.numbers.distinctAtLeast]).toEqual([
      303, 0, 100, 101,
    ]);
    expect(past.numbersUnique).toBe(false);
  });

  it('folds many batches into the same counts as a Map, in any chunking', () => {
    const r = mulberry32(5);
    const xs = Float64Array.from({ length: 300_000 }, () => (r() < 0.01 ? NaN : Math.round(r() * 150_000) / 4));
    const expected = new Map<number, number>();
    for (const x of xs) if (x === x) expected.set(x, (expected.get(x) ?? 0) + 1);
    const keys = [...expected.keys()].sort((a, b) => a - b);
    const one = buildNumbers([xs], {});
    const many = buildNumbers([xs.subarray(0, 1000), xs.subarray(1000, 200_000), xs.subarray(200_000)], {});
    expect(one).toEqual(many);
    expect(one.numbers.mode === 'exact' && Array.from(one.numbers.values)).toEqual(keys);
    expect(one.numbers.mode === 'exact' && Array.from(one.numbers.counts)).toEqual(keys.map((k) => expected.get(k)));
    expect(one.missing).toBe(xs.filter((x) => x !== x).length);
  });

  it('a sketch knows uniqueness only for ascending values; the sketch does not depend on the chunking', () => {
    const n = 200_000;
    const ids = Array.from({ length: n }, (_, i) => i * 3);
    const asc = buildNumbers([ids], { maxExactValues: 150_000 });
    expect(asc.numbers.mode).toBe('sketch');
    expect(asc.numbersUnique).toBe(true);
    const shuffled = [...ids].reverse();
    expect(buildNumbers([shuffled], { maxExactValues: 150_000 }).numbersUnique).toBe(false);
    expect(buildNumbers([shuffled], {}).numbersUnique).toBe(true);
    const chunked = buildNumbers([ids.slice(0, 70_000), ids.slice(70_000)], { maxExactValues: 150_000 });
    expect(chunked.numbers.mode === 'sketch' && chunked.numbers.sketch.toState()).toEqual(
      asc.numbers.mode === 'sketch' && asc.numbers.sketch.toState(),
    );
  });
});

describe('mergeProfiles', () => {
  const parts = [varied(300, 7), varied(200, 8), varied(250, 9)];
  const concat = (xs: Record<string, string[]>[]) =>
    Object.fromEntries(Object.keys(xs[0]).map((k) => [k, xs.flatMap((x) => x[k])])) as Record<string, string[]>;
  const profiles = () => Promise.all(parts.map(async (p) => profile(await parse(csv(p)))));

  it('equals the profile of the concatenated file (exact mode)', async () => {
    const [a, b, c] = await profiles();
    const whole = profile(await parse(csv(concat(parts))));
    expect(mergeProfiles(mergeProfiles(a, b, { createdAt: CREATED }), c, { createdAt: CREATED })).toEqual(whole);
  });

  it('is associative in exact mode, sources included', async () => {
    const [a, b, c] = (await profiles()).map((p, i) => ({
      ...p,
      source: { ...source, file: `p${i}.csv`, size: 10 + i, sha256: 'ab'.repeat(32) },
    }));
    const m = (x: Profile, y: Profile) => mergeProfiles(x, y, { createdAt: CREATED });
    const left = m(m(a, b), c);
    expect(left).toEqual(m(a, m(b, c)));
    expect(left.mergedFrom!.map((s) => s.file)).toEqual(['p0.csv', 'p1.csv', 'p2.csv']);
    expect(left.source).toMatchObject({ file: 'p0.csv + p1.csv + p2.csv', size: 33, sha256: null });
  });

  it('firstNonNumeric comes from b shifted by a.rows when a has none; text keeps a then b order', async () => {
    const a = profile(await parse(csv({ x: ['1', '2', 'NA'] })));
    const b = profile(await parse(csv({ x: ['3', 'q', 'p', 'q'] })));
    const c = profile(await parse(csv({ x: ['z', 'p'] })));
    const m = mergeProfiles(mergeProfiles(a, b), c).columns[0];
    expect(m.firstNonNumeric).toEqual({ row: 5, value: 'q' });
    expect([...m.text!]).toEqual([
      ['q', 2],
      ['p', 2],
      ['z', 1],
    ]);
    expect(m).toMatchObject({ rows: 9, missing: 1, nonNumeric: 5, textDistinct: 3 });
  });

  it('goes to a sketch when the merged distinct values pass the limit; sketch merges keep n and bounds', () => {
    const config = { maxExactValues: 1000 };
    const p = (xs: number[]) => {
      const b = new ProfileBuilder(config);
      b.addTable({ file: 'x.csv', rows: xs.length, delimiter: ',', columns: [numberColumn(xs)], warnings: [] });
      return b.build({ createdAt: CREATED });
    };
    const a = p(Array.from({ length: 600 }, (_, i) => i));
    const b = p(Array.from({ length: 600 }, (_, i) => 600 + i));
    const ab = mergeProfiles(a, b).columns[0];
    expect(ab.numbers.mode).toBe('sketch');
    expect(ab.numbersUnique).toBe(true);
    const big = p(Array.from({ length: 5000 }, (_, i) => i / 10));
    for (const [x, y, max] of [
      [mergeProfiles(a, b), big, 1199],
      [big, mergeProfiles(a, b), 1199],
      [a, big, 599],
    ] as const) {
      const s = mergeProfiles(x, y).columns[0];
      if (s.numbers.mode !== 'sketch') throw new Error('expected a sketch');
      expect(s.numbers.sketch.n).toBe(x.rows + y.rows);
      expect(s.numbers.sketch.min).toBe(0);
      expect(s.numbers.sketch.max).toBe(max);
      expect(s.numbersUnique).toBe(false);
      expect(s.numbers.distinctAtLeast).toBeGreaterThan(1000);
    }
    // Ascending ids across parts stay unique in a sketch; overlapping ones do not.
    const c = p(Array.from({ length: 1100 }, (_, i) => 2000 + i));
    expect(mergeProfiles(mergeProfiles(a, b), c).columns[0].numbersUnique).toBe(true);
    expect(mergeProfiles(c, mergeProfiles(a, b)).columns[0].numbersUnique).toBe(false);
  });

  it('warns when the decimal marks differ and keeps the first', async () => {
    const a = profile(await parse(csv({ x: ['1.5', '2'] })));
    const b = profile(await parseCsv(csv({ x: ['1,5', '2'] }), { file: 'b.csv', delimiter: ';', missingValues: [] }));
    const m = mergeProfiles(a, b);
    expect(m.columns[0].numberFormat).toMatchObject({ decimal: '.', localeCells: 1 });
    expect(m.warnings).toEqual([expect.stringMatching(/^column "x" in the merged profiles: parts were read with different decimal marks/)]);
  });

  it('refuses other columns or another sketch k with one InputError', async () => {
    const a = profile(await parse('a,b\n1,2\n'));
    expect(() => mergeProfiles(a, profile(parseSync('a,c')))).toThrow(/column 2 is "b" in the first and "c" in the second/);
    expect(() => mergeProfiles(a, profile(parseSync('a')))).toThrow(/column 2 is "b" in the first and "\(none\)" in the second/);
    expect(() => mergeProfiles(a, { ...a, config: { ...a.config, sketchK: 100 } })).toThrow(/sketch k = 200 and k = 100/);
  });
});

const source = {
  file: 'x.csv',
  size: 0,
  sha256: null,
  delimiter: ',',
  missingValues: ['', 'NA'],
  encoding: 'utf-8',
  decimal: 'auto',
  thousands: 'auto',
  dropped: [],
  label: null,
};

/** A one-row table with the given columns (all numbers). */
function parseSync(header: string): ParsedTable {
  const names = header.split(',');
  return { file: 'y.csv', rows: 1, delimiter: ',', columns: names.map((n) => ({ ...numberColumn([1]), name: n })), warnings: [] };
}
