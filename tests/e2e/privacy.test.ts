/**
 * Nothing leaves the page, not even on a click: with the demo (and its model) run, every chart view is
 * opened (drift scores, the explorer's numerical histogram and ECDF in both scales, its categorical
 * bars), every button of every chart's mode bar is clicked, with whatever a click reveals, and every
 * link in the page. No popup, new page, navigation away, dialog or request outside the origin may follow,
 * and every request of the whole session is one of the app's own files (OWN_FILES).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useDashboard } from './helpers/browser.ts';
import { loadDemo, runAnalysis } from './helpers/dashboard.ts';
import { clickWithRevealed, watchLeaks, type LeakWatch } from './helpers/leaks.ts';

const suite = useDashboard();

/**
 * Everything the page may request, relative to the app's URL: the page, the built scripts, styles and
 * wasm (dist/assets: the app, its two workers, Plotly, the drift kernels, onnxruntime-web's wasm) and
 * the demo files. The README's Privacy section lists the same.
 */
const OWN_FILES = /^(|index\.html|assets\/[\w.-]+\.(js|css|wasm)|demo\/(reference\.csv|production\.csv|model\.onnx))$/;

/** What each chart's mode bar may hold (data-title of the buttons): zoom, pan, reset, PNG download. */
const ALLOWED = ['Zoom', 'Pan', 'Reset axes', 'Download plot as a PNG'];

/**
 * Clicks every mode-bar button of every chart now in the page, checking after each one that nothing
 * left the page (so a failure names the button); returns the titles it clicked.
 */
async function clickEveryModeBar(page: Page, watch: LeakWatch): Promise<string[]> {
  const clicked: string[] = [];
  const charts = page.locator('.js-plotly-plot');
  const nCharts = await charts.count();
  for (let c = 0; c < nCharts; c++) {
    const chart = charts.nth(c);
    await chart.scrollIntoViewIfNeeded();
    await chart.hover();
    const buttons = chart.locator('.modebar-btn');
    const n = await buttons.count();
    for (let b = 0; b < n; b++) {
      const title = (await buttons.nth(b).getAttribute('data-title')) ?? (await buttons.nth(b).getAttribute('href')) ?? '?';
      clicked.push(title);
      await clickWithRevealed(page, () => chart.locator('.modebar-btn').nth(b), chart);
      expect({ chart: c, button: title, leaks: watch.leaks() }).toEqual({ chart: c, button: title, leaks: [] });
    }
  }
  return clicked;
}

async function openFeature(page: Page, name: string, charts: number): Promise<void> {
  await page.getByLabel('Feature', { exact: true }).selectOption(name);
  await page.locator('[data-testid="explorer-facts"] .name', { hasText: name }).waitFor();
  await expect.poll(() => page.locator('.js-plotly-plot').count()).toBe(charts + 1);
}

describe('privacy: no click leaves the page (built app, headless Chromium)', () => {
  it('every mode-bar button of every chart and every link: no popup, new page, navigation, dialog or off-origin request', async () => {
    const opened = await suite.open();
    const { page } = opened;
    const watch = watchLeaks(opened, suite.app.url, suite.app.origin);
    await loadDemo(page);
    expect(await runAnalysis(page)).toBe('done');
    await page.getByTestId('performance-alert').waitFor(); // the demo model ran: its section is open

    const titles: string[] = [];
    // Drift scores and a numerical feature (histogram and ECDF), in both scales.
    await openFeature(page, 'data_usage_gb', 2);
    titles.push(...(await clickEveryModeBar(page, watch)));
    const log = page.getByLabel('Log scale');
    if ((await log.count()) > 0) {
      await log.setChecked(!(await log.isChecked()));
      titles.push(...(await clickEveryModeBar(page, watch)));
    }
    // A categorical feature's grouped bars.
    await openFeature(page, 'contract', 1);
    titles.push(...(await clickEveryModeBar(page, watch)));

    // Every link in the page, after all of that (including any a chart added).
    const links = page.locator('a[href]');
    const nLinks = await links.count();
    for (let i = 0; i < nLinks; i++) {
      await clickWithRevealed(page, () => page.locator('a[href]').nth(i));
      expect(watch.leaks()).toEqual([]);
    }

    expect(titles.length).toBeGreaterThan(0);
    expect([...new Set(titles)].filter((t) => !ALLOWED.includes(t))).toEqual([]);
    expect(watch.leaks()).toEqual([]);
    const paths = opened.requests
      .filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'))
      .map((u) => (u.startsWith(suite.app.url) ? u.slice(suite.app.url.length).split(/[?#]/)[0] : u));
    expect(paths.filter((p) => !OWN_FILES.test(p))).toEqual([]);
    expect(paths).toContain('demo/model.onnx');
  }, 240_000);
});
