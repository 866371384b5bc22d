/**
 * Layout at desktop and phone width: a long column name is never broken mid-word in a table (the
 * table's box scrolls sideways instead), the charts' mode bar covers no legend, and no axis label is
 * cut off at the figure's edge.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openDashboard, useDashboard, type OpenedPage } from './helpers/browser.ts';
import { chooseFiles, loadDemo, runAnalysis } from './helpers/dashboard.ts';

const suite = useDashboard();
const PHONE = { width: 390, height: 844 };
const LONG = 'average_monthly_transaction_amount_in_euros';

const opened: OpenedPage[] = [];
async function open(viewport: { width: number; height: number }): Promise<Page> {
  const p = await openDashboard(suite.app, viewport);
  opened.push(p);
  return p.page;
}

/** A pair with one long snake_case column name (no place to wrap) that drifts, and a short one. */
function longNamePair(): { reference: string; production: string } {
  let reference = `${LONG},segment\n`;
  let production = reference;
  for (let i = 0; i < 400; i++) {
    reference += `${(i * 37) % 200},${['a', 'b', 'c'][i % 3]}\n`;
    production += `${((i * 37) % 200) + 40},${['a', 'b', 'c'][(i + (i % 5 === 0 ? 1 : 0)) % 3]}\n`;
  }
  return { reference, production };
}

/** How many lines the element's text takes (distinct tops of its line boxes). */
function lines(cell: Locator): Promise<number> {
  return cell.evaluate((el) => {
    const r = document.createRange();
    r.selectNodeContents(el);
    return new Set([...r.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top))).size;
  });
}

/** scrollWidth and clientWidth of the nearest horizontally scrolling box around `cell`. */
function scrollBox(cell: Locator): Promise<{ scrollWidth: number; clientWidth: number; overflowX: string }> {
  return cell.evaluate((el) => {
    let e: HTMLElement | null = el.parentElement;
    while (e && !['auto', 'scroll'].includes(getComputedStyle(e).overflowX)) e = e.parentElement;
    if (!e) return { scrollWidth: 0, clientWidth: 0, overflowX: 'none' };
    return { scrollWidth: e.scrollWidth, clientWidth: e.clientWidth, overflowX: getComputedStyle(e).overflowX };
  });
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** For every chart: whether its mode bar overlaps its legend, and the axis labels that stick out of the figure. */
async function chartProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const charts = page.locator('.js-plotly-plot');
  const n = await charts.count();
  for (let c = 0; c < n; c++) {
    const chart = charts.nth(c);
    await chart.scrollIntoViewIfNeeded();
    await chart.hover();
    const figure = (await chart.locator('.main-svg').first().boundingBox())!;
    const bar = await chart.locator('.modebar').boundingBox();
    const legend = await chart.locator('g.legend').boundingBox();
    if (bar && legend && overlap(bar, legend)) problems.push(`chart ${c}: the mode bar covers the legend`);
    const labels = chart.locator('.xtick text, .ytick text, .g-xtitle text, .g-ytitle text');
    for (let i = 0; i < (await labels.count()); i++) {
      const b = await labels.nth(i).boundingBox();
      if (!b || b.width === 0) continue;
      const inside =
        b.x >= figure.x - 1 &&
        b.y >= figure.y - 1 &&
        b.x + b.width <= figure.x + figure.width + 1 &&
        b.y + b.height <= figure.y + figure.height + 1;
      if (!inside) problems.push(`chart ${c}: label "${await labels.nth(i).textContent()}" is cut`);
    }
  }
  return problems;
}

describe('layout at desktop and phone width (built app, headless Chromium)', () => {
  it('at 390x844 a long column name stays on one line and its table scrolls sideways', async () => {
    const page = await open(PHONE);
    const pair = longNamePair();
    await chooseFiles(page, { name: 'long-ref.csv', text: pair.reference }, { name: 'long-prod.csv', text: pair.production });
    await page.getByText(/Column types and drops/).click();
    const header = page.locator('th[scope="row"]', { hasText: LONG });
    await header.waitFor();
    expect(await lines(header)).toBe(1);
    const settings = await scrollBox(header);
    expect(settings.scrollWidth).toBeGreaterThan(settings.clientWidth);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    expect(await runAnalysis(page)).toBe('done');
    const cell = page.locator('#ks-table tbody td', { hasText: LONG });
    expect(await lines(cell)).toBe(1);
    const ks = await scrollBox(cell);
    expect(ks.overflowX).toBe('auto');
    expect(ks.scrollWidth).toBeGreaterThan(ks.clientWidth);
    // The page itself does not scroll sideways: only the table's box does.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // The charts' margins are computed from the labels (no automargin): the long name's labels still fit.
    await expect.poll(() => page.locator('.js-plotly-plot').count()).toBe(3);
    expect(await chartProblems(page)).toEqual([]);
  }, 120_000);

  for (const viewport of [{ width: 1280, height: 900 }, PHONE]) {
    it(`at ${viewport.width}x${viewport.height} no mode bar covers a legend and no axis label is cut (demo: every chart view)`, async () => {
      const page = await open(viewport);
      await loadDemo(page);
      expect(await runAnalysis(page)).toBe('done');
      const problems: string[] = [];
      for (const feature of ['data_usage_gb', 'contract', 'support_calls']) {
        await page.getByLabel('Feature', { exact: true }).selectOption(feature);
        await page.locator('[data-testid="explorer-facts"] .name', { hasText: feature }).waitFor();
        await expect
          .poll(() => page.locator('section[aria-labelledby="explorer-h"] .js-plotly-plot .g-xtitle text').first().textContent())
          .toContain(feature);
        problems.push(...(await chartProblems(page)).map((p) => `${feature}: ${p}`));
      }
      expect(problems).toEqual([]);
    }, 120_000);
  }
});
