/**
 * `drift-monitor profile` (make, --merge, --show) and `--reference x.profile`, through the built CLI.
 * A run from an exact profile must give the report of the run from its CSV: the only field that may
 * differ is data.reference.file (the profile records its CSV's name without folders, so the report
 * names it so), generated_at, and data_quality.duplicates (duplicate rows need rows: "not available
 * from a profile"; tests/core/quality checks both sides).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/types.ts';
import { decodeProfile } from '../../src/core/profile/profileFile.ts';
import type { Profile } from '../../src/core/profile/columnProfile.ts';
import { ROOT, runCli, tempDir } from './runCli.ts';
import { realPair } from '../helpers/realPairs.ts';
import { schema, validate } from '../helpers/reportSchema.ts';

const CSV = join(ROOT, 'tests/fixtures/csv');

function report(path: string): Report {
  return JSON.parse(readFileSync(path, 'utf8')) as Report;
}

/** The one-line error contract (as tests/cli/cli.test.ts): exit 2, one "error:" line, no stack. */
function expectOneLineError(r: { code: number; stdout: string; stderr: string }, ...mentions: (string | RegExp)[]) {
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  for (const m of mentions) expect(lines[0]).toMatch(m);
}

function ok(r: { code: number; stdout: string; stderr: string }) {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r;
}

/** The run from the CSV reference and the run from its profile, both with reference named as in the profile. */
function bothRuns(dir: string, reference: string, production: string, flags: string[] = []): { csv: Report; profile: Report } {
  const profile = join(dir, 'ref.profile');
  ok(runCli(['profile', reference, '-o', profile, ...flags]));
  // cwd = the reference's folder, so the CSV run names the reference as the profile does (no folders).
  const cwd = join(reference, '..');
  const name = reference.slice(cwd.length + 1);
  ok(runCli(['-r', name, '-p', production, '-o', join(dir, 'csv.json'), '-q', ...flags], cwd));
  ok(runCli(['-r', profile, '-p', production, '-o', join(dir, 'profile.json'), '-q', ...flags], cwd));
  return { csv: report(join(dir, 'csv.json')), profile: report(join(dir, 'profile.json')) };
}

function withoutTime(r: Report): Omit<Report, 'generated_at'> {
  const { generated_at: _, ...rest } = r;
  if (!rest.data_quality) return rest;
  const { duplicates: __, ...quality } = rest.data_quality;
  return { ...rest, data_quality: quality as Report['data_quality'] };
}

