import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isInputError } from '../../../src/core/errors.ts';
import { type ColumnProfile, type Profile, type ProfileSource } from '../../../src/core/profile/columnProfile.ts';
import { KllSketch } from '../../../src/core/profile/kllSketch.ts';
import { decodeProfile, encodeProfile, hasProfileMagic } from '../../../src/core/profile/profileFile.ts';
import { mulberry32 } from '../../../src/core/samples/mulberry32.ts';
import { mergeProfiles, profileFromTable } from '../../../src/core/profile/profileBuilder.ts';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';
import { resolveNumberFormats } from '../../../src/core/table/resolveNumberFormats.ts';
import { validate, type Schema } from '../../helpers/reportSchema.ts';

const profileSchema = JSON.parse(readFileSync(new URL('../../../schema/profile.schema.json', import.meta.url), 'utf8')) as Schema;

const ROWS = 5000;

const source: ProfileSource = {
  file: 'train.csv',
  size: 123456,
  sha256: 'ab'.repeat(32),
  delimiter: ';',
  missingValues: ['', 'NA', '?'],
  encoding: 'utf-8',
  decimal: ',',
  thousands: '.',
  dropped: ['id'],
  label: 'churn',
};

/** A column with every field at its neutral value; tests override what they need. */
function column(name: string, over: Partial<ColumnProfile>): ColumnProfile {
  return {
    name,
    rows: ROWS,
    missing: 0,
    numbers: { mode: 'exact', values: new Float64Array(0), counts: new Float64Array(0) },
    integerValued: true,
    numbersUnique: true,
    nonNumeric: 0,
    firstNonNumeric: null,
    text: new Map(),
    textDistinct: 0,
    ...over,
  };
}

/** Exact numbers from a list of values (distinct sorted with counts). */
function exact(values: number[]): ColumnProfile['numbers'] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const sorted = [...counts.keys()].sort((a, b) => a - b);
  return { mode: 'exact', values: Float64Array.from(sorted), counts: Float64Array.from(sorted.map((v) => counts.get(v)!)) };
}

/** One column of each shape the format stores. */
function sampleProfile(): Profile {
  const random = mulberry32(3);
  // age: integers with 5% missing and a few text cells, exact.
  const ages: number[] = [];
  let missing = 0;
  const text = new Map<string, number>();
  for (let i = 0; i < ROWS; i++) {
    const r = random();
    if (r < 0.05) missing++;
    else if (r < 0.06) text.set(r < 0.055 ? 'unknown' : 'é"\\\u001b[31m', (text.get(r < 0.055 ? 'unknown' : 'é"\\\u001b[31m') ?? 0) + 1);
    else ages.push(Math.round(random() * 80));
  }
  const nonNumeric = [...text.values()].reduce((a, b) => a + b, 0);
  // income: continuous, sketched (with compactions), no missing values.
  const sketch = new KllSketch(200, 77);
  for (let i = 0; i < ROWS; i++) sketch.update(random() * 1e5 - 2e4);
  return {
    config: { maxExactValues: 100_000, sketchK: 200, sketchSeed: 77 },
    rows: ROWS,
    columns: [
      column('age', {
        missing,
        numbers: exact(ages),
        numbersUnique: false,
        nonNumeric,
        firstNonNumeric: { row: 17, value: 'unknown' },
        text,
        textDistinct: text.size,
        numberFormat: {
          decimal: ',',
          decidedBy: 'cells',
          thousands: '.',
          localeCells: 12,
          ambiguousCells: 3,
          example: { row: 4, text: '1.234,5', value: 1234.5, score: 3 },
        },
      }),
      column('income', {
        numbers: { mode: 'sketch', sketch, distinctAtLeast: 1001 },
        integerValued: false,
        numbersUnique: false,
        numberFormat: {
          decimal: '.',
          decidedBy: 'config',
          thousands: '',
          localeCells: 0,
          ambiguousCells: 0,
          conflicts: { count: 2, row: 9, text: '1,5' },
        },
      }),
      column('job', {
        missing: 100,
        nonNumeric: ROWS - 100,
        firstNonNumeric: { row: 1, value: 'admin' },
        text: new Map([
          ['admin', 2000],
          ['__proto__', 1900],
          ['constructor', ROWS - 100 - 3900],
        ]),
        textDistinct: 3,
      }),
      column('comment', {
        nonNumeric: ROWS,
        firstNonNumeric: { row: 1, value: 'x' },
        text: null,
        textDistinct: ROWS - 1000,
        textSample: ['x', '2024-01-01'],
      }),
      column('empty', { missing: ROWS }),
      column('id', { missing: ROWS - 1000, numbers: exact(Array.from({ length: 1000 }, (_, i) => i - 100)) }),
    ],
    warnings: ['train.csv: row 7 has 3 fields, expected 6'],
    headerIsNumbers: false,
    source,
    createdAt: '2026-11-29T18:00:00.000Z',
    mergedFrom: [source, { ...source, file: 'b.csv', sha256: null }],
  };
}

