import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/types.ts';
import { runCli, tempDir } from './runCli.ts';
import { schema, validate } from '../helpers/reportSchema.ts';

const dir = tempDir('dm-cli-');
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
function csv(rows: number, f: (i: number) => string, header: string): string {
  return [header, ...Array.from({ length: rows }, (_, i) => f(i))].join('\n') + '\n';
}
// A small pair (x: 200 distinct integers, each twice, so not an ID): x shifts by +30 in production, c changes mix; y is the label.
const refPath = file(
  'ref.csv',
  csv(400, (i) => `${(i * 7919) % 200},${['a', 'b', 'c'][i % 3]},${i % 2}`, 'x,c,y'),
);
const prodPath = file(
  'prod.csv',
  csv(400, (i) => `${((i * 7919) % 200) + 30},${['a', 'a', 'c'][i % 3]},${i % 2}`, 'x,c,y'),
);
const sameProdPath = file('same.csv', readFileSync(refPath, 'utf8'));

/** The one-line error contract: exactly one line on stderr, starting with "error:", no stack trace. */
function expectOneLineError(r: { code: number; stderr: string }, ...mentions: string[]) {
  expect(r.code).not.toBe(0);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  for (const m of mentions) expect(lines[0]).toContain(m);
}

describe('drift-monitor CLI', () => {
  it('drift-monitor --help lists every flag', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    for (const flag of [
      '--reference',
      '--production',
      '--label',
      '--config',
      '--drop',
      '--out',
      '--scores',
      '--fail-on-drift',
      '--version',
      'samples',
    ]) {
      expect(r.stdout).toContain(flag);
    }
  });

  it('drift-monitor --version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    expect(runCli(['--version']).stdout.trim()).toBe(pkg.version);
  });

  it('drift-monitor writes the report and scores, prints the table, exits 0 on drift', () => {
    const out = join(dir, 'r1.json');
    const scores = join(dir, 'r1.csv');
    const r = runCli(['--reference', refPath, '--production', prodPath, '--label', 'y', '--out', out, '--scores', scores]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(report.summary.overall_drift).toBe(true);
    expect(report.features.map((f) => f.name)).toEqual(['x', 'c']);
    expect(report.summary.drifted_features).toEqual(['x', 'c']);
    expect(r.stdout).toContain('DRIFT DETECTED');
    expect(r.stdout).toContain(`wrote ${out}`);
    const lines = readFileSync(scores, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1].startsWith('x,numerical,')).toBe(true);
  });

  it('drift-monitor --fail-on-drift exits 3 on drift and 0 without', () => {
    const out = join(dir, 'r2.json');
    expect(runCli(['-r', refPath, '-p', prodPath, '-l', 'y', '-o', out, '--fail-on-drift']).code).toBe(3);
    const same = runCli(['-r', refPath, '-p', sameProdPath, '-l', 'y', '-o', out, '--fail-on-drift']);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toContain('No drift detected');
  });

  it('drift-monitor reads paths and thresholds from a config, relative to the config file, and flags override it', () => {
    const cfg = file(
      'cfg.yaml',
      `data:\n  reference_path: ref.csv\n  production_path: prod.csv\n  label_column: y\nthresholds:\n  ks_statistic: 0.99\n  psi: 50\n  chi2_p_value: 1.0e-300\noutput:\n  report_path: out/cfg_report.json\n`,
    );
    const r = runCli(['--config', cfg], '/');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'out/cfg_report.json'), 'utf8')) as Report;
    expect(report.summary.overall_drift).toBe(false);
    expect(report.settings.thresholds.ks_statistic).toBe(0.99);
    const r2 = runCli(['--config', cfg, '--drop', 'c', '--out', join(dir, 'r3.json')], '/');
    expect(r2.code, r2.stderr).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, 'r3.json'), 'utf8')) as Report).features.map((f) => f.name)).toEqual(['x']);
  });

  it('drift-monitor samples --out DIR writes a demo pair that drifts', () => {
    const d = join(dir, 'samples');
    const r = runCli(['samples', '--out', d]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(d, 'reference.csv')) && existsSync(join(d, 'production.csv'))).toBe(true);
    const out = join(dir, 'samples.json');
    const run = runCli(['-r', join(d, 'reference.csv'), '-p', join(d, 'production.csv'), '-l', 'churned', '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(report.summary.overall_drift).toBe(true);
    expect(report.skipped.map((s) => s.name)).toEqual(expect.arrayContaining(['customer_id', 'signup_date']));
  });
});

