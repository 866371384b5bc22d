/**
 * Large CSVs are parsed in parts on several workers and merged (src/ui/run/planParts.ts,
 * src/workers/receiveTable.ts): the run reports exactly what the one-piece parse reports. The page's
 * test-only query options split the small fixtures here into parts (parse-workers, parse-min-bytes,
 * parse-part-bytes); a file the parts cannot give exactly (a quoted field) is read in one piece.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { recordDashboard, useDashboard } from './helpers/browser.ts';
import { chooseFiles, downloadJsonReport, runAnalysis } from './helpers/dashboard.ts';
import { comparableReport } from './helpers/comparableReport.ts';
import type { Report } from '../../src/core/report/types.ts';

const suite = useDashboard();
const SPLIT = '?parse-workers=8&parse-min-bytes=1&parse-part-bytes=4000';

/** A deterministic pair: numbers (some with decimals, some missing), categories, a label; `shift` drifts production. */
function csv(rows: number, seed: number, shift: number, quoted = false): string {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = ['amount,count,segment,region,label'];
  for (let i = 0; i < rows; i++) {
    const amount = i % 97 === 0 ? '' : (next() * 100 + shift).toFixed(2);
    const count = Math.floor(next() * 20 + shift / 10);
    const segment = ['a', 'b', 'c', 'd'][Math.floor(next() * (shift > 0 ? 3 : 4))];
    const region = quoted && i === rows - 5 ? '"north, east"' : ['north', 'south', 'east'][i % 3];
    lines.push(`${amount},${count},${segment},${region},${next() < 0.3 ? 1 : 0}`);
  }
  return lines.join('\n') + '\n';
}

async function runOn(query: string, reference: string, production: string): Promise<{ report: Report; parts: string; page: Page }> {
  const context = await suite.app.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const { page } = await recordDashboard(context, suite.app.url + query);
  await chooseFiles(page, { name: 'reference.csv', text: reference }, { name: 'production.csv', text: production });
  expect(await runAnalysis(page)).toBe('done');
  const parts = (await page.locator('main.results').getAttribute('data-read-parts')) ?? '';
  return { report: await downloadJsonReport(page), parts, page };
}

describe('dashboard: parallel parsing in parts', () => {
  it('reports exactly what the one-piece parse reports, the files read in several parts each', async () => {
    const reference = csv(3000, 7, 0);
    const production = csv(2500, 11, 8);
    const whole = await runOn('', reference, production);
    const split = await runOn(SPLIT, reference, production);
    expect(whole.parts).toBe('1,1');
    const [r, p] = split.parts.split(',').map(Number);
    expect(r).toBeGreaterThan(1);
    expect(p).toBeGreaterThan(1);
    expect(comparableReport(split.report)).toEqual(comparableReport(whole.report));
    expect(whole.report.summary.overall_drift).toBe(true);
    await whole.page.context().close();
    await split.page.context().close();
  }, 180_000);

  it('reads a file with a quoted field in one piece (a split might fall inside quotes), with the same report', async () => {
    const reference = csv(3000, 7, 0, true);
    const production = csv(2500, 11, 8);
    const whole = await runOn('', reference, production);
    const split = await runOn(SPLIT, reference, production);
    expect(split.parts.split(',').map(Number)[0]).toBe(1);
    expect(split.parts.split(',').map(Number)[1]).toBeGreaterThan(1);
    expect(comparableReport(split.report)).toEqual(comparableReport(whole.report));
    await whole.page.context().close();
    await split.page.context().close();
  }, 180_000);
});