describe('--reference x.profile gives the report of the CSV reference (exact profiles)', () => {
  for (const name of ['adult', 'bank', 'electricity', 'bike', 'generated']) {
    it(`real pair ${name}`, () => {
      const pair = realPair(name);
      const flags = [...(pair.label ? ['--label', pair.label] : []), ...(pair.drop.length ? ['--drop', pair.drop.join(',')] : [])];
      const { csv, profile } = bothRuns(tempDir('dm-prof-'), pair.reference, pair.production, flags);
      expect(validate(schema, profile)).toEqual([]);
      expect(withoutTime(profile)).toEqual(withoutTime(csv));
    });
  }

  const pairs: [string, string, string[]][] = [
    ['european_reference.csv', 'european_production.csv', []],
    ['european_reference.csv', 'standard_production.csv', []],
    ['plain_reference.csv', 'grouped_production.csv', []],
    ['cities_utf8.csv', 'cities_1252.csv', []],
    ['cities_utf8.csv', 'cities_decimal_comma.csv', []],
  ];
  for (const [ref, prod, flags] of pairs) {
    it(`fixture pair ${ref} / ${prod}`, () => {
      const { csv, profile } = bothRuns(tempDir('dm-prof-'), join(CSV, ref), join(CSV, prod), flags);
      expect(withoutTime(profile)).toEqual(withoutTime(csv));
    });
  }

  it('names the reference by its CSV file name when the CSV was given with folders; a production profile works too', () => {
    const dir = tempDir('dm-prof-');
    const pair = realPair('generated');
    const flags = ['--label', 'label'];
    ok(runCli(['profile', pair.reference, '-o', join(dir, 'ref.profile'), ...flags]));
    ok(runCli(['profile', pair.production, '-o', join(dir, 'prod.profile'), ...flags]));
    ok(runCli(['-r', pair.reference, '-p', pair.production, '-o', join(dir, 'csv.json'), ...flags]));
    const r = ok(runCli(['-r', join(dir, 'ref.profile'), '-p', pair.production, '-o', join(dir, 'p.json'), ...flags]));
    expect(r.stdout).toContain('reference: reference.csv');
    const csv = report(join(dir, 'csv.json'));
    const fromProfile = report(join(dir, 'p.json'));
    expect(fromProfile.data.reference.file).toBe('reference.csv');
    // Reasons and warnings name the reference as the profile does: by its CSV's name, without folders.
    const named = JSON.parse(JSON.stringify(withoutTime(csv)).replaceAll(pair.reference, 'reference.csv')) as Report;
    expect(withoutTime(fromProfile)).toEqual(named);
    // Both sides profiles: production named by its CSV's name too.
    ok(runCli(['-r', join(dir, 'ref.profile'), '-p', join(dir, 'prod.profile'), '-o', join(dir, 'pp.json'), ...flags]));
    const both = report(join(dir, 'pp.json'));
    expect(both.data.production.file).toBe('production.csv');
    const bothNamed = JSON.stringify(withoutTime(csv))
      .replaceAll(pair.reference, 'reference.csv')
      .replaceAll(pair.production, 'production.csv');
    expect(withoutTime(both)).toEqual(JSON.parse(bothNamed));
    // The scores CSV is written as usual.
    expect(readFileSync(join(dir, 'p_scores.csv'), 'utf8')).toBe(readFileSync(join(dir, 'csv_scores.csv'), 'utf8'));
  });

  it('tells a profile by its first bytes, not its name', () => {
    const dir = tempDir('dm-prof-');
    const pair = realPair('bike');
    ok(runCli(['profile', pair.reference, '-o', join(dir, 'reference.dat'), '--drop', 'yr']));
    ok(runCli(['-r', join(dir, 'reference.dat'), '-p', pair.production, '-o', join(dir, 'r.json'), '--drop', 'yr', '-q']));
    expect(report(join(dir, 'r.json')).data.reference.file).toBe('reference.csv');
  });
});

