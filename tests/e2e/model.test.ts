/**
 * Models in the dashboard: the demo model's F1 drop and alert, the ONNX fixtures (tests/fixtures/onnx,
 * scripts/make_onnx_fixtures.py) uploaded through "Model (ONNX)" and scored by the real onnxruntime-web
 * in Chromium, compared with the CLI's `--model` report for the same files and config (numbers within
 * tests/helpers/numbersClose.ts's tolerance, everything else exactly); a corrupt model;
 * a production file without labels (the label-free estimate); privacy (the ORT wasm comes from dist/).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/types.ts';
import { ROOT, runCli, tempDir } from '../cli/runCli.ts';
import { offOrigin, useDashboard, type OpenedPage } from './helpers/browser.ts';
import { comparableReport as comparable, expectAgreement, expectCsvAgreement } from './helpers/comparableReport.ts';
import {
  bannerText,
  chooseFiles,
  downloadJsonReport,
  downloadScoresCsv,
  loadDemo,
  runAnalysis,
  runId,
  setThreshold,
} from './helpers/dashboard.ts';

const FIX = join(ROOT, 'tests/fixtures/onnx');
const DEMO = join(ROOT, 'public/demo');
const expected = JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8')) as {
  features: string[];
  models: Record<string, { file: string; label_column: string; zipmap: boolean; positive_class: string | null }>;
};
const dir = tempDir('dm-e2e-model-');

const suite = useDashboard();
const open = () => suite.open();

/** The CLI's report and scores for the fixture pair with `model` and `configPath`. */
function cliReport(args: string[]): { report: Report; scores: string } {
  const name = `r${Math.random().toString(36).slice(2)}`;
  const out = join(dir, `${name}.json`);
  const scores = join(dir, `${name}.csv`);
  const r = runCli([...args, '-o', out, '-s', scores]);
  if (r.code !== 0) throw new Error(r.stderr);
  return { report: JSON.parse(readFileSync(out, 'utf8')) as Report, scores: readFileSync(scores, 'utf8') };
}

async function chooseModel(page: OpenedPage['page'], path: string): Promise<void> {
  await page.getByLabel('Model (ONNX)').setInputFiles(path);
}

