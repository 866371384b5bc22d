/**
 * The CLI with windows: each window's results equal the CLI run on that window's rows alone (written to
 * a CSV), several production files are windows in order, the scores CSV gains a window column, the run
 * history (--history, `drift-monitor history`), and the webhook alert never changing the exit code.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir } from './runCli.ts';
import { schema, validate } from '../helpers/reportSchema.ts';
import type { Report } from '../../src/core/report/types.ts';
import { mulberry32 as rng } from '../../src/core/samples/mulberry32.ts';

const normal = (r: () => number) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
const HEADER = 'when,amount,tenure,plan,churn';
function row(r: () => number, when: string, shift: number): string {
  const plans = ['basic', 'plus', 'pro'];
  return [
    when,
    (normal(r) * 10 + 50 + shift * 8).toFixed(2),
    String(Math.floor(r() * 40)),
    plans[Math.min(2, Math.floor(r() * 3 + shift * r()))],
    r() < 0.2 + shift * 0.3 ? 'yes' : 'no',
  ].join(',');
}

let dir: string;
let prodLines: string[];
beforeAll(() => {
  dir = tempDir('dm-windows-');
  const r = rng(5);
  writeFileSync(
    join(dir, 'reference.csv'),
    [HEADER, ...Array.from({ length: 3000 }, () => row(r, '2024-01-15 10:00', 0))].join('\n') + '\n',
  );
  prodLines = [];
  // Berlin wall-clock times, five days around the spring DST change; drift from 2024-03-31 on. Unsorted.
  for (const [day, n, shift] of [
    ['2024-03-29', 250, 0],
    ['2024-03-30', 250, 0],
    ['2024-03-31', 250, 1],
    ['2024-04-01', 250, 1],
  ] as const)
    for (let i = 0; i < n; i++) prodLines.push(row(r, `${day}T${String(Math.floor(r() * 24)).padStart(2, '0')}:30:00+01:00`, shift));
  prodLines.push(row(r, '', 0), row(r, 'not a date', 0));
  for (let i = prodLines.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [prodLines[i], prodLines[j]] = [prodLines[j], prodLines[i]];
  }
  writeFileSync(join(dir, 'production.csv'), [HEADER, ...prodLines].join('\n') + '\n');
  // Two of the three features must drift: one chance flag in a 250-row day is not drift.
  writeFileSync(join(dir, 'half.yaml'), 'thresholds:\n  drift_feature_fraction: 0.5\n');
});

const base = ['-r', 'reference.csv', '--label', 'churn', '--drop', 'when', '-q', '-c', 'half.yaml'];

function report(path: string): Report {
  return JSON.parse(readFileSync(path, 'utf8')) as Report;
}

describe('drift-monitor with windows', () => {
  it("gives each window the results of the CLI on that window's rows alone", () => {
    const r = runCli([...base, '-p', 'production.csv', '--window-column', 'when', '--window-every', 'day', '-o', 'w.json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rep = report(join(dir, 'w.json'));
    expect(validate(schema, rep)).toEqual([]);
    const w = rep.windowing!;
    expect(w.timestamps).toEqual({ missing: 1, unparsable: 1, unparsable_examples: ['not a date'] });
    // +01:00 times are instants; days are cut in UTC (the default zone).
    expect(rep.windows!.map((x) => x.label)).toEqual(['2024-03-28', '2024-03-29', '2024-03-30', '2024-03-31', '2024-04-01']);
    for (const win of rep.windows!) {
      if (win.rows === 0) continue;
      // The window's rows: those whose instant falls in [start, end).
      const lines = prodLines.filter((l) => {
        const t = Date.parse(l.split(',')[0]);
        return t >= Date.parse(win.start!) && t < Date.parse(win.end!);
      });
      expect(lines.length, win.label).toBe(win.rows);
      const file = `window-${win.index}.csv`;
      writeFileSync(join(dir, file), [HEADER, ...lines].join('\n') + '\n');
      const alone = runCli([...base, '-p', file, '-o', `alone-${win.index}.json`], dir);
      expect(alone.code).toBe(0);
      const a = report(join(dir, `alone-${win.index}.json`));
      expect(win.features.map((f) => f.name)).toEqual(a.features.map((f) => f.name));
      for (const f of a.features) {
        const got = win.features.find((x) => x.name === f.name)!;
        expect([got.drift_score, got.psi, got.p_value, got.drifted], `${win.label} ${f.name}`).toEqual([
          f.drift_score,
          f.psi?.value ?? null,
          f.type === 'numerical' ? f.ks!.p_value : f.chi2!.p_value_adjusted,
          f.drifted,
        ]);
      }
      if (!win.too_small) expect(win.overall_drift, win.label).toBe(a.summary.overall_drift);
      expect(win.label_drift!.drift_score).toBe(a.label_drift?.feature.drift_score ?? win.label_drift!.drift_score);
    }
    expect(w.first_drift).toBe('2024-03-31');
  });

  it('cuts days in windows.timezone (Europe/Berlin: a 23-hour day on 2024-03-31)', () => {
    writeFileSync(join(dir, 'berlin.yaml'), 'windows:\n  column: when\n  every: day\n  timezone: Europe/Berlin\n  min_rows: 50\n');
    const r = runCli([...base.slice(0, -2), '-c', 'berlin.yaml', '-p', 'production.csv', '-o', 'b.json'], dir);
    expect(r.code).toBe(0);
    const rep = report(join(dir, 'b.json'));
    const day = rep.windows!.find((x) => x.label === '2024-03-31')!;
    expect([day.start, day.end]).toEqual(['2024-03-30T23:00:00.000Z', '2024-03-31T22:00:00.000Z']);
    expect(rep.windowing!.timezone).toBe('Europe/Berlin');
  });

  it('takes several production files (or a folder) as windows in order; the scores CSV gets a window column', () => {
    mkdirSync(join(dir, 'batches'), { recursive: true });
    const chunks = [prodLines.slice(0, 400), prodLines.slice(400, 700), prodLines.slice(700)];
    chunks.forEach((c, i) => writeFileSync(join(dir, 'batches', `b${i}.csv`), [HEADER, ...c].join('\n') + '\n'));
    const r = runCli([...base, '-p', 'batches/b0.csv', 'batches/b1.csv', 'batches/b2.csv', '-o', 'f.json'], dir);
    expect(r.stderr).toBe('');
    const rep = report(join(dir, 'f.json'));
    expect(rep.windows!.map((x) => [x.label, x.rows, x.source])).toEqual([
      ['batches/b0.csv', 400, 'file'],
      ['batches/b1.csv', 300, 'file'],
      ['batches/b2.csv', chunks[2].length, 'file'],
    ]);
    expect(rep.data.production.rows).toBe(prodLines.length);
    expect(rep.data.reference.file).toBe('reference.csv');
    expect(rep.data.production.file).toBe('batches/b0.csv + batches/b1.csv + batches/b2.csv');
    const folder = runCli([...base, '-p', 'batches', '-o', 'g.json'], dir);
    expect(folder.code).toBe(0);
    expect(report(join(dir, 'g.json')).windows!.map((x) => x.rows)).toEqual([400, 300, chunks[2].length]);
    const scores = readFileSync(join(dir, 'f_scores.csv'), 'utf8').trim().split('\n');
    expect(scores[0].startsWith('window,feature,type,drift_score')).toBe(true);
    expect(scores.filter((l) => l.startsWith('all,'))).toHaveLength(rep.features.length);
    expect(scores.filter((l) => l.startsWith('batches/b1.csv,amount,numerical,'))).toHaveLength(1);
    expect(scores).toHaveLength(1 + rep.features.length * 4);
  });

  it("never tests the windows' timestamp column: it is skipped with its reason, and still cuts the windows", () => {
    const args = ['-r', 'reference.csv', '--label', 'churn', '-q', '-c', 'half.yaml', '-p', 'production.csv'];
    const r = runCli([...args, '--window-column', 'when', '--window-every', 'day', '-o', 'ts.json'], dir);
    expect(r.stderr).toBe('');
    const rep = report(join(dir, 'ts.json'));
    expect(validate(schema, rep)).toEqual([]);
    expect(rep.skipped).toContainEqual({ name: 'when', reason: "the windows' timestamp column (windows.column)" });
    expect(rep.features.map((f) => f.name)).toEqual(['amount', 'tenure', 'plan']);
    for (const w of rep.windows!) expect(w.features.map((f) => f.name)).toEqual(['amount', 'tenure', 'plan']);
    expect(rep.windowing!.timestamps).toEqual({ missing: 1, unparsable: 1, unparsable_examples: ['not a date'] });
    expect(rep.windowing!.first_drift).toBe('2024-03-31');
    // Several production files as windows (profiles of the parts): the same.
    const files = runCli([...args.slice(0, -1), 'batches/b0.csv', 'batches/b1.csv', '--window-column', 'when', '-o', 'tsf.json'], dir);
    expect(files.stderr).toBe('');
    const f = report(join(dir, 'tsf.json'));
    expect(f.skipped).toContainEqual({ name: 'when', reason: "the windows' timestamp column (windows.column)" });
    expect(f.windows!.map((w) => w.features.map((x) => x.name))).toEqual(Array(2).fill(['amount', 'tenure', 'plan']));
  });

  it('refuses day windows without a timestamp column, and an unknown column with a suggestion', () => {
    const r = runCli([...base, '-p', 'production.csv', '--window-every', 'day', '-o', 'x.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: windows.every: day needs the timestamp column; set windows.column (or --window-column)\n');
    const u = runCli([...base, '-p', 'production.csv', '--window-every', 'day', '--window-column', 'When', '-o', 'x.json'], dir);
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/^error: production.csv: windows.column "When" is not a column; did you mean "when"\?/);
    const bad = runCli([...base, '-p', 'production.csv', '--window-every', 'weak', '-o', 'x.json'], dir);
    expect(bad.stderr).toBe(
      'error: command-line flags: windows.every must be day, week, month, a whole number of rows (at least 1) or null, got string "weak"; did you mean "week"?\n',
    );
  });
});

describe('drift-monitor with windows and prediction columns', () => {
  it('tracks prediction drift per window; the whole run keeps its performance section', () => {
    const r = rng(8);
    const line = (shift: number) => {
      const p = Math.min(0.99, Math.max(0.01, r() * 0.6 + shift * 0.35));
      const y = r() < p ? 'yes' : 'no';
      return `${(normal(r) + shift).toFixed(3)},${p.toFixed(3)},${p >= 0.5 ? 'yes' : 'no'},${y}`;
    };
    writeFileSync(join(dir, 'pref.csv'), ['x,proba,pred,churn', ...Array.from({ length: 2000 }, () => line(0))].join('\n') + '\n');
    writeFileSync(
      join(dir, 'pprod.csv'),
      ['x,proba,pred,churn', ...Array.from({ length: 600 }, () => line(0)), ...Array.from({ length: 600 }, () => line(1))].join('\n') +
        '\n',
    );
    writeFileSync(
      join(dir, 'pred.yaml'),
      'data:\n  probability_column: proba\n  prediction_column: pred\ncolumns:\n  drop: [proba, pred]\n',
    );
    const run = runCli(
      ['-r', 'pref.csv', '-p', 'pprod.csv', '--label', 'churn', '-c', 'pred.yaml', '--window-every', '300', '-q', '-o', 'pw.json'],
      dir,
    );
    expect(run.stderr).toBe('');
    const rep = report(join(dir, 'pw.json'));
    expect(validate(schema, rep)).toEqual([]);
    expect(rep.performance).not.toBeNull();
    expect(rep.windows!.map((w) => w.prediction_drift.map((f) => f.name))).toEqual(Array(4).fill(['pred', 'proba']));
    const probaDrift = rep.windows!.map((w) => w.prediction_drift.find((f) => f.name === 'proba')!.drifted);
    expect(probaDrift).toEqual([false, false, true, true]);
  });
});

describe('drift-monitor with windows and labelled predictions', () => {
  it("gives each window the performance of the CLI on that window's rows alone (measured, or estimated without labels)", () => {
    const [header, ...lines] = readFileSync(join(dir, 'pprod.csv'), 'utf8').trim().split('\n');
    const run = runCli(
      ['-r', 'pref.csv', '-p', 'pprod.csv', '--label', 'churn', '-c', 'pred.yaml', '--window-every', '300', '-o', 'perf.json'],
      dir,
    );
    expect(run.stderr).toBe('');
    const rep = report(join(dir, 'perf.json'));
    expect(validate(schema, rep)).toEqual([]);
    expect(rep.windows!.map((w) => w.performance?.estimated)).toEqual([false, false, false, false]);
    // The CLI's windows block lists them.
    expect(run.stdout).toContain('performance per window (F1, accuracy):');
    expect(run.stdout).toMatch(/\n {4}rows 1-300: F1 0\.\d{3}, accuracy 0\.\d{3}\n/);
    for (const w of rep.windows!) {
      const file = `perf-${w.index}.csv`;
      writeFileSync(join(dir, file), [header, ...lines.slice(w.index * 300, w.index * 300 + 300)].join('\n') + '\n');
      const alone = runCli(['-r', 'pref.csv', '-p', file, '--label', 'churn', '-c', 'pred.yaml', '-q', '-o', `perf-${w.index}.json`], dir);
      expect(alone.code).toBe(0);
      const a = report(join(dir, `perf-${w.index}.json`)).performance!;
      expect(w.performance, w.label).toEqual({
        estimated: false,
        f1: a.production!.f1,
        accuracy: a.production!.accuracy,
        f1_drop: a.f1_drop,
        alert: a.alert,
        reliable: null,
        rows: 300,
        f1_band: null,
      });
      expect(w.reasons.includes('performance'), w.label).toBe(a.alert);
    }
    // Each window's own figures, not the whole run's repeated.
    expect(new Set(rep.windows!.map((w) => w.performance!.f1)).size).toBeGreaterThan(1);

    // Without production labels: the label-free estimate per window, with its reliability, as the run alone.
    const unlabelled = [header, ...lines.map((l) => l.replace(/,(yes|no)$/, ','))].join('\n') + '\n';
    writeFileSync(join(dir, 'pnolab.csv'), unlabelled);
    const est = runCli(
      ['-r', 'pref.csv', '-p', 'pnolab.csv', '--label', 'churn', '-c', 'pred.yaml', '--window-every', '600', '-q', '-o', 'est.json'],
      dir,
    );
    expect(est.code).toBe(0);
    const e = report(join(dir, 'est.json'));
    expect(validate(schema, e)).toEqual([]);
    writeFileSync(join(dir, 'pnolab-0.csv'), [header, ...lines.slice(0, 600).map((l) => l.replace(/,(yes|no)$/, ','))].join('\n') + '\n');
    expect(
      runCli(['-r', 'pref.csv', '-p', 'pnolab-0.csv', '--label', 'churn', '-c', 'pred.yaml', '-q', '-o', 'est-0.json'], dir).code,
    ).toBe(0);
    const a = report(join(dir, 'est-0.json')).performance!;
    expect(a.production!.estimated).toBe(true);
    const p = a.production as Extract<typeof a.production, { estimated: true }>;
    expect(e.windows![0].performance).toEqual({
      estimated: true,
      f1: p.f1,
      accuracy: p.accuracy,
      f1_drop: a.f1_drop,
      alert: a.alert,
      reliable: p.estimate_reliable,
      rows: 600,
      f1_band: p.f1_band,
    });
  });
});

describe('target drift without windows', () => {
  it('appears only when thresholds.label_drift is set, and joins the verdict when true', () => {
    const plain = runCli(
      ['-r', 'reference.csv', '-p', 'production.csv', '--label', 'churn', '--drop', 'when,amount,plan', '-q', '-o', 'l0.json'],
      dir,
    );
    expect(plain.code).toBe(0);
    expect(report(join(dir, 'l0.json')).label_drift).toBeUndefined();
    writeFileSync(join(dir, 'label.yaml'), 'thresholds:\n  label_drift: true\n');
    const on = runCli(
      [
        '-r',
        'reference.csv',
        '-p',
        'production.csv',
        '--label',
        'churn',
        '--drop',
        'when,amount,plan',
        '-c',
        'label.yaml',
        '-q',
        '-o',
        'l1.json',
      ],
      dir,
    );
    const rep = report(join(dir, 'l1.json'));
    expect(validate(schema, rep)).toEqual([]);
    expect(rep.label_drift).toMatchObject({
      column: 'churn',
      in_verdict: true,
      feature: { name: 'churn', type: 'categorical', drifted: true },
    });
    expect(rep.summary.reasons.map((x) => x.rule)).toContain('label_drift');
    expect(rep.summary.overall_drift).toBe(true);
    expect(on.stdout).toMatch(/^drift detected/);
  });
});

describe('drift-monitor history', () => {
  it('appends one summary per run and prints the trend table; a bad line is one error naming it', () => {
    const h = join(dir, 'runs.jsonl');
    for (const p of ['batches/b0.csv', 'production.csv'])
      expect(runCli([...base, '-p', p, '--history', 'runs.jsonl', '-o', 'h.json'], dir).code).toBe(0);
    const lines = readFileSync(h, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]).production.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    const t = runCli(['history', 'runs.jsonl'], dir);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/^run +verdict +drifted +max score +windows +first drift +production\n/);
    expect(t.stdout).toContain('batches/b0.csv');
    expect(t.stdout).toMatch(/2 run\(s\), \d with drift\n$/);
    writeFileSync(h, readFileSync(h, 'utf8') + '{"oops": 1}\n');
    const bad = runCli(['history', 'runs.jsonl'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'error: runs.jsonl: line 3 is not a run summary: history_version must be 1, got nothing; remove or fix that line\n',
    );
  });
});

describe('drift-monitor --webhook', () => {
  let server: Server | null = null;
  afterEach(async () => {
    if (server) await new Promise((r) => server!.close(r));
    server = null;
  });

  async function serve(status: number): Promise<{ url: string; bodies: string[] }> {
    const bodies: string[] = [];
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/T000/SECRET`, bodies };
  }

  /** The CLI in a child process (the test's server must keep answering while it runs). */
  function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((res) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: dir });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('exit', (code) => res({ code: code ?? -1, stdout, stderr }));
    });
  }

  it('posts the alert when the verdict is drift', async () => {
    const { url, bodies } = await serve(200);
    const r = await cli([
      ...base,
      '-p',
      'production.csv',
      '--window-column',
      'when',
      '--window-every',
      'day',
      '--webhook',
      url,
      '-o',
      'hook.json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(bodies).toHaveLength(1);
    const body = JSON.parse(bodies[0]);
    expect(body.text).toMatch(/^Drift Monitor: drift detected since 2024-03-31 in production.csv: /);
    expect(body.summary.verdict.overall_drift).toBe(true);
  });

  it('a failing webhook (500s, then refused) is a warning: same exit code, the report is written', async () => {
    const { url, bodies } = await serve(500);
    const r = await cli([
      ...base,
      '-p',
      'production.csv',
      '--window-column',
      'when',
      '--window-every',
      'day',
      '--webhook',
      url,
      '--fail-on-drift',
      '-o',
      'hook500.json',
    ]);
    expect(r.code).toBe(3);
    expect(bodies).toHaveLength(4);
    expect(r.stderr).toMatch(
      /^warning: the drift alert to 127\.0\.0\.1:\d+ was not delivered after 4 attempts \(HTTP 500\); the report is written\n$/,
    );
    expect(r.stderr).not.toContain('SECRET');
    expect(existsSync(join(dir, 'hook500.json'))).toBe(true);
    await new Promise((res) => server!.close(res));
    server = null;
    const refused = await cli([
      ...base,
      '-p',
      'production.csv',
      '--window-column',
      'when',
      '--window-every',
      'day',
      '--webhook',
      url,
      '-o',
      'hookr.json',
    ]);
    expect(refused.code).toBe(0);
    expect(refused.stderr).toMatch(/not delivered after 4 attempts \(ECONNREFUSED\)/);
  }, 30_000);

  it('posts nothing without drift', async () => {
    const { url, bodies } = await serve(200);
    const r = await cli([
      '-r',
      'reference.csv',
      '-p',
      'batches/b0.csv',
      '--label',
      'churn',
      '--drop',
      'when,plan,amount',
      '--webhook',
      url,
      '-q',
      '-o',
      'nodrift.json',
    ]);
    expect(r.stdout).toMatch(/^no drift/);
    expect(bodies).toHaveLength(0);
  });
});

