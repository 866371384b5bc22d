/**
 * `--html` and `output.html_path`: the CLI writes the self-contained HTML report atomically, for CSV
 * runs and profile runs, names the inputs by file name with their size and SHA-256, and refuses an
 * HTML path that is an input or another output before reading anything.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './runCli.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** A small drifted pair whose first column has a hostile name, in a fresh folder. */
function pair(): { dir: string; ref: string; prod: string } {
  const dir = tempDir('dm-html-');
  const rows = (f: (i: number) => string) => [`"${HOSTILE}",c,y`, ...Array.from({ length: 400 }, (_, i) => f(i))].join('\n') + '\n';
  const ref = join(dir, 'ref.csv');
  const prod = join(dir, 'prod.csv');
  writeFileSync(
    ref,
    rows((i) => `${(i * 7919) % 200},${['a', 'b', 'c'][i % 3]},${i % 2}`),
  );
  writeFileSync(
    prod,
    rows((i) => `${((i * 7919) % 200) + 30},${['a', 'a', 'c'][i % 3]},${i % 2}`),
  );
  return { dir, ref, prod };
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('drift-monitor --html', () => {
  it('writes the HTML report with every section, the inputs by name, size and SHA-256, and no temporary file left', () => {
    const { dir, ref, prod } = pair();
    const r = runCli(['-r', ref, '-p', prod, '-l', 'y', '-o', 'r.json', '--html', 'report.html'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`wrote ${join(dir, 'report.html')}`);
    const page = readFileSync(join(dir, 'report.html'), 'utf8');
    for (const id of [
      'verdict',
      'kpis',
      'drift-scores',
      'tests',
      'distributions',
      'missing',
      'warnings',
      'performance',
      'inputs',
      'config',
    ])
      expect(page).toContain(`<section id="${id}">`);
    for (const f of [ref, prod]) {
      expect(page).toContain(sha256(f));
      expect(page).toContain(`(${statSync(f).size} B)`);
    }
    // File names only: the folders of the machine stay out of the page.
    expect(page).not.toContain(dir);
    expect(page).not.toContain(HOSTILE);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(readdirSync(dir).sort()).toEqual(['prod.csv', 'r.json', 'r_scores.csv', 'ref.csv', 'report.html']);
  });

  it('writes output.html_path from the config (relative to the config file), and --html overrides it', () => {
    const { dir, ref, prod } = pair();
    writeFileSync(join(dir, 'cfg.yaml'), 'output:\n  html_path: from_config.html\n');
    expect(runCli(['-r', ref, '-p', prod, '-c', join(dir, 'cfg.yaml'), '-o', join(dir, 'r.json'), '-q'], tempDir()).code).toBe(0);
    expect(readFileSync(join(dir, 'from_config.html'), 'utf8')).toContain(sha256(join(dir, 'cfg.yaml')));
    expect(runCli(['-r', ref, '-p', prod, '-c', join(dir, 'cfg.yaml'), '-o', 'r2.json', '--html', 'flag.html', '-q'], dir).code).toBe(0);
    expect(readdirSync(dir)).toContain('flag.html');
  });

  it('writes no HTML without --html or output.html_path', () => {
    const { dir, ref, prod } = pair();
    expect(runCli(['-r', ref, '-p', prod, '-o', 'r.json', '-q'], dir).code).toBe(0);
    expect(readdirSync(dir).filter((n) => n.endsWith('.html'))).toEqual([]);
  });

  it('refuses an HTML path that is an input or the JSON report, before writing anything', () => {
    const { dir, ref, prod } = pair();
    const before = readFileSync(ref);
    const r = runCli(['-r', ref, '-p', prod, '-o', 'r.json', '--html', 'ref.csv'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: --html ref\.csv is the same file as the reference CSV .*choose another output path/);
    expect(readFileSync(ref).equals(before)).toBe(true);
    const r2 = runCli(['-r', ref, '-p', prod, '-o', 'r.json', '--html', 'r.json'], dir);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('--html r.json is the same file as --out');
    expect(readdirSync(dir).sort()).toEqual(['prod.csv', 'ref.csv']);
  });

  it('works on a profile run: distributions drawn from the profiles', () => {
    const { dir, ref, prod } = pair();
    expect(runCli(['profile', ref, '-o', 'ref.profile'], dir).code).toBe(0);
    const r = runCli(['-r', 'ref.profile', '-p', prod, '-o', 'r.json', '--html', 'p.html', '-q'], dir);
    expect(r.code, r.stderr).toBe(0);
    const page = readFileSync(join(dir, 'p.html'), 'utf8');
    expect(page).toContain(sha256(join(dir, 'ref.profile')));
    // The production CSV's hash is the one taken while it streamed into its profile (not read again).
    expect(page).toContain(sha256(prod));
    expect(page).toContain('aria-label="Histogram of &lt;img src=x onerror=alert(1)&gt;"');
    expect(page).toContain('aria-label="Category shares of c"');
  });

  it('--stream: both CSVs listed with the SHA-256 taken while they streamed into profiles', () => {
    const { dir, ref, prod } = pair();
    const r = runCli(['-r', ref, '-p', prod, '-o', 'r.json', '--stream', '--html', 's.html', '-q'], dir);
    expect(r.code, r.stderr).toBe(0);
    const page = readFileSync(join(dir, 's.html'), 'utf8');
    for (const f of [ref, prod]) expect(page).toContain(sha256(f));
  });

  it('with a model: metrics, both confusion matrices and the model listed with its SHA-256', () => {
    const demo = (f: string) => join(ROOT, 'public/demo', f);
    const dir = tempDir('dm-html-');
    const r = runCli(
      [
        '-r',
        demo('reference.csv'),
        '-p',
        demo('production.csv'),
        '-l',
        'churned',
        '--model',
        demo('model.onnx'),
        '-o',
        'r.json',
        '--html',
        'm.html',
        '-q',
      ],
      dir,
    );
    expect(r.code, r.stderr).toBe(0);
    const page = readFileSync(join(dir, 'm.html'), 'utf8');
    expect(page).toContain('Baseline confusion matrix');
    expect(page).toContain('Production confusion matrix');
    expect(page).toContain(sha256(demo('model.onnx')));
    expect(page).toMatch(/<strong>performance<\/strong>: F1 dropped/);
  });
});