describe('drift-monitor profile', () => {
  const pair = realPair('adult');

  it('prints one line: rows, columns, exact/sketched, bytes, time; the file decodes to what it says', () => {
    const dir = tempDir('dm-prof-');
    const out = join(dir, 'adult.profile');
    const r = ok(runCli(['profile', pair.reference, '-o', out, '--label', 'income']));
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const bytes = statSync(out).size;
    expect(lines[0]).toMatch(
      new RegExp(`^wrote .*adult\\.profile: \\d+ rows, \\d+ columns \\(\\d+ exact, 0 sketched\\), ${bytes} bytes in \\d+\\.\\d\\d s$`),
    );
    const p = decodeProfile(readFileSync(out), 'adult.profile');
    const csvBytes = readFileSync(pair.reference);
    expect(p.source).toMatchObject({ file: 'reference.csv', size: csvBytes.length, label: 'income', dropped: [] });
    expect(p.source!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(lines[0]).toContain(`${p.rows} rows, ${p.columns.length} columns`);
    expect(readdirSync(dir)).toEqual(['adult.profile']); // no temporary file left
  });

  it('sketches past profile.max_exact_values (config) and says so', () => {
    const dir = tempDir('dm-prof-');
    const config = join(dir, 'c.yaml');
    writeFileSync(config, 'profile:\n  max_exact_values: 50\n');
    const r = ok(runCli(['profile', pair.reference, '-o', join(dir, 's.profile'), '--config', config]));
    expect(r.stdout).toMatch(/\((\d+) exact, ([1-9]\d*) sketched\)/);
    const show = ok(runCli(['profile', '--show', join(dir, 's.profile')]));
    expect(show.stdout).toMatch(/numbers: \d+ in a KLL sketch \(k 200, \d+ items kept, rank error 1\.65% at 99% confidence\)/);
    expect(show.stdout).toContain('max_exact_values 50');
  });

  it('a sketched reference: numerical features say approximate, and D is within the stated bound of the CSV run', () => {
    const dir = tempDir('dm-prof-');
    const config = join(dir, 'c.yaml');
    // fnlwgt has thousands of distinct values: it goes to a sketch on both sides past 500.
    writeFileSync(config, 'profile:\n  max_exact_values: 500\n');
    ok(runCli(['profile', pair.reference, '-o', join(dir, 's.profile'), '-l', 'income', '-c', config]));
    ok(runCli(['-r', join(dir, 's.profile'), '-p', pair.production, '-l', 'income', '-c', config, '-o', join(dir, 's.json'), '-q']));
    ok(runCli(['-r', pair.reference, '-p', pair.production, '-l', 'income', '-o', join(dir, 'c.json'), '-q']));
    const sketched = report(join(dir, 's.json'));
    const exact = report(join(dir, 'c.json'));
    expect(validate(schema, sketched)).toEqual([]);
    const approximate = sketched.features.filter((f) => f.type === 'numerical' && f.approximate);
    expect(approximate.map((f) => f.name)).toContain('fnlwgt');
    for (const f of approximate) {
      const bound = f.approximate!.ks_statistic_bound;
      expect(bound).toBeGreaterThan(0);
      expect(bound).toBeLessThanOrEqual(0.034);
      const d = exact.features.find((e) => e.name === f.name)!.ks!.statistic;
      expect(Math.abs(f.ks!.statistic - d)).toBeLessThanOrEqual(bound);
    }
    // Exact columns of the same run stay exact.
    expect(sketched.features.filter((f) => f.type === 'numerical' && !f.approximate).length).toBeGreaterThan(0);
  });

  it('--merge of the two halves of a file equals the profile of the whole (exact)', () => {
    const dir = tempDir('dm-prof-');
    const lines = readFileSync(pair.reference, 'utf8').trimEnd().split('\n');
    const half = Math.floor(lines.length / 2);
    writeFileSync(join(dir, 'a.csv'), [lines[0], ...lines.slice(1, half)].join('\n') + '\n');
    writeFileSync(join(dir, 'b.csv'), [lines[0], ...lines.slice(half)].join('\n') + '\n');
    writeFileSync(join(dir, 'whole.csv'), lines.join('\n') + '\n');
    for (const f of ['a', 'b', 'whole']) ok(runCli(['profile', join(dir, `${f}.csv`), '-o', join(dir, `${f}.profile`)]));
    const r = ok(runCli(['profile', '--merge', join(dir, 'a.profile'), join(dir, 'b.profile'), '-o', join(dir, 'all.profile')]));
    expect(r.stdout).toMatch(/^wrote .*all\.profile: \d+ rows, 15 columns \(15 exact, 0 sketched\), \d+ bytes in \d+\.\d\d s\n$/);
    const read = (f: string) => decodeProfile(readFileSync(join(dir, f)), f);
    const merged = read('all.profile');
    const whole = read('whole.profile');
    const body = (p: Profile) => ({ rows: p.rows, config: p.config, columns: p.columns, warnings: p.warnings });
    expect(body(merged)).toEqual(body(whole));
    expect(merged.mergedFrom!.map((s) => s.file)).toEqual(['a.csv', 'b.csv']);
    const shown = ok(runCli(['profile', '--show', join(dir, 'all.profile')])).stdout;
    expect(shown).toContain('merged from 2 sources:\n  "a.csv", ');
    // A run from the merged profile is the run from the whole file.
    ok(runCli(['-r', join(dir, 'whole.profile'), '-p', pair.production, '-o', join(dir, 'w.json'), '-q']));
    ok(runCli(['-r', join(dir, 'all.profile'), '-p', pair.production, '-o', join(dir, 'm.json'), '-q']));
    const w = report(join(dir, 'w.json'));
    const m = report(join(dir, 'm.json'));
    // The merged profile names its sources "a.csv + b.csv" where the whole file's says "whole.csv".
    expect(JSON.parse(JSON.stringify(withoutTime(m)).replaceAll('a.csv + b.csv', 'whole.csv'))).toEqual(withoutTime(w));
  });

  it('--show prints source, size, hash, rows, time, settings and each column', () => {
    const dir = tempDir('dm-prof-');
    const out = join(dir, 'adult.profile');
    ok(runCli(['profile', pair.reference, '-o', out, '--label', 'income']));
    const p = decodeProfile(readFileSync(out), 'adult.profile');
    const r = ok(runCli(['profile', '--show', out]));
    expect(r.stdout).toContain(`profile "${out}" (format 2, `);
    expect(r.stdout).toContain(`created ${p.createdAt}`);
    expect(r.stdout).toContain(`source: "reference.csv", `);
    expect(r.stdout).toContain(`sha256 ${p.source!.sha256}, ${p.rows} rows, ${p.columns.length} columns`);
    expect(r.stdout).toContain('label "income"');
    expect(r.stdout).toContain('settings: max_exact_values 1000000, sketch k 200');
    for (const c of p.columns) expect(r.stdout).toContain(`  "${c.name}": `);
    expect(r.stdout).toMatch(/"sex": categorical, \d+ rows, 0 missing \(0\.00%\)\n.*\n.*\n {4}top: "Male" \d+ \(\d+\.\d\d%\), "Female"/);
    expect(r.stdout).toMatch(/"age": numerical, \d+ rows/);
  });

  it('--show prints hostile names and values without terminal escapes or fake lines', () => {
    const dir = tempDir('dm-prof-');
    const evil = '\u001b[31mred\u001b[0m';
    writeFileSync(join(dir, 'h.csv'), `"${evil}","a\nb",z\n1,"\u001b]0;title\u0007",x\n2,"\u202eevil",y\n`);
    ok(runCli(['profile', join(dir, 'h.csv'), '-o', join(dir, 'h.profile')]));
    const r = ok(runCli(['profile', '--show', join(dir, 'h.profile')]));
    expect(r.stdout.includes('\u001b') || r.stdout.includes('\u0007') || r.stdout.includes('\u202e')).toBe(false);
    expect(r.stdout).toContain('"\\u001b[31mred\\u001b[0m": ');
    expect(r.stdout).toContain('"a\\nb": ');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('b'))).toEqual([]);
  });

  it('warns when the run reads production with other settings than the profile was made with', () => {
    const dir = tempDir('dm-prof-');
    const generated = realPair('generated');
    ok(runCli(['profile', generated.reference, '-o', join(dir, 'ref.profile'), '--label', 'label']));
    const config = join(dir, 'c.yaml');
    writeFileSync(config, 'data:\n  missing_values: ["", "NA"]\n  decimal: "."\n');
    const r = ok(runCli(['-r', join(dir, 'ref.profile'), '-p', generated.production, '-o', join(dir, 'r.json'), '--config', config]));
    const warnings = report(join(dir, 'r.json')).warnings;
    expect(warnings).toContain(
      `${join(dir, 'ref.profile')} was made with data.missing_values ["", "NA", "NaN", "null", "?"], this run uses ["", "NA"]: the two sides are not read alike; make the profile again with this run's settings or set data.missing_values to match`,
    );
    expect(warnings.some((w) => w.includes('was made with data.decimal "auto", this run uses "."'))).toBe(true);
    expect(warnings.some((w) => w.includes('was made with data.label_column "label", this run uses none'))).toBe(true);
    expect(r.stdout).toContain('was made with data.missing_values');
  });
});