describe('drift-monitor with windows and an ONNX model', () => {
  const FIX = join(__dirname, '../fixtures/onnx');
  const MODEL = join(FIX, 'forest.onnx');
  const perWindow = (w: NonNullable<Report['windows']>[number]) =>
    w.prediction_drift.map((f) => [f.name, f.drift_score, f.psi, f.p_value, f.drifted]);
  const alonePredictionDrift = (a: Report) =>
    a.performance!.prediction_drift.map((f) => [
      f.name,
      f.drift_score,
      f.psi?.value ?? null,
      f.type === 'numerical' ? f.ks!.p_value : f.chi2!.p_value_adjusted,
      f.drifted,
    ]);

  it("scores the production rows: each window's performance and prediction drift are those of the CLI on its rows alone", () => {
    writeFileSync(join(dir, 'model.yaml'), 'data:\n  label_column: y\nmodel:\n  features: [x0, x1, x2, x3]\n');
    const [header, ...lines] = readFileSync(join(FIX, 'production.csv'), 'utf8').trim().split('\n');
    const args = ['-r', join(FIX, 'reference.csv'), '-c', 'model.yaml', '--model', MODEL, '-q'];
    const run = runCli([...args, '-p', join(FIX, 'production.csv'), '--window-every', '50', '-o', 'mw.json'], dir);
    expect(run.stderr).toBe('');
    const rep = report(join(dir, 'mw.json'));
    expect(validate(schema, rep)).toEqual([]);
    expect(rep.windows!.length).toBe(4);
    // The whole run's section is the one of a run without windows.
    expect(runCli([...args, '-p', join(FIX, 'production.csv'), '-o', 'mw-all.json'], dir).code).not.toBe(2);
    const all = report(join(dir, 'mw-all.json'));
    expect(rep.performance).toEqual(all.performance);
    for (const w of rep.windows!) {
      const file = `mw-${w.index}.csv`;
      writeFileSync(join(dir, file), [header, ...lines.slice(w.index * 50, w.index * 50 + 50)].join('\n') + '\n');
      expect(runCli([...args, '-p', file, '-o', `mw-${w.index}.json`], dir).code).not.toBe(2);
      const a = report(join(dir, `mw-${w.index}.json`));
      const p = a.performance!;
      expect(w.performance, w.label).toEqual({
        estimated: false,
        f1: p.production!.f1,
        accuracy: p.production!.accuracy,
        f1_drop: p.f1_drop,
        alert: p.alert,
        reliable: null,
        rows: p.production!.rows,
        f1_band: null,
      });
      expect(perWindow(w), w.label).toEqual(alonePredictionDrift(a));
      expect(w.prediction_drift.map((f) => f.name)).toEqual(['prediction:probability', 'prediction:class']);
    }
    expect(new Set(rep.windows!.map((w) => w.performance!.f1)).size).toBeGreaterThan(1);

    // Without production labels: the label-free estimate per window with its band and reliability.
    const yAt = header.split(',').indexOf('y');
    const blank = (l: string) =>
      l
        .split(',')
        .map((c, i) => (i === yAt ? '' : c))
        .join(',');
    writeFileSync(join(dir, 'mnolab.csv'), [header, ...lines.map(blank)].join('\n') + '\n');
    expect(runCli([...args, '-p', 'mnolab.csv', '--window-every', '100', '-o', 'mest.json'], dir).code).not.toBe(2);
    const e = report(join(dir, 'mest.json'));
    expect(validate(schema, e)).toEqual([]);
    for (const w of e.windows!) {
      writeFileSync(
        join(dir, `mest-${w.index}.csv`),
        [header, ...lines.slice(w.index * 100, w.index * 100 + 100).map(blank)].join('\n') + '\n',
      );
      expect(runCli([...args, '-p', `mest-${w.index}.csv`, '-o', `mest-${w.index}.json`], dir).code).not.toBe(2);
      const a = report(join(dir, `mest-${w.index}.json`));
      const p = a.performance!.production as Extract<NonNullable<NonNullable<Report['performance']>['production']>, { estimated: true }>;
      expect(p.estimated).toBe(true);
      expect(w.performance, w.label).toEqual({
        estimated: true,
        f1: p.f1,
        accuracy: p.accuracy,
        f1_drop: a.performance!.f1_drop,
        alert: a.performance!.alert,
        reliable: p.estimate_reliable,
        rows: p.rows,
        f1_band: p.f1_band,
      });
      expect(perWindow(w), w.label).toEqual(alonePredictionDrift(a));
    }
  });
});

