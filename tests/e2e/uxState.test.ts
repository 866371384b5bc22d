/**
 * The dashboard as a person uses it between runs: results marked out of date when a setting they depend
 * on changes, the verdict brought into view and focus on a phone, rejected threshold entries that say
 * which value is in effect, and a loaded config whose label or model path the page cannot use.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDashboard, useDashboard } from './helpers/browser.ts';
import { bannerText, chooseFiles, downloadJsonReport, runAnalysis, setThreshold } from './helpers/dashboard.ts';

const suite = useDashboard();

/** A small pair: x shifts in production, colour changes mix; Churn is the label. */
function pair(shift = 20): { reference: string; production: string } {
  const header = 'customerID,x,colour,Churn\n';
  const rows = (s: number) =>
    Array.from(
      { length: 300 },
      (_, i) =>
        `c${i},${(i % 50) + (i % 3 === 0 ? s : 0)},${['red', 'green', 'blue'][(i + s) % 3 === 0 ? 0 : i % 3]},${i % 2 ? 'Yes' : 'No'}\n`,
    ).join('');
  return { reference: header + rows(0), production: header + rows(shift) };
}

async function choosePair(page: Page, production = 'prod.csv', shift = 20): Promise<void> {
  const p = pair(shift);
  await chooseFiles(page, { name: 'ref.csv', text: p.reference }, { name: production, text: p.production });
}

async function loadConfig(page: Page, name: string, yaml: string): Promise<void> {
  await page.getByLabel('Config (YAML)').setInputFiles({ name, mimeType: 'text/yaml', buffer: Buffer.from(yaml) });
  await page.getByTestId('config-file-name').filter({ hasText: name }).waitFor();
}

const staleNotice = (page: Page) => page.getByRole('status').filter({ hasText: 'Results are out of date' });

describe('results out of date (built app, headless Chromium)', () => {
  it('a label, column, file or config change marks the results stale until the next run; a threshold change does not', async () => {
    const { page } = await suite.open();
    await choosePair(page);
    expect(await page.getByLabel('Label column').inputValue()).toBe('Churn');
    expect(await runAnalysis(page)).toBe('done');
    expect(await staleNotice(page).count()).toBe(0);

    // Thresholds re-decide the shown results at once: they stay current.
    await setThreshold(page, 'PSI threshold', '0.5');
    await setThreshold(page, 'Chi-square p-value threshold', '0.01');
    expect(await staleNotice(page).count()).toBe(0);

    // The label.
    await page.getByLabel('Label column').selectOption({ label: '(none)' });
    await staleNotice(page).waitFor();
    expect(await staleNotice(page).innerText()).toMatch(/Results are out of date/);
    // Back to the setting the results were computed with: current again.
    await page.getByLabel('Label column').selectOption('Churn');
    await expect.poll(() => staleNotice(page).count()).toBe(0);

    // A column setting.
    await page.getByText(/Column types and drops/).click();
    await page.getByLabel('Drop colour').check();
    await staleNotice(page).waitFor();
    // "Run again" runs with the new settings and clears the notice.
    const before = Number(await page.locator('main.results').getAttribute('data-run-id'));
    await staleNotice(page).getByRole('button', { name: 'Run again' }).click();
    await page.waitForFunction((id) => Number(document.querySelector('main.results')?.getAttribute('data-run-id')) > id, before);
    await expect.poll(() => staleNotice(page).count()).toBe(0);
    const rerun = await downloadJsonReport(page);
    expect([...rerun.features, ...rerun.skipped].map((f) => f.name)).not.toContain('colour');

    // A file.
    await page
      .getByLabel('Production CSV')
      .setInputFiles({ name: 'prod2.csv', mimeType: 'text/csv', buffer: Buffer.from(pair(5).production) });
    await staleNotice(page).waitFor();
    expect(await runAnalysis(page)).toBe('done');
    expect(await staleNotice(page).count()).toBe(0);

    // The config.
    await loadConfig(page, 'monitor.yaml', 'data:\n  label_column: Churn\nthresholds:\n  psi: 0.3\n');
    await staleNotice(page).waitFor();
    expect(await runAnalysis(page)).toBe('done');
    expect(await staleNotice(page).count()).toBe(0);
    // The verdict banner is still the one status region the results helpers read.
    expect(await bannerText(page)).toMatch(/Drift detected|No drift detected/);
  });
});