describe('--stream: both CSVs streamed into profiles', () => {
  for (const name of ['adult', 'bike']) {
    it(`gives the report of the run from the tables (real pair ${name})`, () => {
      const pair = realPair(name);
      const dir = tempDir('dm-stream-');
      const flags = [...(pair.label ? ['--label', pair.label] : []), ...(pair.drop.length ? ['--drop', pair.drop.join(',')] : [])];
      ok(runCli(['-r', pair.reference, '-p', pair.production, '-o', join(dir, 'tables.json'), '-q', ...flags]));
      ok(runCli(['-r', pair.reference, '-p', pair.production, '-o', join(dir, 'stream.json'), '-q', '--stream', ...flags]));
      expect(withoutTime(report(join(dir, 'stream.json')))).toEqual(withoutTime(report(join(dir, 'tables.json'))));
    });
  }

  it('is refused with a model or retraining (it keeps no rows), before anything is written', () => {
    const pair = realPair('adult');
    const dir = tempDir('dm-stream-');
    const out = join(dir, 'r.json');
    const model = join(ROOT, 'tests/fixtures/onnx/logistic_plain.onnx');
    const r = runCli(['-r', pair.reference, '-p', pair.production, '-o', out, '--stream', '--model', model]);
    expectOneLineError(r, /--stream keeps no rows/, /model/);
    const config = join(dir, 'c.yaml');
    writeFileSync(config, 'retraining:\n  enabled: true\n');
    expectOneLineError(runCli(['-r', pair.reference, '-p', pair.production, '-o', out, '--stream', '-c', config]), /retraining/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('profiles and the model', () => {
  it('--model with a profile reference: production scored and measured, no baseline, the note says why', () => {
    const dir = tempDir('dm-prof-');
    const DEMO = join(ROOT, 'public/demo');
    ok(runCli(['profile', join(DEMO, 'reference.csv'), '-o', join(dir, 'ref.profile'), '-l', 'churned']));
    const args = ['-p', join(DEMO, 'production.csv'), '-l', 'churned', '--model', join(DEMO, 'model.onnx')];
    const r = ok(runCli(['-r', join(dir, 'ref.profile'), ...args, '-o', join(dir, 'p.json')]));
    ok(runCli(['-r', join(DEMO, 'reference.csv'), ...args, '-o', join(dir, 'c.json')]));
    const fromProfile = report(join(dir, 'p.json'));
    const fromCsv = report(join(dir, 'c.json'));
    expect(validate(schema, fromProfile)).toEqual([]);
    const p = fromProfile.performance!;
    expect(p.baseline).toBeNull();
    expect(p.note).toMatch(
      /is a profile, which keeps no rows: no baseline metrics, no F1-drop alert, no label-free estimate and no prediction drift/,
    );
    expect(p.production).toEqual(fromCsv.performance!.production);
    expect(p.f1_drop).toBeNull();
    expect(p.prediction_drift).toEqual([]);
    expect(fromProfile.features).toEqual(
      JSON.parse(JSON.stringify(fromCsv.features).replaceAll(join(DEMO, 'reference.csv'), 'reference.csv')),
    );
    expect(r.stdout).toContain('prediction drift: not tested (no reference rows)');
  });

  it('refuses retraining with a profile reference before any work', () => {
    const dir = tempDir('dm-prof-');
    const generated = realPair('generated');
    ok(runCli(['profile', generated.reference, '-o', join(dir, 'ref.profile'), '-l', 'label']));
    const config = join(dir, 'c.yaml');
    writeFileSync(config, `retraining:\n  enabled: true\n  save_path: ${JSON.stringify(join(dir, 'model.onnx'))}\n`);
    const r = runCli(['-r', join(dir, 'ref.profile'), '-p', generated.production, '-l', 'label', '-c', config, '-o', join(dir, 'r.json')]);
    expectOneLineError(r, 'retraining needs the reference rows; pass the reference CSV instead of the profile');
    expect(readdirSync(dir).sort()).toEqual(['c.yaml', 'ref.profile']);
  });

  it('refuses a production profile with a model (the model scores rows)', () => {
    const dir = tempDir('dm-prof-');
    const DEMO = join(ROOT, 'public/demo');
    ok(runCli(['profile', join(DEMO, 'production.csv'), '-o', join(dir, 'prod.profile')]));
    const r = runCli([
      '-r',
      join(DEMO, 'reference.csv'),
      '-p',
      join(dir, 'prod.profile'),
      '--model',
      join(DEMO, 'model.onnx'),
      '-o',
      join(dir, 'r.json'),
    ]);
    expectOneLineError(r, 'the model scores the production rows; pass the production CSV instead of the profile');
  });
});

describe('bad inputs: one line, exit 2, nothing written', () => {
  const generated = realPair('generated');
  const setup = () => {
    const dir = tempDir('dm-prof-');
    ok(runCli(['profile', generated.reference, '-o', join(dir, 'ref.profile')]));
    return dir;
  };

  it('a truncated profile as --reference', () => {
    const dir = setup();
    const bytes = readFileSync(join(dir, 'ref.profile'));
    writeFileSync(join(dir, 'cut.profile'), bytes.subarray(0, bytes.length - 100));
    const r = runCli(['-r', join(dir, 'cut.profile'), '-p', generated.production, '-o', join(dir, 'r.json')]);
    expectOneLineError(r, /cut\.profile: its metadata declares \d+ numbers .* \(truncated\?\); re-create it with drift-monitor profile/);
    expect(existsSync(join(dir, 'r.json'))).toBe(false);
  });

  it('a version 1 profile', () => {
    const dir = setup();
    const bytes = Buffer.from(readFileSync(join(dir, 'ref.profile')));
    bytes.writeUInt32LE(1, 8);
    writeFileSync(join(dir, 'old.profile'), bytes);
    expectOneLineError(
      runCli(['profile', '--show', join(dir, 'old.profile')]),
      /made by an older version of drift-monitor.*re-create it with drift-monitor profile/,
    );
  });

  it('a CSV passed to --merge', () => {
    const dir = setup();
    const r = runCli(['profile', '--merge', join(dir, 'ref.profile'), generated.production, '-o', join(dir, 'all.profile')]);
    expectOneLineError(r, 'production.csv: is not a drift-monitor profile');
    expect(existsSync(join(dir, 'all.profile'))).toBe(false);
  });

  it('profiles of different columns to --merge', () => {
    const dir = setup();
    ok(runCli(['profile', join(CSV, 'cities_utf8.csv'), '-o', join(dir, 'c.profile')]));
    const r = runCli(['profile', '--merge', join(dir, 'ref.profile'), join(dir, 'c.profile'), '-o', join(dir, 'all.profile')]);
    expectOneLineError(r, 'cannot merge profiles');
    expect(existsSync(join(dir, 'all.profile'))).toBe(false);
  });

  it('-o equal to the input', () => {
    const dir = setup();
    const before = readFileSync(join(dir, 'ref.profile'));
    const merge = runCli(['profile', '--merge', join(dir, 'ref.profile'), join(dir, 'ref.profile'), '-o', join(dir, 'ref.profile')]);
    expectOneLineError(merge, /-o .*ref\.profile is the same file as profile 1 of --merge/);
    expect(readFileSync(join(dir, 'ref.profile'))).toEqual(before);
    writeFileSync(join(dir, 'data.csv'), 'a,b\n1,2\n');
    expectOneLineError(
      runCli(['profile', join(dir, 'data.csv'), '-o', join(dir, 'data.csv')]),
      /-o .*data\.csv is the same file as the CSV/,
    );
    expect(readFileSync(join(dir, 'data.csv'), 'utf8')).toBe('a,b\n1,2\n');
  });

  it('a file that is not a CSV: one line, nothing written', () => {
    const dir = setup();
    expectOneLineError(runCli(['profile', join(CSV, 'not_csv.png'), '-o', join(dir, 'x.profile')]), 'not_csv.png');
    expect(readdirSync(dir)).toEqual(['ref.profile']);
  });

  it('profile --help lists its options', () => {
    const r = ok(runCli(['profile', '--help']));
    for (const flag of ['--out', '--label', '--drop', '--config', '--merge', '--show']) expect(r.stdout).toContain(flag);
    expect(ok(runCli(['--help'])).stdout).toContain('profile');
  });

  it('a profile given to profile, a missing -o, wrong file counts', () => {
    const dir = setup();
    expectOneLineError(
      runCli(['profile', join(dir, 'ref.profile'), '-o', join(dir, 'x.profile')]),
      'is already a profile; to combine profiles use',
    );
    expectOneLineError(runCli(['profile', generated.reference]), '-o FILE is required');
    expectOneLineError(
      runCli(['profile', generated.reference, '-o', join(dir, 'x.profile'), '--label', 'Label']),
      'label column "Label" (--label / data.label_column) is not in',
      'did you mean "label"?',
    );
    expectOneLineError(
      runCli(['profile', '--merge', join(dir, 'ref.profile'), '-o', join(dir, 'x.profile')]),
      'takes two or more profile files, got 1',
    );
    expectOneLineError(runCli(['profile', '--show']), 'takes one profile file, got 0');
    expectOneLineError(runCli(['profile', join(CSV, 'nope.csv'), '-o', join(dir, 'x.profile')]), 'nope.csv: file not found');
    expect(readdirSync(dir)).toEqual(['ref.profile']);
  });
});
