/**
 * Layout at phone width: a long column name is never broken mid-word in a table (the table's box
 * scrolls sideways instead).
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openDashboard, useDashboard, type OpenedPage } from './helpers/browser.ts';
import { chooseFiles, runAnalysis } from './helpers/dashboard.ts';

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

describe('layout at phone width (built app, headless Chromium)', () => {
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
  }, 120_000);
});