describe('models in the dashboard (built app, real onnxruntime-web in Chromium)', () => {
  it('demo: drift, the F1 drop above 0.05 and the performance alert; equal to the CLI; the threshold re-decides live', async () => {
    const { page, requests, errors } = await open();
    await loadDemo(page);
    expect(await runAnalysis(page)).toBe('done');
    const banner = await bannerText(page);
    expect(banner).toMatch(/Drift detected/);
    // scripts/make_demo_model.py: f1_score 0.5292662819455894 (reference) -> 0.4697508896797153 (production).
    expect(banner).toContain('F1 dropped by 0.060 (0.529 -> 0.470), more than 0.05');
    const alert = page.getByTestId('performance-alert');
    await expect
      .poll(() => alert.innerText())
      .toMatch(/Performance alert\s+F1 dropped by 0\.060 \(0\.529 → 0\.470\), more than the threshold 0\.05/);
    expect(await page.getByTestId('kpi-f1').innerText()).toMatch(/0\.529 → 0\.470/);
    expect(await page.locator('#performance-table tbody tr', { hasText: 'F1' }).first().innerText()).toMatch(/0\.5293\s+0\.4698/);
    expect(await page.locator('#confusion-baseline tbody th').allInnerTexts()).toEqual(['0', '1']);
    expect(await page.locator('#classes-production tbody th').allInnerTexts()).toEqual(['0', '1']);
    expect(await page.getByTestId('positive-class').innerText()).toMatch(/Positive class: 1\b/);
    expect((await page.locator('#prediction-drift-table tbody tr td:first-child').allInnerTexts()).sort()).toEqual([
      'prediction:class',
      'prediction:probability',
    ]);

    // The same numbers as `drift-monitor --model` on the same files.
    const cli = cliReport([
      '-r',
      join(DEMO, 'reference.csv'),
      '-p',
      join(DEMO, 'production.csv'),
      '-l',
      'churned',
      '--model',
      join(DEMO, 'model.onnx'),
    ]);
    const report = await downloadJsonReport(page);
    expect(report.performance!.alert).toBe(true);
    // How the model's probability columns map to classes, as text (the report's performance.class_mapping).
    expect(report.performance!.class_mapping).toMatch(/^probability column i is the model's class label i/);
    expect(await page.getByTestId('class-mapping').innerText()).toBe(`Class mapping: ${report.performance!.class_mapping}.`);
    expectAgreement('demo report', comparable(report), comparable(cli.report, [join(DEMO, 'reference.csv'), join(DEMO, 'production.csv')]));
    expectCsvAgreement('demo scores', await downloadScoresCsv(page), cli.scores);

    // A higher F1-drop threshold clears the alert at once, without a new run.
    const before = await runId(page);
    await setThreshold(page, 'F1 drop threshold', '0.1');
    await expect.poll(() => alert.innerText()).toMatch(/No performance alert/);
    expect(await bannerText(page)).not.toContain('F1 dropped');
    expect(await runId(page)).toBe(before);

    // The ORT wasm came from our own dist/, and nothing left the origin.
    expect(requests.some((u) => /\/assets\/ort-wasm-simd-threaded-[\w-]+\.wasm$/.test(u))).toBe(true);
    expect(offOrigin(requests, suite.app.origin)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    expect(errors).toEqual([]);
  });

  for (const name of ['logistic_plain', 'linear_zipmap', 'forest_zipmap', 'pipeline_strings']) {
    it(`${name}.onnx uploaded through "Model (ONNX)": the report equals the CLI's --model report`, async () => {
      const e = expected.models[name];
      // logistic_plain takes its feature list from the model's metadata; the others from the config.
      const features = name === 'logistic_plain' ? '' : `model:\n  features: [${expected.features.join(', ')}]\n`;
      const config = join(dir, `${name}.yaml`);
      writeFileSync(config, `data:\n  label_column: ${e.label_column}\n${features}`);
      const model = join(FIX, e.file);
      const ref = join(FIX, 'reference.csv');
      const prod = join(FIX, 'production.csv');
      const cli = cliReport(['-r', ref, '-p', prod, '-c', config, '--model', model]);

      const { page, requests } = await open();
      await page.getByLabel('Config (YAML)').setInputFiles(config);
      await chooseFiles(page, { name: 'reference.csv', path: ref }, { name: 'production.csv', path: prod });
      await chooseModel(page, model);
      expect(await runAnalysis(page)).toBe('done');
      const report = await downloadJsonReport(page);
      expect(report.performance).not.toBeNull();
      expect(report.performance!.positive_class).toBe(e.positive_class);
      expectAgreement(`${name} report`, comparable(report), comparable(cli.report, [ref, prod]));
      expectCsvAgreement(`${name} scores`, await downloadScoresCsv(page), cli.scores);
      if (e.zipmap) {
        // Labels only: the warning says how to re-export.
        expect(await page.getByTestId('performance-warnings').innerText()).toMatch(/zipmap/i);
      }
      if (e.positive_class === null) {
        expect(await page.locator('#performance-table tbody th').allInnerTexts()).toContain('F1 (weighted)');
        expect(await page.locator('#confusion-baseline thead th').allInnerTexts()).toEqual(['True ↓ / predicted →', 'bird', 'cat', 'dog']);
      }
      expect(offOrigin(requests, suite.app.origin)).toEqual([]);
    });
  }

  it("prediction columns from a loaded config (no model): the performance section equals the CLI's", async () => {
    const full = JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8')) as {
      models: Record<string, { runs: Record<string, { predicted: string[]; probabilities: number[][] }> }>;
    };
    const run = full.models.linear.runs;
    const paths: string[] = [];
    for (const side of ['reference', 'production']) {
      const lines = readFileSync(join(FIX, `${side}.csv`), 'utf8')
        .trimEnd()
        .split('\n');
      const rows = lines.map((l, i) =>
        i === 0 ? `${l},pred,proba` : `${l},${run[side].predicted[i - 1]},${run[side].probabilities[i - 1][1]}`,
      );
      const path = join(dir, `${side}.csv`);
      writeFileSync(path, rows.join('\n') + '\n');
      paths.push(path);
    }
    const config = join(dir, 'columns.yaml');
    writeFileSync(
      config,
      'data:\n  label_column: y\n  prediction_column: pred\n  probability_column: proba\ncolumns:\n  drop: [pred, proba]\n',
    );
    const cli = cliReport(['-r', paths[0], '-p', paths[1], '-c', config]);
    const { page } = await open();
    await page.getByLabel('Config (YAML)').setInputFiles(config);
    await chooseFiles(page, { name: 'reference.csv', path: paths[0] }, { name: 'production.csv', path: paths[1] });
    expect(await runAnalysis(page)).toBe('done');
    const report = await downloadJsonReport(page);
    expect(report.performance!.source).toBe('columns pred, proba');
    expectAgreement('prediction columns report', comparable(report), comparable(cli.report, paths));
    expect(await page.locator('#confusion-production').count()).toBe(1);
  });

  it('a corrupt model shows the one-line error; the next run with a good model works', async () => {
    const { page } = await open();
    await loadDemo(page);
    const junk = join(dir, 'junk.onnx');
    writeFileSync(junk, Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7919 + 13) % 256)));
    await chooseModel(page, junk);
    expect(await runAnalysis(page)).toBe('error');
    const message = await page.getByRole('alert').innerText();
    expect(message).toMatch(/^junk\.onnx: not a readable ONNX model .*export the model to \.onnx again/);
    expect(message).not.toContain('\n');
    await chooseModel(page, join(DEMO, 'model.onnx'));
    expect(await runAnalysis(page)).toBe('done');
    await expect.poll(() => page.getByTestId('performance-alert').innerText()).toMatch(/Performance alert/);
  });

  it('a model whose inputs match no column shows the one-line error', async () => {
    const { page } = await open();
    await chooseFiles(
      page,
      { name: 'a.csv', text: 'a,b,y\n1,2,0\n2,3,1\n3,1,0\n' },
      { name: 'b.csv', text: 'a,b,y\n1,2,0\n2,3,1\n3,1,1\n' },
    );
    await page.getByLabel('Label column').selectOption('y');
    await chooseModel(page, join(FIX, 'pipeline_strings.onnx'));
    expect(await runAnalysis(page)).toBe('error');
    expect(await page.getByRole('alert').innerText()).toMatch(/^pipeline_strings\.onnx: model inputs .* match no column of a\.csv/);
  });

  it('a model that fails at run time in onnxruntime-web shows the one-line error naming it', async () => {
    const { page } = await open();
    const text = (name: string) => readFileSync(join(FIX, name), 'utf8');
    await chooseFiles(
      page,
      { name: 'reference.csv', text: text('reference.csv') },
      { name: 'production.csv', text: text('production.csv') },
    );
    await page.getByLabel('Label column').selectOption('y');
    await chooseModel(page, join(FIX, 'reshape_fails.onnx'));
    expect(await runAnalysis(page)).toBe('error');
    const message = await page.getByRole('alert').innerText();
    expect(message).toMatch(
      /^reshape_fails\.onnx: onnxruntime failed to run the model on rows 1-300 of reference\.csv \(.*reshaped.*\); fed input "input" \[300, 4\] float32 .*; check that the model runs /,
    );
    expect(message).not.toContain('\n');
  });

  it('the demo model goes with files of your own; "Remove" clears a chosen model', async () => {
    const { page } = await open();
    await loadDemo(page);
    await page.getByTestId('model-file-name').filter({ hasText: 'model.onnx' }).waitFor();
    await chooseFiles(page, { name: 'a.csv', text: 'a,b\n1,2\n2,3\n' }, { name: 'b.csv', text: 'a,b\n5,2\n6,3\n' });
    await page.getByTestId('model-file-name').filter({ hasText: 'Drop a file here' }).waitFor();
    expect(await runAnalysis(page)).toBe('done');
    expect(await page.locator('#performance-h').count()).toBe(0);

    await chooseModel(page, join(DEMO, 'model.onnx'));
    await page.getByRole('button', { name: 'Remove the model' }).click();
    await page.getByTestId('model-file-name').filter({ hasText: 'Drop a file here' }).waitFor();
    expect(await runAnalysis(page)).toBe('done');
    expect(await page.locator('#performance-h').count()).toBe(0);
  });

  it('production without labels: the label-free estimate, marked as an estimate with its band', async () => {
    const lines = readFileSync(join(FIX, 'production.csv'), 'utf8').trimEnd().split('\n');
    const y = lines[0].split(',').indexOf('y');
    const unlabelled =
      lines
        .map((l, i) =>
          i === 0
            ? l
            : l
                .split(',')
                .map((v, j) => (j === y ? '' : v))
                .join(','),
        )
        .join('\n') + '\n';
    const config = join(dir, 'estimate.yaml');
    writeFileSync(config, `data:\n  label_column: y\nmodel:\n  features: [${expected.features.join(', ')}]\n`);
    const { page } = await open();
    await page.getByLabel('Config (YAML)').setInputFiles(config);
    await chooseFiles(page, { name: 'reference.csv', path: join(FIX, 'reference.csv') }, { name: 'production.csv', text: unlabelled });
    await chooseModel(page, join(FIX, 'linear.onnx'));
    expect(await runAnalysis(page)).toBe('done');
    expect(await page.getByTestId('estimate-note').innerText()).toMatch(/^Estimated \(no production labels\): CBPE/);
    // The fixture reference has 300 labelled rows, too few to calibrate on: the estimate is flagged.
    expect(await page.locator('#performance-table thead').innerText()).toContain('Production (estimated, unreliable)');
    expect(await page.getByTestId('estimate-unreliable').innerText()).toContain(
      'only 300 labelled reference rows: the calibration needs at least 500',
    );
    const f1Row = await page.locator('#performance-table tbody tr', { hasText: /^F1/ }).first().innerText();
    expect(f1Row).toMatch(/\(\d\.\d+–\d\.\d+\)/);
    expect(await page.getByTestId('kpi-f1').innerText()).toContain('(estimated)');
    const report = await downloadJsonReport(page);
    expect(report.performance!.production!.estimated).toBe(true);
  });

  it('label "(none)" + the demo model: prediction drift table and the note, no metrics, no error; equal to the CLI without --label', async () => {
    const { page, errors } = await open();
    await loadDemo(page);
    await page.getByTestId('model-file-name').filter({ hasText: 'model.onnx' }).waitFor();
    await page.getByLabel('Label column').selectOption({ label: '(none)' });
    const outcome = await runAnalysis(page);
    if (outcome !== 'done') throw new Error(await page.getByRole('alert').innerText());
    expect((await page.locator('#prediction-drift-table tbody tr td:first-child').allInnerTexts()).sort()).toEqual([
      'prediction:class',
      'prediction:probability',
    ]);
    expect(await page.getByTestId('performance-note').innerText()).toMatch(
      /^No metrics: no label column: prediction drift only; .*need a label column/,
    );
    expect(await page.getByTestId('positive-class').innerText()).toMatch(/Positive class: 1\s\(.*classes from the model's class labels\)/);
    expect(await page.locator('#performance-table').count()).toBe(0);
    expect(await page.getByTestId('performance-alert').count()).toBe(0);
    expect(await page.getByTestId('kpi-f1').count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    const report = await downloadJsonReport(page);
    const cli = cliReport(['-r', join(DEMO, 'reference.csv'), '-p', join(DEMO, 'production.csv'), '--model', join(DEMO, 'model.onnx')]);
    expect(report.performance!.baseline).toBeNull();
    expectAgreement('demo without labels, performance', report.performance, cli.report.performance);
    expect(errors).toEqual([]);
  });

  it('label column in the reference only (production labels not available yet): the estimate, not a column error', async () => {
    const lines = readFileSync(join(DEMO, 'production.csv'), 'utf8').trimEnd().split('\n');
    const at = lines[0].split(',').indexOf('churned');
    const noLabel =
      lines
        .map((l) =>
          l
            .split(',')
            .filter((_, j) => j !== at)
            .join(','),
        )
        .join('\n') + '\n';
    const { page } = await open();
    await chooseFiles(page, { name: 'reference.csv', path: join(DEMO, 'reference.csv') }, { name: 'production.csv', text: noLabel });
    await page.getByLabel('Label column').selectOption('churned');
    await chooseModel(page, join(DEMO, 'model.onnx'));
    expect(await runAnalysis(page)).toBe('done');
    expect(await page.getByTestId('estimate-note').innerText()).toMatch(/^Estimated \(no production labels\): CBPE/);
    expect(await page.getByTestId('performance-warnings').innerText()).toContain('(production labels not available yet)');
    // The demo production drifts (predicted positive share 19.7% -> 36.9%): flagged, reasons shown, numbers marked.
    const box = await page.getByTestId('estimate-unreliable').innerText();
    expect(box).toContain('Unreliable estimate: do not trust the estimated numbers below');
    expect(box).toContain('the share of rows predicted positive moved from 19.7% (reference) to 36.9% (production)');
    expect(await page.locator('#performance-table thead').innerText()).toContain('Production (estimated, unreliable)');
    expect(await page.locator('#performance-table tbody tr', { hasText: /^F1/ }).first().innerText()).toContain('unreliable');
    expect(await page.getByTestId('kpi-f1').innerText()).toContain('(estimated) · unreliable');
    const report = await downloadJsonReport(page);
    expect(report.performance!.production!.estimated).toBe(true);
    expect((report.performance!.production as { estimate_reliable: boolean }).estimate_reliable).toBe(false);
  });
});
