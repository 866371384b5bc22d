/**
 * The dashboard end to end: the built app (dist/, base './') served under /drift-monitor/ and driven in
 * headless Chromium. Checks the demo run, live threshold changes, hostile text, privacy (no request
 * leaves the origin), error handling and the downloads.
 */
import { describe, expect, it } from 'vitest';
import { offOrigin, useDashboard } from './helpers/browser.ts';
import {
  bannerText,
  chooseFiles,
  downloadJsonReport,
  downloadScoresCsv,
  loadDemo,
  runAnalysis,
  runId,
  setThreshold,
  tableNames,
} from './helpers/dashboard.ts';

const HOSTILE_COLUMN = '<img src=x onerror=alert(1)>';
const HOSTILE_CATEGORY = '<a href="javascript:alert(1)">x</a>';

const suite = useDashboard();
const open = () => suite.open();

/** A small pair with a hostile column name and a hostile category; the numeric column shifts. */
function hostilePair(): { reference: string; production: string } {
  const header = `"${HOSTILE_COLUMN}",colour,segment\n`;
  const row = (i: number, shift: number) => {
    const category = i % 3 === 0 ? `"${HOSTILE_CATEGORY.replace(/"/g, '""')}"` : i % 3 === 1 ? 'red' : 'blue';
    return `${(i % 50) + shift},${i % 2 ? 'green' : 'grey'},${category}\n`;
  };
  let reference = header;
  let production = header;
  for (let i = 0; i < 300; i++) {
    reference += row(i, 0);
    production += row(i + (i % 3 === 0 ? 1 : 0), 30);
  }
  return { reference, production };
}

