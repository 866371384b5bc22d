/**
 * Two exact profiles give the report of the two files they were made from: the whole buildReport
 * output, every number, warning and reason, on the oracle fixtures the table path is tested on (the
 * real-data pairs, the hand-written CSVs, and synthetic files that reach every typing rule).
 */
import { fileURLToPath } from 'node:url';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse, type Analysis } from '../../../src/core/analyse.ts';
import { buildReport } from '../../../src/core/buildReport.ts';
import { defaultConfig } from '../../../src/core/config/defaults.ts';
import { validateConfig } from '../../../src/core/config/validateConfig.ts';
import type { Config } from '../../../src/core/config/types.ts';
import { analyseProfiles } from '../../../src/core/profile/analyseProfiles.ts';
import type { Profile } from '../../../src/core/profile/columnProfile.ts';
import type { StatKernels } from '../../../src/core/stattests/kernels.ts';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';
import type { ParsedTable } from '../../../src/core/table/types.ts';
import { loadKernels } from '../../../src/kernels/index.ts';
import { readCsvFile } from '../../../src/node/readCsvFile.ts';
import { readCsvProfile } from '../../../src/node/readCsvProfile.ts';
import { entry, type DriftTest } from '../../../src/core/stattests/driftTest.ts';
import { STAT_TESTS } from '../../../src/core/stattests/registry.ts';
import { realPair } from '../../helpers/realPairs.ts';
import pairsIndex from '../../fixtures/real/pairs.json';
import { profileOf } from './profileOf.ts';

let k: StatKernels;
beforeAll(async () => {
  k = await loadKernels();
});

const meta = { generatedAt: '2026-01-01T00:00:00.000Z', version: '0.0.0' };
const MISSING = ['', 'NA', 'NaN', 'null', '?'];
const CSV_DIR = fileURLToPath(new URL('../../fixtures/csv/', import.meta.url));

type Read = () => Promise<ParsedTable>;

/**
 * The report (or the InputError message) of a run: tables read fresh each time (analyse settles them in
 * place). Duplicate rows need rows, which a profile does not keep (tests/core/quality checks both
 * sides' duplicates), so they are left out of the comparison.
 */
