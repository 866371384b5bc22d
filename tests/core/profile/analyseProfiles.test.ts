/**
 * Two exact profiles give the report of the two files they were made from: the whole buildReport
 * output, every number, warning and reason, on the oracle fixtures the table path is tested on (the
 * real-data pairs, the hand-written CSVs, and synthetic files that reach every typing rule).
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse, type Analysis } from '../../../src/core/analyse.ts';
import { buildReport } from '../../../src/core/buildReport.ts';
import { defaultConfig } from '../../../src/core/config/defaults.ts';
import type { Config } from '../../../src/core/config/types.ts';
import { analyseProfiles } from '../../../src/core/profile/analyseProfiles.ts';
import type { Profile } from '../../../src/core/profile/columnProfile.ts';
import type { StatKernels } from '../../../src/core/stattests/kernels.ts';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';
import type { ParsedTable } from '../../../src/core/table/types.ts';
import { loadKernels } from '../../../src/kernels/index.ts';
import { readCsvFile } from '../../../src/node/readCsvFile.ts';
import { realPair } from '../../helpers/realPairs.ts';
import pairsIndex from '../../fixtures/real/pairs.json';
import { profileFromTable } from './tmpProfileFromTable.ts';

let k: StatKernels;
beforeAll(async () => {
  k = await loadKernels();
});

const meta = { generatedAt: '2026-01-01T00:00:00.000Z', version: '0.0.0' };
const MISSING = ['', 'NA', 'NaN', 'null', '?'];
const CSV_DIR = fileURLToPath(new URL('../../fixtures/csv/', import.meta.url));

type Read = () => Promise<ParsedTable>;

/** The report (or the InputError message) of a run: tables read fresh each time (analyse settles them in place). */
async function outcome(run: () => Promise<Analysis>, config: Config): Promise<unknown> {
  try {
    return buildReport(await run(), config, meta);
  } catch (e) {
    return { error: (e as Error).message };
  }
}

async function expectSameReport(readRef: Read, readProd: Read, config: Config): Promise<unknown> {
  const fromTables = await outcome(async () => analyse(await readRef(), await readProd(), config, k), config);
  let profiles: [Profile, Profile] | null = null;
  const fromProfiles = await outcome(async () => {
    profiles = [profileFromTable(await readRef()), profileFromTable(await readProd())];
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
