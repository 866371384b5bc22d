/**
 * The distribution explorer on the demo data: the missing shares next to the charts, the log-scale
 * toggle (on by default for a skewed positive feature, off for a symmetric one, unavailable with a
 * zero), and numeric categories in numeric order.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useDashboard } from './helpers/browser.ts';
import { loadDemo, runAnalysis } from './helpers/dashboard.ts';

const suite = useDashboard();

async function openFeature(page: Page, name: string): Promise<void> {
  await page.getByLabel('Feature', { exact: true }).selectOption(name);
  await page.locator('[data-testid="explorer-facts"] .name', { hasText: name }).waitFor();
  await page.getByTestId('explorer-missing').waitFor();
}

/** The x-axis titles of the explorer's charts (the section after the drift score chart). */
function xTitles(page: Page): Promise<string[]> {
  return page.locator('section[aria-labelledby="explorer-h"] .js-plotly-plot .g-xtitle text').allTextContents();
}

describe('distribution explorer (built app, headless Chromium)', () => {
  it('shows the missing shares, the log scale by the skew rule, and numeric categories in numeric order', async () => {
    const { page, errors } = await suite.open();
    await loadDemo(page);
    expect(await runAnalysis(page)).toBe('done');
    const log = page.getByLabel('Log scale');

    // public/demo: satisfaction is missing in 148 of 5000 reference rows and 1000 of 5000 production rows.
    await openFeature(page, 'satisfaction');
    expect((await page.getByTestId('explorer-missing').innerText()).replace(/\s+/g, ' ')).toContain(
      'Missing: reference 3.0% (148 rows) · production 20.0% (1,000 rows)',
    );
    await expect.poll(() => xTitles(page)).toEqual(['satisfaction', 'satisfaction']);
    expect(await log.isChecked()).toBe(false); // skewness -0.15: linear

    // data_usage_gb: all values > 0 and a long right tail (the page shows its pooled skewness, about 2).
    await openFeature(page, 'data_usage_gb');
    expect(await log.isChecked()).toBe(true);
    expect(await page.getByTestId('explorer-scale-note').innerText()).toMatch(/on by default: skewness 2\.\d+ is above 1/);
    await expect.poll(() => xTitles(page)).toEqual(['data_usage_gb (log scale)', 'data_usage_gb (log scale)']);
    await log.uncheck();
    await expect.poll(() => xTitles(page)).toEqual(['data_usage_gb', 'data_usage_gb']);
    expect(await page.locator('section[aria-labelledby="explorer-h"] .js-plotly-plot .xaxislayer-above .xtick').count()).toBeGreaterThan(1);

    // tenure_months has zeros: no log axis can show them.
    await openFeature(page, 'tenure_months');
    expect(await log.isDisabled()).toBe(true);
    expect(await page.getByTestId('explorer-scale-note').innerText()).toContain('needs values above 0 (the smallest is 0)');

    // support_calls (0-8, categorical): bars in numeric order, not by share.
    await openFeature(page, 'support_calls');
    expect(await log.count()).toBe(0);
    await expect
      .poll(() => page.locator('section[aria-labelledby="explorer-h"] .js-plotly-plot .xtick text').allTextContents())
      .toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8']);
    expect(errors).toEqual([]);
  }, 120_000);
});