async function outcome(run: () => Promise<Analysis>, config: Config): Promise<unknown> {
  try {
    const report = buildReport(await run(), config, meta);
    const { duplicates: _, ...quality } = report.data_quality!;
    return { ...report, data_quality: quality };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

async function expectSameReport(readRef: Read, readProd: Read, config: Config): Promise<unknown> {
  const fromTables = await outcome(async () => analyse(await readRef(), await readProd(), config, k), config);
  let profiles: [Profile, Profile] | null = null;
  const fromProfiles = await outcome(async () => {
    profiles = [profileOf(await readRef()), profileOf(await readProd())];
    return analyseProfiles(profiles[0], profiles[1], config);
  }, config);
  expect(fromProfiles).toEqual(fromTables);
  // toEqual treats -0 and 0 alike: the JSON written must match too.
  expect(JSON.stringify(fromProfiles)).toBe(JSON.stringify(fromTables));
  return fromTables;
}

describe('analyseProfiles on exact profiles = analyse on the files: real-data pairs', () => {
  for (const name of Object.keys(pairsIndex)) {
    it(
      name,
      async () => {
        const pair = realPair(name);
        const config = defaultConfig();
        config.data.label_column = pair.label;
        config.columns.drop = pair.drop;
        const read = (path: string) => () =>
          readCsvFile(path, { delimiter: 'auto', missingValues: config.data.missing_values, file: path.split('/').slice(-2).join('/') });
        const report = (await expectSameReport(read(pair.reference), read(pair.production), config)) as { features: unknown[] };
        expect(report.features.length).toBeGreaterThan(3);
      },
      60_000,
    );
  }
});

describe('analyseProfiles on exact profiles = analyse on the files: hand-written CSVs', () => {
  const pairs: [string, string][] = [
    ['european_reference.csv', 'european_production.csv'],
    ['european_reference.csv', 'standard_production.csv'],
    ['plain_reference.csv', 'grouped_production.csv'],
    ['cities_1252.csv', 'cities_utf8.csv'],
    ['cities_utf16le.csv', 'cities_crlf_lf.csv'],
    ['cities_decimal_comma.csv', 'cities_utf8.csv'],
    ['windows1252.csv', 'mixed_encodings.csv'],
    ['missing_markers.csv', 'missing_markers.csv'],
    ['quoted.csv', 'quoted.csv'],
    ['semicolon.csv', 'tab.tsv'],
    ['ragged_long.csv', 'ragged_short.csv'],
    ['crlf_then_lf.csv', 'ragged_short.csv'],
    ['blank_lines.csv', 'lf_then_crlf.csv'],
    ['european.csv', 'european.csv'],
    ['bom_crlf.csv', 'bom_crlf.csv'],
  ];
  for (const [ref, prod] of pairs) {
    it(`${ref} vs ${prod}`, async () => {
      const config = defaultConfig();
      const read = (file: string) => () => readCsvFile(join(CSV_DIR, file), { delimiter: 'auto', missingValues: MISSING, file });
      await expectSameReport(read(ref), read(prod), config);
    });
  }
});

describe('profiles streamed from the files (readCsvProfile, 1000-row chunks) give the report of the tables', () => {
  const csvPairs = [
    ['european_reference.csv', 'european_production.csv'],
    ['plain_reference.csv', 'grouped_production.csv'],
    ['cities_1252.csv', 'cities_utf8.csv'],
    ['ragged_long.csv', 'ragged_short.csv'],
  ].map(([r, p]) => ({
    name: `${r} vs ${p}`,
    reference: join(CSV_DIR, r),
    production: join(CSV_DIR, p),
    label: null,
    drop: [] as string[],
  }));
  for (const pair of [...Object.keys(pairsIndex).map(realPair), ...csvPairs]) {
    it(
      pair.name,
      async () => {
        const config = defaultConfig();
        config.data.label_column = pair.label;
        config.columns.drop = pair.drop;
        const opts = { delimiter: 'auto' as const, missingValues: MISSING };
        const fromTables = await outcome(
          async () =>
            analyse(
              await readCsvFile(pair.reference, { ...opts, file: basename(pair.reference) }),
              await readCsvFile(pair.production, { ...opts, file: basename(pair.production) }),
              config,
              k,
            ),
          config,
        );
        const profile = (path: string) => readCsvProfile(path, { ...opts, file: basename(path), rowsPerChunk: 1000 });
        const fromProfiles = await outcome(
          async () => analyseProfiles(await profile(pair.reference), await profile(pair.production), config),
          config,
        );
        expect(fromProfiles).toEqual(fromTables);
        expect(JSON.stringify(fromProfiles)).toBe(JSON.stringify(fromTables));
      },
      60_000,
    );
  }
});

const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const csv = (file: string, header: string[], rows: (string | number)[][]) => () =>
  parseCsv([header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n', { file, delimiter: 'auto', missingValues: MISSING });

describe('analyseProfiles on exact profiles = analyse on the files: every typing rule', () => {
  const header = ['id', 'num', 'few', 'mixed', 'coerced', 'flag', 'when', 'color', 'looks', 'gone', 'never', 'neg', 'label'];
  const row = (i: number, shift: number) => [
    i, // identifier (unique integers)
    ((i * 7919) % 1000) / 10 + shift, // numerical
    i % 5, // numeric categorical
    i % 9 === 0 ? 'n/a' : i % 4, // numbers with text, few distinct: categorical over the text
    i % 50 === 0 ? 'bad' : (i * 1.37 + shift).toFixed(2), // numbers with some text: numerical, text coerced
    i % 3 === 0 ? 'True' : 'false', // boolean text
    `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, // timestamp
    ['red', 'green', 'blue', 'Grün', ''][i % 5], // text categorical with missing
    `"${(i % 30) + 1},5 %"`, // numeric-looking text
    shift === 0 ? (i * 0.5).toFixed(1) : 'NA', // all missing in production
    'NA', // all missing in both
    i % 7 === 0 ? '-0' : -(i % 3), // -0 cells
    i % 2,
  ];
  it('defaults', async () => {
    const ref = csv(
      'ref.csv',
      header,
      range(600, (i) => row(i, 0)),
    );
    const prod = csv(
      'prod.csv',
      header,
      range(400, (i) => row(i * 3, 2)),
    );
    const config = defaultConfig();
    config.data.label_column = 'label';
    const report = (await expectSameReport(ref, prod, config)) as { skipped: unknown[]; features: unknown[] };
    expect(report.skipped.length).toBeGreaterThan(2);
  });
  it('overrides, a small max_categorical_unique and distinct PSI bins', async () => {
    const ref = csv(
      'ref.csv',
      header,
      range(600, (i) => row(i, 0)),
    );
    const prod = csv(
      'prod.csv',
      header,
      range(400, (i) => row(i * 3, 2)),
    );
    const config = defaultConfig();
    config.columns.numerical = ['few', 'mixed'];
    config.columns.categorical = ['num'];
    config.columns.drop = ['when'];
    config.columns.max_categorical_unique = 3;
    config.psi.bins = 7;
    await expectSameReport(ref, prod, config);
  });
  it('a point mass in the reference (its own PSI bin, with a warning)', async () => {
    const ref = csv(
      'ref.csv',
      ['pdays', 'x'],
      range(500, (i) => [-1, (i * 1.37).toFixed(2)]),
    );
    const prod = csv(
      'prod.csv',
      ['pdays', 'x'],
      range(500, (i) => [i < 320 ? -1 : 1 + ((i * 37) % 400), (i * 1.41).toFixed(2)]),
    );
    const config = defaultConfig();
    config.columns.numerical = ['pdays'];
    const report = await expectSameReport(ref, prod, config);
    expect(JSON.stringify(report)).toContain('PSI gives it its own bin');
  });
  it('high-cardinality timestamps (the timestamp rule samples the kept texts) and numbers mixed with many texts', async () => {
    const stamp = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString();
    // mixed: 61250 distinct texts and 5000 distinct (repeated) numbers, 66250 distinct cells in all:
    // high-cardinality as the reader counts it (numbers too), though the texts alone are fewer than 65536.
    const ref = csv(
      'ref.csv',
      ['at', 'mixed'],
      range(70_000, (i) => [stamp(i), i % 8 ? `t${i}` : i % 40_000]),
    );
    const prod = csv(
      'prod.csv',
      ['at', 'mixed'],
      range(300, (i) => [stamp(i * 7), i % 2 ? `t${i}` : i]),
    );
    const report = (await expectSameReport(ref, prod, defaultConfig())) as { skipped: { name: string; reason: string }[] };
    expect(report.skipped.map((s) => s.reason)).toEqual([
      'timestamp: values such as "2024-01-01T00:00:00.000Z" parse as dates',
      'high-cardinality text: 66250 distinct values in ref.csv, too many for categories',
    ]);
  }, 30_000);
  it('high-cardinality text and a column present in one file only (the same InputError)', async () => {
    const ref = csv(
      'ref.csv',
      ['text', 'x'],
      range(70_000, (i) => [`t${i}`, i % 3]),
    );
    const prod = csv(
      'prod.csv',
      ['text', 'x'],
      range(100, (i) => [`t${i}`, i % 3]),
    );
    await expectSameReport(ref, prod, defaultConfig());
    const other = csv(
      'other.csv',
      ['text', 'y'],
      range(10, (i) => [`t${i}`, i]),
    );
    const r = (await expectSameReport(ref, other, defaultConfig())) as { error?: string };
    expect(r.error).toMatch(/is in ref.csv but missing from other.csv/);
  });
});

describe('a registered test that reads the samples (TestInput.reference)', () => {
  // Sum of the sorted non-missing values: independent of row order, sensitive to every value.
  const sortedSum = (x: Float64Array) =>
    x
      .filter((v) => v === v)
      .sort()
      .reduce((a, b) => a + b, 0);
  const sums: DriftTest<{ reference: number; production: number }> = {
    id: 'sums',
    label: 'Sums',
    statistic: 'sum of the values',
    columnKinds: ['numerical'],
    comparison: 'distance',
    score: (r) => Math.abs(r.production - r.reference),
    threshold: { key: 'sums', default: Infinity, max: Infinity, label: 'Sums', rule: 'never' },
    reportKey: 'sums',
    resultKeys: ['reference', 'production'],
    run: (input) => {
      if (input.kind !== 'numerical') throw new TypeError('numerical only');
      return { reference: sortedSum(input.reference), production: sortedSum(input.production) };
    },
    fields: [],
    table: { id: 'sums', heading: 'Sums', caption: 'Sums', empty: 'None.', sort: { key: 'reference', direction: 'descending' } },
  };
  it('gets the values of an exact profile, expanded from their counts, and gives the result of the table path', async () => {
    const tests = [...STAT_TESTS, entry(sums)];
    const rows = (n: number, shift: number) => range(n, (i) => [i % 13 === 0 ? 'NA' : ((i * 37) % 101) / 4 + shift]);
    const config = defaultConfig();
    const fromTables = analyse(await csv('ref.csv', ['x'], rows(300, 0))(), await csv('prod.csv', ['x'], rows(200, 1))(), config, k, tests);
    const fromProfiles = analyseProfiles(
      profileOf(await csv('ref.csv', ['x'], rows(300, 0))()),
      profileOf(await csv('prod.csv', ['x'], rows(200, 1))()),
      config,
      tests,
    );
    expect(fromProfiles.stats).toEqual(fromTables.stats);
    const got = (fromProfiles.stats[0] as unknown as { sums: { reference: number } }).sums;
    expect(got.reference).toBeGreaterThan(0);
  });
  it('gets the retained items of a sketch, each repeated by its weight: as many values as the sketch counts', async () => {
    const counting: DriftTest<{ n: number; min: number; max: number }> = {
      ...(sums as unknown as DriftTest<{ n: number; min: number; max: number }>),
      id: 'counting',
      reportKey: 'counting',
      resultKeys: ['n', 'min', 'max'],
      run: (input) => {
        if (input.kind !== 'numerical') throw new TypeError('numerical only');
        const x = input.reference;
        return { n: x.length, min: x[0], max: x[x.length - 1] };
      },
    };
    const rows = range(5000, (i) => [((i * 7919) % 5003) / 7]);
    const ref = profileOf(await csv('ref.csv', ['x'], rows)(), 16);
    expect(ref.columns[0].numbers.mode).toBe('sketch');
    const a = analyseProfiles(ref, profileOf(await csv('prod.csv', ['x'], rows)()), defaultConfig(), [...STAT_TESTS, entry(counting)]);
    const got = (a.stats[0] as unknown as { counting: { n: number; min: number; max: number } }).counting;
    // Compaction keeps some items only: the extremes may be gone, the count never.
    expect(got.n).toBe(5000);
    expect(got.min).toBeGreaterThanOrEqual(0);
    expect(got.max).toBeLessThanOrEqual(5002 / 7);
    expect(got.min).toBeLessThan(got.max);
  });

  it('Wasserstein and Cramér-von Mises: an exact profile gives the table result; a sketch is approximate and its warning says so', async () => {
    const config = validateConfig({ tests: { numerical: ['ks', 'psi', 'wasserstein', 'cvm'] } }, 'cfg.yaml');
    const rows = (n: number, shift: number) => range(n, (i) => [((i * 7919) % 5003) / 7 + shift]);
    const fromTables = analyse(await csv('ref.csv', ['x'], rows(5000, 0))(), await csv('prod.csv', ['x'], rows(3000, 20))(), config, k);
    const exact = analyseProfiles(
      profileOf(await csv('ref.csv', ['x'], rows(5000, 0))()),
      profileOf(await csv('prod.csv', ['x'], rows(3000, 20))()),
      config,
    );
    expect(exact.stats).toEqual(fromTables.stats);
    const sketched = analyseProfiles(
      profileOf(await csv('ref.csv', ['x'], rows(5000, 0))(), 16),
      profileOf(await csv('prod.csv', ['x'], rows(3000, 20))()),
      config,
    );
    const w = (a: typeof exact) => (a.stats[0] as unknown as { wasserstein: { distance: number } }).wasserstein.distance;
    expect(Math.abs(w(sketched) - w(fromTables)) / w(fromTables)).toBeLessThan(0.1);
    expect(sketched.warnings.join('\n')).toMatch(
      /wasserstein, cvm ran on the sketch's retained items repeated by their weights, so they are approximate too/,
    );
  });
});