describe('dashboard (built app under a sub-path, headless Chromium)', () => {
  it('loads the demo data, runs, and shows drift with its rules, KPIs, chart and tables; no request leaves the origin', async () => {
    const { page, requests, dialogs, errors } = await open();
    await loadDemo(page);
    expect(await runAnalysis(page)).toBe('done');
    const banner = await bannerText(page);
    expect(banner).toMatch(/\bDrift detected/);
    expect(banner.split('\n').length).toBeGreaterThan(1); // the rules that fired are listed
    await expect.poll(() => page.locator('.js-plotly-plot .barlayer .point').count()).toBeGreaterThan(0);
    expect((await tableNames(page, 'psi-table')).length).toBeGreaterThan(0);
    // Plotly, the workers and the wasm all ran under the page's CSP without a violation.
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    expect(offOrigin(requests, suite.app.origin)).toEqual([]);
    expect(requests.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('opens a feature in the explorer when its bar is clicked', async () => {
    const { page } = await open();
    await loadDemo(page);
    await runAnalysis(page);
    const explorer = page.getByLabel('Feature', { exact: true });
    // The drifted trace's last bar: the fourth-highest score, not the one the explorer opens with.
    const bar = page.locator('.js-plotly-plot .barlayer .trace').first().locator('.point').last();
    await bar.waitFor();
    const before = await explorer.inputValue();
    const box = (await bar.boundingBox())!;
    // Plotly takes clicks on its drag layer above the bars, so click the bar's position, not its element.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => explorer.inputValue()).not.toBe(before);
  });

  it('cancels a running analysis and a new run afterwards works', async () => {
    const { page } = await open();
    // About 12 MB each, so parsing lasts long enough to press Cancel.
    const rows = (shift: number) => {
      const out = ['a,b,c,d'];
      for (let i = 0; i < 400_000; i++) out.push(`${((i * 7919) % 1000) + shift},${i % 13},${((i * 31) % 977) / 7},x${i % 5}`);
      return out.join('\n') + '\n';
    };
    await chooseFiles(page, { name: 'big-ref.csv', text: rows(0) }, { name: 'big-prod.csv', text: rows(5) });
    await page.getByRole('button', { name: 'Run analysis' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Run cancelled.').waitFor();
    expect(await runId(page)).toBe(0);
    expect(await page.getByRole('button', { name: 'Cancel' }).count()).toBe(0);

    const pair = hostilePair();
    await chooseFiles(page, { name: 'ref.csv', text: pair.reference }, { name: 'prod.csv', text: pair.production });
    expect(await runAnalysis(page)).toBe('done');
    expect(await page.getByText('Run cancelled.').count()).toBe(0);
  });

  it('feeds the config file, the label column, type overrides and drops into the run', async () => {
    const { page } = await open();
    await loadDemo(page);
    expect(await page.getByLabel('Label column').inputValue()).toBe('churned'); // guessed from common names
    await page.getByLabel('Config (YAML)').setInputFiles({
      name: 'drift.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from('thresholds:\n  psi: 0.9\ncolumns:\n  categorical: [support_calls]\n'),
    });
    await expect.poll(() => page.getByLabel('PSI threshold', { exact: true }).inputValue()).toBe('0.9');
    await page.getByText(/Column types and drops/).click();
    expect(await page.getByLabel('Type of support_calls').inputValue()).toBe('categorical');
    await page.getByLabel('Drop age').check();
    await page.getByLabel('Type of satisfaction').selectOption('categorical');
    expect(await runAnalysis(page)).toBe('done');
    // A dropped column is left out without a plan, as in the CLI: in no table at all.
    expect(await tableNames(page, 'missing-table')).not.toContain('age');
    expect(await tableNames(page, 'missing-table')).toContain('tenure_months');
    const chi2 = await tableNames(page, 'chi2-table');
    expect(chi2).toContain('satisfaction');
    expect(chi2).toContain('support_calls');
    const report = await downloadJsonReport(page);
    expect(report.settings.thresholds.psi).toBe(0.9);
    expect(report.data.label_column).toBe('churned');
  });

  it('shows an invalid config file as a one-line error', async () => {
    const { page } = await open();
    await page
      .getByLabel('Config (YAML)')
      .setInputFiles({ name: 'bad.yaml', mimeType: 'text/yaml', buffer: Buffer.from('thresholds:\n  psi: [\n') });
    const alert = await page.getByRole('alert').innerText();
    expect(alert).toContain('bad.yaml');
    expect(alert.trim().split('\n')).toHaveLength(1);
  });

  it('re-decides the verdict when a threshold changes, without a new run or any worker message', async () => {
    const { page } = await open();
    await loadDemo(page);
    await runAnalysis(page);
    expect(await bannerText(page)).toMatch(/\bDrift detected/);
    const id = await runId(page);
    const messages = await page.evaluate(() => (window as unknown as { __workerMessages: number }).__workerMessages);
    const workers = await page.evaluate(() => (window as unknown as { __workersCreated: number }).__workersCreated);

    await setThreshold(page, 'PSI threshold', '1000');
    await setThreshold(page, 'Drifted share threshold', '1');
    // The demo model's F1 drop (0.060) is a verdict rule too.
    await setThreshold(page, 'F1 drop threshold', '0.1');
    await expect.poll(() => bannerText(page)).toMatch(/No drift detected/);
    await setThreshold(page, 'Drifted share threshold', '0');
    await expect.poll(() => bannerText(page)).toMatch(/\bDrift detected/);

    expect(await runId(page)).toBe(id);
    expect(await page.evaluate(() => (window as unknown as { __workerMessages: number }).__workerMessages)).toBe(messages);
    expect(await page.evaluate(() => (window as unknown as { __workersCreated: number }).__workersCreated)).toBe(workers);
  });

  it('shows a hostile column name and category as text and runs no script', async () => {
    const { page, dialogs, errors } = await open();
    const pair = hostilePair();
    await chooseFiles(page, { name: 'ref.csv', text: pair.reference }, { name: 'prod.csv', text: pair.production });
    expect(await runAnalysis(page)).toBe('done');
    expect(await tableNames(page, 'ks-table')).toContain(HOSTILE_COLUMN);
    expect(await tableNames(page, 'chi2-table')).toContain('segment');
    const plotText = () => page.locator('.js-plotly-plot').evaluateAll((els) => els.map((e) => e.textContent ?? '').join(' '));

    // The hostile category as a tick label of the explorer's grouped bars (shortened to 18 characters).
    await page.getByLabel('Feature', { exact: true }).selectOption('segment');
    await expect.poll(plotText).toContain('<a href="javascri');
    // The hostile column name in the chart's axis labels and as the explorer's title.
    await page.getByLabel('Feature', { exact: true }).selectOption(HOSTILE_COLUMN);
    await expect.poll(() => page.locator('[data-testid="explorer-facts"] .name').innerText()).toBe(HOSTILE_COLUMN);
    await expect.poll(plotText).toContain(HOSTILE_COLUMN);

    expect(await page.locator('img').count()).toBe(0);
    const hrefs = await page
      .locator('a')
      .evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? e.getAttribute('xlink:href') ?? ''));
    expect(hrefs.filter((h) => h.startsWith('javascript:'))).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows a point mass given its own PSI bin and a column all missing in production as a flagged feature', async () => {
    const { page, errors } = await open();
    // pdays: -1 on every reference row, 37% day counts in production; gone: values in the reference
    // only; x: the same values in both files.
    let reference = 'pdays,gone,x\n';
    let production = 'pdays,gone,x\n';
    for (let i = 0; i < 300; i++) {
      const x = ((i % 100) * 1.37).toFixed(2);
      reference += `-1,${(i * 0.37).toFixed(2)},${x}\n`;
      production += `${i < 190 ? -1 : 1 + ((i * 37) % 400)},NA,${x}\n`;
    }
    await chooseFiles(page, { name: 'ref.csv', text: reference }, { name: 'prod.csv', text: production });
    expect(await runAnalysis(page)).toBe('done');
    const row = (table: string, name: string) =>
      page
        .locator(`#${table} tbody tr`)
        .filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${name}$`) }) })
        .innerText();
    expect(await row('psi-table', 'pdays')).toContain('3 (own bin for -1)');
    expect(await row('missing-table', 'gone')).toMatch(/100(\.0)?%.*drifted/s);
    expect(await row('missing-table', 'x')).toMatch(/\bok\b/);
    const warnings = await page.locator('.warnings').innerText();
    expect(warnings).toContain('column "pdays": the value -1 (100.0% of the reference)');
    expect(warnings).toContain('column "gone": all values missing in prod.csv');
    const report = await downloadJsonReport(page);
    expect(report.features.find((f) => f.name === 'gone')).toMatchObject({ drifted: true, flagged_by: ['missing_share'] });
    expect(report.summary.drifted_features).toContain('gone');
    expect(report.features.find((f) => f.name === 'pdays')!.psi!.point_masses).toEqual([-1]);
    expect(errors).toEqual([]);
  });

  it('shows a bad file as a one-line error and a following good run still works', async () => {
    const { page } = await open();
    const pair = hostilePair();
    await chooseFiles(
      page,
      { name: 'ref.csv', text: pair.reference },
      { name: 'header-only.csv', text: pair.reference.split('\n')[0] + '\n' },
    );
    expect(await runAnalysis(page)).toBe('error');
    const alert = await page.getByRole('alert').innerText();
    expect(alert).toContain('header-only.csv');
    expect(alert.trim().split('\n')).toHaveLength(1);

    await chooseFiles(page, { name: 'ref.csv', text: pair.reference }, { name: 'prod.csv', text: pair.production });
    expect(await runAnalysis(page)).toBe('done');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await bannerText(page)).toMatch(/\bDrift detected|No drift detected/);
  });

  it('downloads the JSON report and the CSV scores of the run shown', async () => {
    const { page } = await open();
    await loadDemo(page);
    await runAnalysis(page);
    const report = await downloadJsonReport(page);
    expect(report.summary.overall_drift).toBe(true);
    expect(report.data.reference.file).toBe('reference.csv');
    expect(report.features.length).toBe(report.summary.features);
    const csv = await downloadScoresCsv(page);
    expect(csv.split('\n')[0]).toMatch(/feature/);
    // One row per feature, then the demo model's prediction drift and performance rows.
    const names = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    expect(names.slice(0, report.features.length)).toEqual(report.features.map((f) => f.name));
    expect(names.slice(report.features.length, report.features.length + 2)).toEqual(['prediction:probability', 'prediction:class']);
    expect(names.at(-1)).toBe('performance:f1_drop');
  });
});
