/**
 * Real-world CSV files in the dashboard: a Windows-1252 reference and a ";"-separated production file
 * with decimal commas are read as the CLI reads them (the same core), with the same warnings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDashboard } from './helpers/browser.ts';
import { bannerText, chooseFiles, downloadJsonReport, runAnalysis } from './helpers/dashboard.ts';

const suite = useDashboard();
const fixture = (name: string) => join(__dirname, '../fixtures/csv', name);

describe('dashboard: Windows-1252 and decimal-comma files', () => {
  it('reads "Köln" from a Windows-1252 file, decimal commas as numbers, and lists both interpretations as warnings', async () => {
    const { page, errors } = await suite.open();
    await chooseFiles(
      page,
      { name: 'cities_1252.csv', path: fixture('cities_1252.csv') },
      { name: 'cities_decimal_comma.csv', path: fixture('cities_decimal_comma.csv') },
    );
    expect(await runAnalysis(page)).toBe('done');
    expect(await bannerText(page)).toMatch(/No drift/i);

    const warnings = await page.locator('ul.warnings li').allInnerTexts();
    expect(warnings).toContain(
      'cities_1252.csv is not valid UTF-8 (first bad byte at offset 20); read as Windows-1252. Set data.encoding to override.',
    );
    expect(warnings).toContain(
      'column "amount" in cities_decimal_comma.csv: read "0,25" as 0.25 (decimal comma); set data.decimal / data.thousands to override',
    );

    // "Köln" as a category tick of the explorer's bars, never "K\ufffdln".
    const plotText = () => page.locator('.js-plotly-plot').evaluateAll((els) => els.map((e) => e.textContent ?? '').join(' '));
    await page.getByLabel('Feature', { exact: true }).selectOption('city');
    await expect.poll(plotText).toContain('Köln');
    expect(await plotText()).not.toContain('\ufffd');

    const report = await downloadJsonReport(page);
    expect(report.features.map((f) => [f.name, f.type])).toEqual([
      ['city', 'categorical'],
      ['amount', 'numerical'],
      ['visits', 'numerical'],
    ]);
    const city = report.features.find((f) => f.name === 'city')!;
    expect(city.categories_only_in_reference).toEqual([]);
    expect(city.categories_only_in_production).toEqual([]);
    expect(report.features.find((f) => f.name === 'amount')!.ks!.statistic).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows "not a CSV file" for an Excel workbook, in one line', async () => {
    const { page } = await suite.open();
    await chooseFiles(
      page,
      { name: 'reference.xlsx', bytes: readFileSync(fixture('not_csv.xlsx')) },
      { name: 'cities_utf8.csv', path: fixture('cities_utf8.csv') },
    );
    expect(await runAnalysis(page)).toBe('error');
    const alert = (await page.getByRole('alert').innerText()).trim();
    expect(alert).toContain('reference.xlsx is not a CSV file (looks like an Excel workbook); export it as CSV');
    expect(alert.split('\n')).toHaveLength(1);
  });
});