describe('the verdict after a run on a phone', () => {
  it('at 390x844 the page scrolls to the verdict banner and keyboard focus moves to it', async () => {
    const { context, page } = await openDashboard(suite.app, { width: 390, height: 844 });
    try {
      await choosePair(page);
      expect(await runAnalysis(page)).toBe('done');
      const banner = page.getByTestId('verdict-banner');
      await expect.poll(() => banner.evaluate((el) => el === document.activeElement)).toBe(true);
      const box = await banner.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, height: window.innerHeight };
      });
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.top).toBeLessThan(box.height);
      expect(await banner.innerText()).toMatch(/Drift detected|No drift detected/);
    } finally {
      await context.close();
    }
  });
});

describe('a threshold entry the page cannot use', () => {
  it('"abc", 2 and -1 show an inline error with the value in effect; the run uses that value', async () => {
    const { page } = await suite.open();
    await choosePair(page);
    const p = page.getByLabel('Chi-square p-value threshold', { exact: true });
    const pRule = page.locator('#t-chi2_p_value-rule');
    await setThreshold(page, 'Chi-square p-value threshold', 'abc');
    await expect.poll(() => pRule.innerText()).toBe('Enter a number from 0 to 1; using 0.05');
    expect(await p.getAttribute('aria-invalid')).toBe('true');
    await setThreshold(page, 'Chi-square p-value threshold', '2');
    await expect.poll(() => pRule.innerText()).toBe('Enter a number from 0 to 1; using 0.05');
    await setThreshold(page, 'PSI threshold', '-1');
    await expect.poll(() => page.locator('#t-psi-rule').innerText()).toBe('Enter a number >= 0; using 0.2');

    expect(await runAnalysis(page)).toBe('done');
    const report = await downloadJsonReport(page);
    expect(report.settings.thresholds.chi2_p_value).toBe(0.05);
    expect(report.settings.thresholds.psi).toBe(0.2);

    // A valid entry takes effect and the error goes.
    await setThreshold(page, 'Chi-square p-value threshold', '0.01');
    await expect.poll(() => pRule.innerText()).toBe('flag when p <');
    expect(await p.getAttribute('aria-invalid')).toBeNull();

    // A config loaded over a rejected entry shows its own value, without the old complaint.
    await setThreshold(page, 'PSI threshold', 'x');
    await loadConfig(page, 't.yaml', 'thresholds:\n  psi: 0.2\n');
    await expect.poll(() => page.getByLabel('PSI threshold', { exact: true }).inputValue()).toBe('0.2');
    expect(await page.locator('#t-psi-rule').innerText()).toBe('flag when PSI >');
  });
});

describe('a config the dashboard cannot follow as written', () => {
  it('names a label column the file lacks with the closest name, and asks for the model file instead of a path', async () => {
    const { page } = await suite.open();
    await choosePair(page);
    await loadConfig(page, 'monitor.yaml', 'data:\n  label_column: churn\nmodel:\n  path: models/churn.onnx\n');
    const label = page.getByText(
      'Config: data.label_column "churn" is not a column of ref.csv; did you mean "Churn"? Columns: customerID, x, colour, Churn.',
    );
    const model = page.getByText(
      'Config: model.path is "models/churn.onnx", but this page cannot open files by path: choose the model file with the Model (ONNX) input.',
    );
    await label.waitFor();
    await model.waitFor();
    expect(await page.getByLabel('Label column').inputValue()).toBe('Churn');

    await page
      .getByLabel('Model (ONNX)')
      .setInputFiles({ name: 'churn.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from([8, 7]) });
    await expect.poll(() => model.count()).toBe(0);
    expect(await label.count()).toBe(1);
    // A config that fits the file says nothing.
    await loadConfig(page, 'fits.yaml', 'data:\n  label_column: Churn\n');
    await expect.poll(() => label.count()).toBe(0);
  });
});