/** A comparable view: sketches by their serialisable state. */
const plain = (p: Profile) => ({
  ...p,
  columns: p.columns.map((c) => ({
    ...c,
    numbers: c.numbers.mode === 'sketch' ? { ...c.numbers, sketch: c.numbers.sketch.toState() } : c.numbers,
  })),
});

/** Byte equality without vitest's element-by-element diffing (slow on megabytes). */
const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));

function metadataOf(bytes: Uint8Array): Record<string, unknown> {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true);
  return JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + length))) as Record<string, unknown>;
}

function floatsOf(bytes: Uint8Array): number[] {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true);
  const view = new DataView(bytes.buffer, bytes.byteOffset + 16 + length);
  return Array.from({ length: view.byteLength / 8 }, (_, i) => view.getFloat64(i * 8, true));
}

/** Writes a file from raw parts, for the hostile cases. */
function assemble(metadata: string, floats: number[], opts: { magic?: string; version?: number; metaLength?: number } = {}): Uint8Array {
  const m = new TextEncoder().encode(metadata);
  const out = new Uint8Array(16 + m.length + floats.length * 8);
  const view = new DataView(out.buffer);
  const magic = opts.magic ?? 'DMPROFIL';
  for (let i = 0; i < 8; i++) out[i] = magic.charCodeAt(i);
  view.setUint32(8, opts.version ?? 2, true);
  view.setUint32(12, opts.metaLength ?? m.length, true);
  out.set(m, 16);
  floats.forEach((x, i) => view.setFloat64(16 + m.length + i * 8, x, true));
  return out;
}

/** A one-column exact profile file with the metadata (and floats) patched. */
function exactFile(
  values: number[],
  counts: number[],
  patch: (m: Record<string, unknown>, col: Record<string, unknown>) => void = () => {},
): Uint8Array {
  const rows = counts.reduce((s, c) => s + (Number.isFinite(c) ? c : 0), 0);
  const m = metadataOf(encodeProfile({ ...sampleProfile(), rows, columns: [column('x', { rows, numbers: exact([1]) })] }));
  const col = (m.columns as Record<string, unknown>[])[0];
  col.numbers = { mode: 'exact', distinct: values.length };
  col.integer_valued = values.every(Number.isInteger);
  col.numbers_unique = counts.every((c) => c === 1);
  patch(m, col);
  return assemble(JSON.stringify(m), [...values, ...counts]);
}

let sampleBytes: Uint8Array | undefined;

/** The sample file's metadata patched, with its own arrays. */
function patchedSample(patch: (m: Record<string, unknown>, cols: Record<string, unknown>[]) => void, floats?: number[]): Uint8Array {
  sampleBytes ??= encodeProfile(sampleProfile());
  const bytes = sampleBytes;
  const m = metadataOf(bytes);
  patch(m, m.columns as Record<string, unknown>[]);
  return assemble(JSON.stringify(m), floats ?? floatsOf(bytes));
}

function errorOf(bytes: Uint8Array): string {
  try {
    decodeProfile(bytes, 'ref.profile');
  } catch (e) {
    expect(isInputError(e)).toBe(true);
    const message = (e as Error).message;
    expect(message.includes('\n') || message.includes('\u001b')).toBe(false);
    expect(message.startsWith('ref.profile: ')).toBe(true);
    return message;
  }
  throw new Error('decodeProfile accepted a bad file');
}

