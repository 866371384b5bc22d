/**
 * The data-quality and multivariate-drift panels end to end in headless Chromium: figures of a small
 * hand-built pair, hostile column names and categories shown as text, and the domain classifier
 * (enabled by a config file) trained in the analysis worker.
 */
import { describe, expect, it } from 'vitest';
import { useDashboard } from './helpers/browser.ts';
import { bannerText, chooseFiles, loadDemo, runAnalysis, tableNames } from './helpers/dashboard.ts';
import { mulberry32 } from '../../src/core/samples/mulberry32.ts';
import { normalSampler } from '../../src/core/samples/normalSampler.ts';

const HOSTILE_NUMBER = '<img src=x onerror=alert(1)>';
const HOSTILE_TEXT = '<script>alert(2)</script>';
const HOSTILE_CATEGORY = '<a href="javascript:alert(3)">x</a>';

const suite = useDashboard();

/**
 * 400 rows per file. HOSTILE_NUMBER: 0..99 in the reference, 50..149 in production (half out of
 * range). HOSTILE_TEXT: red/blue, production adds the hostile category on every 4th row (25% unseen).
 * a, b: standard normal with correlation 0.8 in the reference and -0.8 in production.
 */
function pair(): { reference: string; production: string } {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const header = `${quote(HOSTILE_NUMBER)},${quote(HOSTILE_TEXT)},a,b\n`;
  const normal = normalSampler(mulberry32(5));
  const file = (prod: boolean) => {
    let text = header;
    for (let i = 0; i < 400; i++) {
      const a = normal();
      const b = (prod ? -0.8 : 0.8) * a + 0.6 * normal();
      const category = prod && i % 4 === 0 ? quote(HOSTILE_CATEGORY) : i % 2 ? 'red' : 'blue';
      text += `${(i % 100) + (prod ? 50 : 0)},${category},${a.toFixed(6)},${b.toFixed(6)}\n`;
    }
    return text;
  };
  return { reference: file(false), production: file(true) };
}

describe('data quality and multivariate drift panels (headless Chromium)', () => {
  it('show the figures, hostile names as text, and the domain classifier trained in the worker', async () => {
    const { page, dialogs, errors } = await suite.open();
    const { reference, production } = pair();
    await chooseFiles(page, { name: 'ref.csv', text: reference }, { name: 'prod.csv', text: production });
    await page.getByLabel('Config (YAML)').setInputFiles({
      name: 'drift.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from('domain_classifier:\n  enabled: true\nthresholds:\n  unseen_share: 0.2\n'),
    });
    expect(await runAnalysis(page)).toBe('done');

    await expect.poll(() => tableNames(page, 'dq-unseen-table')).toContain(HOSTILE_TEXT);
    const unseen = await page.locator('#dq-unseen-table tbody tr').first().innerText();
    expect(unseen).toContain(HOSTILE_CATEGORY);
    expect(unseen).toMatch(/25(\.0)?%/);
    expect(unseen).toMatch(/drifted/);
    const range = page.locator('#dq-range-table tbody tr').filter({ hasText: HOSTILE_NUMBER });
    expect(await range.innerText()).toMatch(/50(\.0)?%/);
    await expect.poll(() => page.locator('#dq-duplicates').innerText()).toMatch(/Reference 0(\.0)?%/);

    const auc = await page.locator('#domain-auc').innerText();
    expect(auc).toMatch(/AUC 0\.\d{3}/);
    expect(auc).toContain('multivariate drift');
    expect(auc).not.toContain('no multivariate drift');
    // Every column separates the files (the hostile ones by their shift, a and b jointly): all four
    // are listed, the hostile names as text.
    const top = await tableNames(page, 'domain-features-table');
    expect([...top].sort()).toEqual(['a', 'b', HOSTILE_NUMBER, HOSTILE_TEXT].sort());
    // The verdict names both new rules.
    const banner = await bannerText(page);
    expect(banner).toMatch(/unseen in the reference/);
    expect(banner).toMatch(/classifier tells production rows/);

    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    const hrefs = await page.locator('a').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => h.startsWith('javascript:'))).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('drift that matters: the demo model ranks every feature by drift x permutation importance, scored in the worker', async () => {
    const { page, errors } = await suite.open();
    await loadDemo(page);
    expect(await runAnalysis(page)).toBe('done');
    const names = await tableNames(page, 'drift-impact-table');
    const tested = [...(await tableNames(page, 'ks-table')), ...(await tableNames(page, 'chi2-table'))];
    expect([...names].sort()).toEqual([...new Set(tested)].sort());
    // Sorted by the weighted score, descending.
    const weighted = (await page.locator('#drift-impact-table tbody tr td:nth-child(2)').allInnerTexts()).map(Number);
    expect(weighted).toEqual([...weighted].sort((a, b) => b - a));
    expect(weighted[0]).toBeGreaterThan(0);
    expect(await page.getByText(/permutation: mean total variation change/).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
