/**
 * The dashboard on real pairs cut from public datasets (tests/fixtures/real), uploaded through
 * the labelled file inputs, against the CLI's report for the same files and settings: the banner, the
 * tables, and the downloaded JSON and CSV (equal apart from generated_at and file paths, numbers within
 * tests/helpers/numbersClose.ts's tolerance: the two engines' Math functions differ in the last bit).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/types.ts';
import { runCli, tempDir } from '../cli/runCli.ts';
import { realPair, type RealPair as Pair } from '../helpers/realPairs.ts';
import { openDashboard, offOrigin, useDashboard } from './helpers/browser.ts';
import { comparableReport, expectAgreement, expectCsvAgreement } from './helpers/comparableReport.ts';
import { bannerText, chooseFiles, downloadJsonReport, downloadScoresCsv, runAnalysis, tableNames } from './helpers/dashboard.ts';

const dir = tempDir('dm-e2e-real-');
const suite = useDashboard();

/** The CLI report and scores for a pair. */
function cliRun(p: Pair): { report: Report; scores: string } {
  const out = join(dir, `${p.name}.json`);
  const scores = join(dir, `${p.name}.csv`);
  const args = ['-r', p.reference, '-p', p.production, '-o', out, '-s', scores];
  if (p.label) args.push('-l', p.label);
  if (p.drop.length) args.push('--drop', p.drop.join(','));
  const r = runCli(args);
  if (r.code !== 0) throw new Error(r.stderr);
  return { report: JSON.parse(readFileSync(out, 'utf8')) as Report, scores: readFileSync(scores, 'utf8') };
}

describe.each(['bank', 'adult', 'bike', 'electricity'])('the dashboard on the real pair %s', (name) => {
  it('shows the CLI verdict, the same tables, and downloads the same report and scores', async () => {
    const pair = realPair(name);
    const cli = cliRun(pair);
    const { page, requests, dialogs, context } = await openDashboard(suite.app);
    try {
      await chooseFiles(page, { name: 'reference.csv', path: pair.reference }, { name: 'production.csv', path: pair.production });
      await page.getByLabel('Label column').selectOption(pair.label ?? '(none)');
      if (pair.drop.length) {
        await page.getByText(/Column types and drops/).click();
        for (const c of pair.drop) await page.getByLabel(`Drop ${c}`, { exact: true }).check();
      }
      expect(await runAnalysis(page)).toBe('done');

      const banner = await bannerText(page);
      expect(banner).toContain(cli.report.summary.overall_drift ? 'Drift detected' : 'No drift detected');
      const numerical = cli.report.features.filter((f) => f.type === 'numerical').map((f) => f.name);
      const categorical = cli.report.features.filter((f) => f.type === 'categorical').map((f) => f.name);
      expect((await tableNames(page, 'ks-table')).sort()).toEqual(numerical.sort());
      expect((await tableNames(page, 'chi2-table')).sort()).toEqual(categorical.sort());
      const skipped = cli.report.skipped.map((s) => s.name).sort();
      expect((await tableNames(page, 'skipped-table')).sort()).toEqual(skipped.length ? skipped : ['No column was skipped.']);

      const report = await downloadJsonReport(page);
      expectAgreement(`${name} report`, comparableReport(report), comparableReport(cli.report, [pair.reference, pair.production]));
      expectCsvAgreement(`${name} scores`, await downloadScoresCsv(page), cli.scores);

      expect(offOrigin(requests, suite.app.origin)).toEqual([]);
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