describe('drift-monitor on hostile input', () => {
  it('prints no terminal escape sequence from a column name, category or value', () => {
    const esc = '\u001b[2J\u001b[31m';
    const a = file(
      'esc_ref.csv',
      csv(100, (i) => `${i % 50},${i % 3 ? 'a' : `${esc}b`},${i % 2}`, `"${esc}x",c,y`),
    );
    const b = file(
      'esc_prod.csv',
      csv(100, (i) => `${(i % 50) + 5},${i % 3 ? 'a' : `${esc}b`},${i % 2}`, `"${esc}x",c,y`),
    );
    const r = runCli(['-r', a, '-p', b, '-l', 'y', '-o', join(dir, 'esc.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('?[2J?[31mx');
    const bad = runCli(['-r', a, '-p', b, '-l', `${esc}nope`, '-o', join(dir, 'esc.json')]);
    expectOneLineError(bad);
    expect(bad.stderr).not.toContain('\u001b');
  });
});

describe('drift-monitor on bad input', () => {
  const ok = ['--production', prodPath, '--out', join(dir, 'bad.json')];
  it('an empty file', () => {
    expectOneLineError(runCli(['--reference', file('empty.csv', ''), ...ok]), 'empty.csv');
  });
  it('a header-only file', () => {
    expectOneLineError(runCli(['--reference', file('header.csv', 'x,c,y\n'), ...ok]), 'header.csv');
  });
  it('ragged rows (too many fields)', () => {
    expectOneLineError(runCli(['--reference', file('ragged.csv', 'x,c,y\n1,a,0\n2,b,1,9\n'), ...ok]), 'ragged.csv');
  });
  it('mismatched columns name the column and the file', () => {
    const other = file(
      'other.csv',
      csv(50, (i) => `${i},a,${i % 2}`, 'x,z,y'),
    );
    expectOneLineError(runCli(['--reference', refPath, '--production', other, '--out', join(dir, 'bad.json')]), 'c');
  });
  it('a missing file', () => {
    expectOneLineError(runCli(['--reference', join(dir, 'nope.csv'), ...ok]), 'nope.csv');
  });
  it('invalid YAML', () => {
    expectOneLineError(runCli(['--config', file('bad.yaml', 'thresholds: [1, 2\n'), '-r', refPath, ...ok]), 'bad.yaml');
  });
  it('an unknown config key suggests the closest one', () => {
    expectOneLineError(
      runCli(['--config', file('typo.yaml', 'thresholds:\n  ks_statistc: 0.2\n'), '-r', refPath, ...ok]),
      'ks_statistc',
      'ks_statistic',
    );
  });
  it('a threshold out of range', () => {
    expectOneLineError(
      runCli(['--config', file('range.yaml', 'thresholds:\n  chi2_p_value: 1.5\n'), '-r', refPath, ...ok]),
      'chi2_p_value',
    );
  });
  it('a label column that does not exist', () => {
    expectOneLineError(runCli(['-r', refPath, '-l', 'target', ...ok]), 'target');
  });
  it('an unknown flag', () => {
    expectOneLineError(runCli(['--referenc', refPath]), '--referenc');
  });
  it('an all-missing column is skipped with a warning and the run goes on', () => {
    const a = file(
      'allmiss_ref.csv',
      csv(100, (i) => `${i},,${i % 2}`, 'x,empty,y'),
    );
    const b = file(
      'allmiss_prod.csv',
      csv(100, (i) => `${i + 1},NA,${i % 2}`, 'x,empty,y'),
    );
    const out = join(dir, 'allmiss.json');
    const r = runCli(['-r', a, '-p', b, '-l', 'y', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(report.skipped.map((s) => s.name)).toContain('empty');
    expect(report.warnings.join('\n')).toContain('empty');
  });
  it('a column all missing in production only is a drifted feature (missing share), counted by the verdict', () => {
    // x: the same 200 values in both files; gone: 200 distinct values in the reference, NA in production.
    const a = file(
      'gone_ref.csv',
      csv(400, (i) => `${(i * 7919) % 200},${(i * 0.37).toFixed(2)},${i % 2}`, 'x,gone,y'),
    );
    const b = file(
      'gone_prod.csv',
      csv(400, (i) => `${(i * 7919) % 200},NA,${i % 2}`, 'x,gone,y'),
    );
    const out = join(dir, 'gone.json');
    const r = runCli(['-r', a, '-p', b, '-l', 'y', '-o', out, '--fail-on-drift']);
    expect(r.code, r.stderr).toBe(3);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(validate(schema, report)).toEqual([]);
    expect(report.skipped).toEqual([]);
    const gone = report.features.find((f) => f.name === 'gone')!;
    expect(gone).toMatchObject({
      type: 'numerical',
      n: { reference: 400, production: 0 },
      missing: { reference: 0, production: 1, production_count: 400, drifted: true },
      ks: null,
      psi: null,
      drifted: true,
      flagged_by: ['missing_share'],
    });
    expect(gone.type_reason).toMatch(/; all values missing in .*gone_prod\.csv$/);
    expect(gone.error).toMatch(/^no non-missing values in the production file; no test can run/);
    expect(report.settings.thresholds.missing_share_change).toBeNull();
    expect(report.summary).toMatchObject({ features: 2, drifted: 1, drifted_features: ['gone'], overall_drift: true });
    expect(report.warnings.join('\n')).toMatch(/column "gone": all values missing in .*gone_prod\.csv/);
    const row = r.stdout.split('\n').find((l) => l.startsWith('gone '))!;
    expect(row).toMatch(/0\.0%→100\.0%\s+DRIFT \(missing_share\); error: no non-missing values in the production file/);
  });
  it('a non-numeric value in a numerical column becomes missing with a warning naming it', () => {
    const b = file(
      'nonnum_prod.csv',
      csv(400, (i) => `${i === 17 ? 'oops' : ((i * 7919) % 200) + 30},${['a', 'a', 'c'][i % 3]},${i % 2}`, 'x,c,y'),
    );
    const out = join(dir, 'nonnum.json');
    const r = runCli(['-r', refPath, '-p', b, '-l', 'y', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    const x = report.features.find((f) => f.name === 'x')!;
    expect(x.type).toBe('numerical');
    expect(x.missing.production_count).toBe(1);
    expect(report.warnings.join('\n')).toContain('oops');
  });
});