describe('drift-monitor with windows by a timestamp column of a Parquet file', () => {
  const FIX = join(__dirname, '../fixtures/parquet/windows');
  const windowsOf = (column: string, production: string) => {
    const name = `pq-${column}-${production.replace(/\W/g, '_')}`;
    writeFileSync(
      join(dir, `${name}.yaml`),
      `data:\n  label_column: churn\ncolumns:\n  drop: [ts_utc, ts_local, ts_text, day]\nwindows:\n  column: ${column}\n  every: day\n  timezone: Europe/Berlin\n  min_rows: 20\n`,
    );
    const r = runCli(
      ['-r', join(FIX, 'reference.csv'), '-p', join(FIX, production), '-c', `${name}.yaml`, '-q', '-o', `${name}.json`],
      dir,
    );
    expect(r.stderr, `${column} ${production}`).toBe('');
    const rep = report(join(dir, `${name}.json`));
    expect(validate(schema, rep)).toEqual([]);
    return { windows: rep.windows!, windowing: rep.windowing! };
  };

  it('cuts the same windows as from the same rows in a CSV: TIMESTAMP (UTC-adjusted or not), DATE and string columns', () => {
    const got: Record<string, ReturnType<typeof windowsOf>> = {};
    for (const column of ['ts_utc', 'ts_local', 'ts_text', 'day']) {
      const parquet = windowsOf(column, 'production.parquet');
      const csv = windowsOf(column, 'production.csv');
      expect(parquet.windows, column).toEqual(csv.windows);
      expect(parquet.windowing, column).toEqual(csv.windowing);
      expect(parquet.windows.length, column).toBeGreaterThanOrEqual(4);
      got[column] = parquet;
    }
    // Missing timestamps are counted (null in Parquet, an empty cell in the CSV); 'not a date' strings are unparsable.
    expect(got.ts_utc.windowing.timestamps).toEqual({ missing: 7, unparsable: 0, unparsable_examples: [] });
    expect(got.ts_text.windowing.timestamps).toEqual({ missing: 7, unparsable: 7, unparsable_examples: Array(3).fill('not a date') });
    // ts_utc holds instants (isAdjustedToUTC), cut in Berlin time (+02:00 from 31 March); ts_local
    // holds the +01:00 wall clock read as Berlin time: they differ after the DST change only.
    const rows = (c: string) => Object.fromEntries(got[c].windows.map((w) => [w.label, w.rows]));
    expect(rows('ts_utc')['2024-03-29']).toBe(rows('ts_local')['2024-03-29']);
    expect(rows('ts_utc')['2024-04-01']).not.toBe(rows('ts_local')['2024-04-01']);
    const total = (c: string) => got[c].windows.reduce((n, w) => n + w.rows, 0);
    expect([total('ts_utc'), total('ts_local'), total('day'), total('ts_text')]).toEqual([593, 593, 593, 586]);
  });
});
