/**
 * What the SQL engine tests share: the CSV path's profile of a file (the oracle), the report of two
 * profiles, and CSV files with hostile column names and number shapes written on the fly.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { expect } from 'vitest';
import { buildReport } from '../../../src/core/buildReport.ts';
import { defaultConfig } from '../../../src/core/config/defaults.ts';
import type { Config } from '../../../src/core/config/types.ts';
import { analyseProfiles } from '../../../src/core/profile/analyseProfiles.ts';
import type { Profile, ProfileConfig } from '../../../src/core/profile/columnProfile.ts';
import { DEFAULT_PROFILE_CONFIG } from '../../../src/core/profile/profileBuilder.ts';
import { readCsvProfile } from '../../../src/node/readCsvProfile.ts';

export const MISSING = ['', 'NA', 'NaN', 'null', '?'];
export const PROFILE_CONFIG: ProfileConfig = DEFAULT_PROFILE_CONFIG;
const CREATED = '2026-01-01T00:00:00.000Z';

/** The CSV reader's profile, as `drift-monitor profile --drop ... --label ...` makes it (profile settings PROFILE_CONFIG unless given). */
export function csvProfile(
  path: string,
  file: string,
  opts: { missing?: string[]; drop?: string[]; label?: string | null; profile?: ProfileConfig } = {},
): Promise<Profile> {
  return readCsvProfile(path, {
    file,
    delimiter: 'auto',
    missingValues: opts.missing ?? MISSING,
    skipColumns: opts.drop ?? [],
    label: opts.label ?? null,
    profile: opts.profile ?? PROFILE_CONFIG,
    createdAt: CREATED,
  });
}

/** The columns of two profiles are the same summaries (numbers, counts, texts, facts, number formats). */
export function expectSameColumns(fromSql: Profile, fromCsv: Profile): void {
  expect(fromSql.rows).toBe(fromCsv.rows);
  expect(fromSql.columns.map((c) => c.name)).toEqual(fromCsv.columns.map((c) => c.name));
  for (let i = 0; i < fromCsv.columns.length; i++) {
    const a = fromSql.columns[i];
    const b = fromCsv.columns[i];
    expect(a, `column ${JSON.stringify(b.name)}`).toEqual(b);
    // toEqual ignores a Map's order: texts come in order of first appearance on both paths.
    expect([...(a.text ?? [])].map(([t]) => t)).toEqual([...(b.text ?? [])].map(([t]) => t));
  }
}

export function configFor(label: string | null, drop: string[]): Config {
  const config = defaultConfig();
  config.data.label_column = label;
  config.columns.drop = drop;
  return config;
}

/** The report of two profiles (fixed time and version), as JSON text (so -0 and 0 differ). */
export function reportOf(reference: Profile, production: Profile, config: Config): string {
  const report = buildReport(analyseProfiles(reference, production, config), config, { generatedAt: CREATED, version: '0.0.0' });
  return JSON.stringify(report);
}

/** Writes rows (header first) as a CSV file in a new temporary folder; returns its path. */
export function writeCsv(rows: string[][], name = 'data.csv'): string {
  const dir = mkdtempSync(join(tmpdir(), 'dm-sql-'));
  const path = join(dir, name);
  writeFileSync(path, Papa.unparse(rows, { quotes: true, newline: '\n' }) + '\n');
  return path;
}

/** Column names no query may paste raw: quotes of every dialect, backslashes, SQL syntax, unicode, a reserved word. */
export const HOSTILE_NAMES = [
  'select',
  'a"b',
  "it's",
  'back\\slash\\',
  'semi;colon -- not a comment',
  'close) /* x */',
  'tick`name',
  'ünïcödé 名前 🚀',
  'two  spaces',
];

/** Cells covering the number shapes parseNumber reads and refuses, markers and text with quotes. */
export const NUMBER_CELLS = [
  '12',
  '-2.5',
  '+3',
  '.5',
  '5.',
  '1e3',
  '1E-7',
  '-0',
  ' 42 ',
  '007',
  '1.5e+2',
  '0x1F',
  'Infinity',
  'inf',
  'nan',
  '1e400',
  '1_000',
  '١٢',
  '１２',
  'e5',
  '.',
  '-',
  '+-1',
  'NA',
  '?',
  '',
  '   ',
  "O'Brien",
  'say "hi"',
  'back\\slash',
  'a;b',
  '名前',
];

/** A table whose every column has a hostile name and the NUMBER_CELLS values in rotation. */
export function hostileRows(rows = 120): string[][] {
  const out: string[][] = [HOSTILE_NAMES];
  for (let r = 0; r < rows; r++) out.push(HOSTILE_NAMES.map((_, c) => NUMBER_CELLS[(r * (c + 1) + c) % NUMBER_CELLS.length]));
  return out;
}

/**
 * Hostile names over columns of many distinct numbers (column c: uniform in [shift, shift + 100 (c + 1)),
 * c % 3 decimals), with the NUMBER_CELLS in every `oddEvery`-th row and "0" (a heavy point mass) in every
 * `zeroEvery`-th of the others. The same `seed` gives the same rows.
 */
export function hostileSpreadRows(o: { rows: number; seed: number; oddEvery: number; zeroEvery?: number; shift: number }): string[][] {
  let state = o.seed;
  const rand = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const out: string[][] = [HOSTILE_NAMES];
  for (let r = 0; r < o.rows; r++)
    out.push(
      HOSTILE_NAMES.map((_, c) =>
        r % o.oddEvery === 0
          ? NUMBER_CELLS[(r * (c + 1) + c) % NUMBER_CELLS.length]
          : o.zeroEvery !== undefined && r % o.zeroEvery === 0
            ? '0'
            : (rand() * 100 * (c + 1) + o.shift).toFixed(c % 3),
      ),
    );
  return out;
}
