/**
 * The HTML report from the dashboard equals the CLI's for the same pair (after normalising the one
 * field that legitimately differs: the generation time in the header), and the file opened from
 * file:// in Chromium with every request refused renders every section with no request, no console
 * error and no dialog; hostile column names and categories stay text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/runCli.ts';
import { useDashboard } from './helpers/browser.ts';
import { chooseFiles, runAnalysis } from './helpers/dashboard.ts';

const suite = useDashboard();
const HOSTILE_COLUMN = '<img src=x onerror=alert(1)>';
const HOSTILE_CATEGORY = '"><script>alert(2)</script>';

/** A drifted pair with a hostile column name and a hostile category, in a fresh folder. */
function hostilePair(): { dir: string; ref: string; prod: string } {
  const dir = tempDir('dm-html-e2e-');
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const rows = (shift: number) =>
    [
      `${q(HOSTILE_COLUMN)},amount,kind`,
      ...Array.from({ length: 600 }, (_, i) => {
        const kind = ['a', 'b', HOSTILE_CATEGORY][(i + shift) % 3];
        return `${((i * 7919) % 300) + shift * 40},${((i * 104729) % 1000) / 10},${q(kind)}`;
      }),
    ].join('\n') + '\n';
  const ref = join(dir, 'ref.csv');
  const prod = join(dir, 'prod.csv');
  writeFileSync(ref, rows(0));
  writeFileSync(prod, rows(1));
  return { dir, ref, prod };
}

/** The generation time is the only field that differs between two runs of the same inputs. */
const normalise = (page: string) => page.replace(/generated \d{4}-\d\d-\d\dT[\d:.]+Z/, 'generated <time>');

const SECTION_IDS = ['verdict', 'kpis', 'drift-scores', 'tests', 'distributions', 'missing', 'warnings', 'performance', 'inputs', 'config'];

describe('HTML report', () => {
  it('the dashboard downloads the same HTML as the CLI writes, which renders offline from file:// with hostile names as text', async () => {
    const { dir, ref, prod } = hostilePair();
    const cli = runCli(['-r', ref, '-p', prod, '-o', 'r.json', '--html', 'cli.html', '-q'], dir);
    expect(cli.code, cli.stderr).toBe(0);
    const cliPage = readFileSync(join(dir, 'cli.html'), 'utf8');

    const { page, errors } = await suite.open();
    await chooseFiles(page, { name: 'ref.csv', path: ref }, { name: 'prod.csv', path: prod });
    expect(await runAnalysis(page)).toBe('done');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download HTML report' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('drift_report.html');
    const dashPage = readFileSync(await download.path(), 'utf8');
    expect(errors).toEqual([]);
    expect(normalise(dashPage)).toBe(normalise(cliPage));
    expect(dashPage).not.toBe(normalise(dashPage));

    // Opened from file:// with the network refused: any request other than the file fails the test.
    const file = join(dir, 'dashboard.html');
    writeFileSync(file, dashPage);
    const url = pathToFileURL(file).href;
    const context = await suite.app.browser.newContext();
    const requests: string[] = [];
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (u === url) return route.continue();
      requests.push(u);
      return route.abort();
    });
    const report = await context.newPage();
    const consoleErrors: string[] = [];
    const dialogs: string[] = [];
    report.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    report.on('pageerror', (e) => consoleErrors.push(e.message));
    report.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await report.goto(url);
    await report.waitForLoadState('load');
    for (const id of SECTION_IDS) {
      await expect.poll(() => report.locator(`section#${id}`).isVisible()).toBe(true);
      expect(await report.locator(`section#${id} h2`).innerText()).not.toBe('');
    }
    expect(await report.locator('section#distributions svg').count()).toBeGreaterThanOrEqual(5);
    // Hostile text is text: shown as typed, and no element or handler came of it.
    expect(await report.locator('section#distributions h3').allInnerTexts()).toContain(`${HOSTILE_COLUMN} (drifted)`);
    expect(await report.locator('section#tests tbody th').allInnerTexts()).toContain(HOSTILE_COLUMN);
    expect(await report.locator('img, script, iframe, object, embed').count()).toBe(0);
    expect(
      await report.evaluate(() => [...document.querySelectorAll('*')].some((e) => [...e.attributes].some((a) => a.name.startsWith('on')))),
    ).toBe(false);
    await report.waitForTimeout(300);
    expect(requests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('a profile run: the dashboard (reference profile + production CSV) downloads the same HTML as the CLI writes', async () => {
    const { dir, ref, prod } = hostilePair();
    expect(runCli(['profile', ref, '-o', 'ref.profile'], dir).code).toBe(0);
    const cli = runCli(['-r', 'ref.profile', '-p', prod, '-o', 'r.json', '--html', 'cli.html', '-q'], dir);
    expect(cli.code, cli.stderr).toBe(0);
    const { page, errors } = await suite.open();
    await chooseFiles(page, { name: 'ref.profile', path: join(dir, 'ref.profile') }, { name: 'prod.csv', path: prod });
    expect(await runAnalysis(page)).toBe('done');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download HTML report' }).click(),
    ]);
    const dashPage = readFileSync(await download.path(), 'utf8');
    expect(errors).toEqual([]);
    expect(dashPage).toContain('aria-label="Histogram of &lt;img src=x onerror=alert(1)&gt;"');
    expect(normalise(dashPage)).toBe(normalise(readFileSync(join(dir, 'cli.html'), 'utf8')));
  });
});