describe('encodeProfile / decodeProfile', () => {
  it('round-trips every kind of column and all profile fields', () => {
    const p = sampleProfile();
    const bytes = encodeProfile(p);
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('DMPROFIL');
    expect(new DataView(bytes.buffer).getUint32(8, true)).toBe(2);
    expect(hasProfileMagic(bytes)).toBe(true);
    const back = decodeProfile(bytes, 'ref.profile');
    expect(plain(back)).toEqual(plain(p));
    // Text keeps its first-seen order, hostile texts included, in a Map (no prototype involved).
    expect([...back.columns[2].text!.keys()]).toEqual(['admin', '__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A view into a larger buffer reads the same.
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(plain(decodeProfile(shifted.subarray(3), 'ref.profile'))).toEqual(plain(p));
    // A read profile writes back to the same bytes.
    expect(sameBytes(encodeProfile(back), bytes)).toBe(true);
  });

  it('restores the sketch state exactly: the read sketch goes on like the original', () => {
    const p = sampleProfile();
    const income = p.columns[1].numbers;
    if (income.mode !== 'sketch') throw new Error('sample income must be sketched');
    expect(income.sketch.toState().compactions).toBeGreaterThan(0);
    const back = decodeProfile(encodeProfile(p), 'ref.profile').columns[1].numbers;
    if (back.mode !== 'sketch') throw new Error('income must read back as a sketch');
    expect(back.sketch.toState()).toEqual(income.sketch.toState());
    expect(back.distinctAtLeast).toBe(1001);
    // The same further updates (which compact with the seeded coin) give the same sketch.
    for (let i = 0; i < 3000; i++) {
      income.sketch.update(Math.sin(i) * 1e4);
      back.sketch.update(Math.sin(i) * 1e4);
    }
    expect(back.sketch.toState()).toEqual(income.sketch.toState());
    expect(back.sketch.quantile(0.5)).toBe(income.sketch.quantile(0.5));
  });

  it('gives the same bytes for the same profile, and stores counts as float64 past 2^32', () => {
    expect(sameBytes(encodeProfile(sampleProfile()), encodeProfile(sampleProfile()))).toBe(true);
    const big = 2 ** 40 + 3;
    const p: Profile = {
      ...sampleProfile(),
      rows: big,
      columns: [column('n', { rows: big, numbers: { mode: 'exact', values: Float64Array.of(0, 1), counts: Float64Array.of(2 ** 40, 3) } })],
    };
    p.columns[0].numbersUnique = false;
    expect(decodeProfile(encodeProfile(p), 'big.profile').columns[0].numbers).toEqual(p.columns[0].numbers);
  });

  it('round-trips a profile without source, merge list or header flag, and with no columns', () => {
    const p: Profile = {
      config: { maxExactValues: 0, sketchK: 8, sketchSeed: 0 },
      rows: 0,
      columns: [],
      warnings: [],
      source: null,
      createdAt: '2026-01-01T00:00:00Z',
    };
    const back = decodeProfile(encodeProfile(p), 'e.profile');
    expect(back).toEqual(p);
    expect('mergedFrom' in back || 'headerIsNumbers' in back).toBe(false);
  });

  it('writes the informational kind of each column from that file alone', () => {
    const kinds = (metadataOf(encodeProfile(sampleProfile())).columns as { name: string; kind: string }[]).map((c) => [c.name, c.kind]);
    expect(kinds).toEqual([
      ['age', 'numerical'],
      ['income', 'numerical'],
      ['job', 'categorical'],
      ['comment', 'skipped'],
      ['empty', 'skipped'],
      ['id', 'skipped'],
    ]);
  });

  it('writes metadata that follows schema/profile.schema.json, and the schema can fail', () => {
    const json = metadataOf(encodeProfile(sampleProfile()));
    expect(validate(profileSchema, json)).toEqual([]);
    expect(validate(profileSchema, { ...json, version: 1 })).not.toEqual([]);
    expect(validate(profileSchema, { ...json, extra: 1 })).not.toEqual([]);
    const columns = json.columns as Record<string, unknown>[];
    const withBadNumbers = { ...json, columns: [{ ...columns[0], numbers: { mode: 'exact', distinct: 1, k: 200 } }] };
    expect(validate(profileSchema, withBadNumbers)).not.toEqual([]);
    const withBadText = { ...json, columns: [{ ...columns[2], text: [['a', 0]] }] };
    expect(validate(profileSchema, withBadText)).not.toEqual([]);
    const withBadHash = { ...json, source: { ...(json.source as object), sha256: 'AB' } };
    expect(validate(profileSchema, withBadHash)).not.toEqual([]);
  });

  it('reads a well-formed hand-assembled file', () => {
    const p = decodeProfile(exactFile([1, 2.5], [3, 4]), 'ref.profile');
    expect(p.rows).toBe(7);
    expect(p.columns[0].numbers).toEqual({ mode: 'exact', values: Float64Array.of(1, 2.5), counts: Float64Array.of(3, 4) });
  });
});

describe('profiles made by the builder from the CSV fixtures', () => {
  const dir = new URL('../../fixtures/csv/', import.meta.url);
  const files = readdirSync(dir).filter((f) => /\.(csv|tsv)$/.test(f));
  it.each(files)('%s: round-trips exact and sketched, merged too', async (name) => {
    let table;
    try {
      table = await parseCsv(new Blob([readFileSync(new URL(name, dir))]), {
        file: name,
        delimiter: 'auto',
        missingValues: ['', 'NA'],
      });
    } catch (e) {
      if (isInputError(e)) return; // a fixture the reader refuses (empty, header only)
      throw e;
    }
    resolveNumberFormats(table, table);
    for (const maxExactValues of [1_000_000, 2]) {
      const p = profileFromTable(table, { config: { maxExactValues }, createdAt: '2026-11-29T18:00:00.000Z' });
      const bytes = encodeProfile(p);
      const back = decodeProfile(bytes, 'x.profile');
      expect(plain(back)).toEqual(plain(p));
      expect(sameBytes(encodeProfile(back), bytes)).toBe(true);
      const merged = mergeProfiles(p, p, { createdAt: '2026-11-29T18:00:00.000Z' });
      expect(plain(decodeProfile(encodeProfile(merged), 'm.profile'))).toEqual(plain(merged));
    }
  });
});

describe('decodeProfile refuses hostile files with one InputError naming the file', () => {
  const good = encodeProfile(sampleProfile());
  const cases: [string, () => Uint8Array, RegExp][] = [
    ['an empty file', () => new Uint8Array(0), /is empty/],
    ['a cut magic', () => good.slice(0, 5), /is truncated \(5 bytes/],
    ['a cut header', () => good.slice(0, 10), /is truncated \(10 bytes/],
    ['cut arrays', () => good.slice(0, good.length - 8), /only \d+ bytes follow it \(truncated\?\)/],
    ['cut metadata', () => good.slice(0, 40), /declares \d+ bytes of metadata but only 24 follow/],
    ['bytes after the arrays', () => Uint8Array.from([...good, 0, 0, 0, 0, 0, 0, 0, 0]), /has 8 bytes after the declared arrays/],
    [
      'a CSV',
      () => new TextEncoder().encode('a,b\n1,2\n'),
      /is not a drift-monitor profile \(it does not start with "DMPROFIL"\); pass a \*\.profile file/,
    ],
    [
      'a version 1 file',
      () => assemble('{}', [], { version: 1 }),
      /was made by an older version of drift-monitor \(profile format 1; this version reads format 2\); re-create it with drift-monitor profile <data.csv> -o ref.profile$/,
    ],
    [
      'a newer version',
      () => assemble('{}', [], { version: 3 }),
      /was made by a newer version of drift-monitor .*; update drift-monitor, or re-create it/,
    ],
    ['a huge metadata length', () => assemble('{}', [], { metaLength: 2 ** 32 - 1 }), /declares 4294967295 bytes of metadata/],
    [
      'a huge distinct count',
      () => exactFile([1], [1], (_, c) => (c.numbers = { mode: 'exact', distinct: 2 ** 40 })),
      /numbers.distinct must be an integer from 0 to 100000,/,
    ],
    [
      'more declared numbers than bytes',
      () => exactFile([1], [1], (m, c) => ((m.rows = 1000), (c.rows = 1000), (c.numbers = { mode: 'exact', distinct: 1000 }))),
      /declares 2000 numbers \(16000 bytes\) but only 16 bytes follow it \(truncated\?\)/,
    ],
    [
      'huge sketch levels',
      () => patchedSample((_, cols) => ((cols[1].numbers as Record<string, unknown>).level_sizes = [2 ** 31, 2 ** 31, 2 ** 31])),
      /declares \d+ numbers \(\d+ bytes\) but only \d+ bytes follow it/,
    ],
    ['NaN in the values', () => exactFile([1, NaN], [1, 1]), /the distinct values holds NaN at position 2/],
    ['Infinity in the values', () => exactFile([1, Infinity], [1, 1]), /the distinct values holds Infinity at position 2/],
    ['-0 in the values', () => exactFile([-0, 1], [1, 1]), /holds -0 at position 1/],
    ['unsorted values', () => exactFile([2, 1], [1, 1]), /the distinct values are not sorted ascending at position 2/],
    ['repeated values', () => exactFile([1, 1], [1, 1]), /not sorted ascending at position 2/],
    ['a negative count', () => exactFile([1, 2], [3, -1]), /count -1 at position 2 is not a positive integer/],
    ['a fractional count', () => exactFile([1, 2], [0.5, 1.5]), /count 0.5 at position 1 is not a positive integer/],
    [
      'numbers + non-numeric + missing not adding up to rows',
      () => exactFile([1, 2], [1, 1], (m, c) => ((m.rows = 5), (c.rows = 5), (c.missing = 2))),
      /the counts add up to 2, not rows - missing - non_numeric = 3/,
    ],
    [
      'integer_valued contradicting the values',
      () => exactFile([1, 2.5], [1, 1], (_, c) => (c.integer_valued = true)),
      /integer_valued does not match/,
    ],
    [
      'numbers_unique contradicting the counts',
      () => exactFile([1, 2], [2, 1], (_, c) => (c.numbers_unique = true)),
      /numbers_unique does not match/,
    ],
    [
      'a __proto__ key',
      () => exactFile([1], [1], (m) => Object.defineProperty(m, '__proto__', { value: { polluted: true }, enumerable: true })),
      /metadata contains the key "__proto__"/,
    ],
    [
      'a __proto__ key in a column',
      () => assemble(JSON.stringify(metadataOf(good)).replace('"name":"age"', '"__proto__":{"x":1},"name":"age"'), floatsOf(good)),
      /columns\[0\] contains the key "__proto__"/,
    ],
    [
      'a constructor key',
      () => exactFile([1], [1], (_, c) => (c.numbers = { mode: 'exact', distinct: 1, constructor: { prototype: {} } })),
      /contains the key "constructor"/,
    ],
    ['an unknown key', () => exactFile([1], [1], (m) => (m.settings = {})), /metadata has the unknown key "settings"/],
    ['a missing key', () => exactFile([1], [1], (_, c) => delete c.text), /lacks the key "text"/],
    ['invalid JSON', () => assemble('{"format":', []), /metadata is not valid JSON/],
    ['invalid UTF-8', () => assemble('{}', []).map((b, i) => (i === 16 ? 0xff : b)), /not valid UTF-8/],
    ['a JSON array as metadata', () => assemble('[]', []), /: metadata must be an object/],
    ['a wrong format name', () => exactFile([1], [1], (m) => (m.format = 'other')), /metadata format must be "drift-monitor-profile"/],
    [
      'a version that differs from the header',
      () => exactFile([1], [1], (m) => (m.version = 3)),
      /version \(3\) differs from the header's version 2/,
    ],
    ['a bad time', () => exactFile([1], [1], (m) => (m.created_at = 'yesterday')), /created_at is not an ISO 8601 time/],
    [
      'a bad sha256',
      () => exactFile([1], [1], (m) => (m.source = { ...(m.source as object), sha256: 'x' })),
      /sha256 must be 64 lowercase hex digits/,
    ],
    ['a non-integer row count', () => exactFile([1], [1], (m) => (m.rows = 1.5)), /metadata rows must be an integer/],
    ['an unknown kind', () => exactFile([1], [1], (_, c) => (c.kind = 'date')), /kind must be "numerical", "categorical" or "skipped"/],
    ['column rows unlike the profile', () => exactFile([1], [1], (_, c) => (c.rows = 2)), /has 2 rows, the profile 1/],
    ['missing above rows', () => exactFile([1], [1], (_, c) => (c.missing = 9)), /missing must be an integer from 0 to 1, got 9/],
    [
      'a duplicate column',
      () => exactFile([1], [1, 1, 1], (m) => (m.columns = [...(m.columns as unknown[]), ...(m.columns as unknown[])])),
      /lists column "x" twice/,
    ],
    [
      'text counts not adding up',
      () => patchedSample((_, cols) => ((cols[2].text as [string, number][])[0][1] += 1)),
      /text counts add up to 4901, not non_numeric = 4900/,
    ],
    [
      'a repeated text',
      () => patchedSample((_, cols) => ((cols[2].text as [string, number][])[1][0] = 'admin')),
      /text lists "admin" twice/,
    ],
    [
      'a zero text count',
      () => patchedSample((_, cols) => ((cols[2].text as [string, number][])[0][1] = 0)),
      /text\[0\]\[1\] must be an integer from 1/,
    ],
    [
      'text_distinct unlike the text',
      () => patchedSample((_, cols) => (cols[2].text_distinct = 4)),
      /text lists 3 texts but text_distinct is 4/,
    ],
    [
      'a text sample beside kept texts',
      () => patchedSample((_, cols) => (cols[2].text_sample = ['a'])),
      /text_sample is only kept when text is null/,
    ],
    [
      'first_non_numeric without text',
      () => patchedSample((_, cols) => (cols[4].first_non_numeric = { row: 1, value: 'x' })),
      /first_non_numeric must be null exactly when non_numeric is 0/,
    ],
    [
      'a bad number format',
      () => patchedSample((_, cols) => ((cols[0].number_format as Record<string, unknown>).decimal = ';')),
      /number_format.decimal must be "\.", "," or null/,
    ],
    [
      'an unknown numbers mode',
      () => exactFile([1], [1], (_, c) => (c.numbers = { mode: 'histogram' })),
      /numbers.mode must be "exact" or "sketch"/,
    ],
    [
      'a sketch n unlike its weights',
      () => patchedSample((_, cols) => ((cols[1].numbers as Record<string, number>).n += 1)),
      /the sketch holds 5000 values but declares n = 5001/,
    ],
    [
      'a sketch k unlike the config',
      () => patchedSample((_, cols) => ((cols[1].numbers as Record<string, number>).k = 100)),
      /numbers.k \(100\) differs from config.sketch_k \(200\)/,
    ],
    [
      'a sketch with no levels',
      () => patchedSample((_, cols) => ((cols[1].numbers as Record<string, unknown>).level_sizes = [])),
      /lists 0 levels/,
    ],
    [
      'a sketch item outside min/max',
      () => patchedSample((_, cols) => ((cols[1].numbers as Record<string, number>).max = 0)),
      /sketch item [\d.e+-]+ lies outside \[min, max\]/,
    ],
    [
      'a sketch n unlike the cells',
      () => patchedSample((_, cols) => (cols[1].missing = 1)),
      /the sketch's n = 5000 differs from rows - missing - non_numeric = 4999/,
    ],
  ];
  for (const [name, make, expected] of cases) it(name, () => expect(errorOf(make())).toMatch(expected));

  it('says what to do in every message', () => {
    for (const [, make] of cases) expect(errorOf(make())).toMatch(/re-create it with drift-monitor profile|pass a \*\.profile file/);
  });

  it('prints hostile column names without control characters', () => {
    const bytes = patchedSample((_, cols) => {
      cols[0].name = 'evil\u001b[2J\nname';
      cols[0].rows = 1;
    });
    expect(errorOf(bytes)).toMatch(/column "evil\\u001b\[2J\\nname"/);
  });
});
