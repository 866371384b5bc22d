import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse.ts';
import { buildReport } from '../../../src/core/buildReport.ts';
import { defaultConfig } from '../../../src/core/config/defaults.ts';
import { renderHtmlReport } from '../../../src/core/htmlReport/renderHtmlReport.ts';
import { profileFromTable } from '../../../src/core/profile/profileBuilder.ts';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';
import { analyseWindows } from '../../../src/core/windows/analyseWindows.ts';
import { decideWindows } from '../../../src/core/windows/decideWindows.ts';
import { loadKernels } from '../../../src/kernels/index.ts';

const EVIL = '<img src=x onerror=alert(1)>';

function csv(rows: number, shiftFrom: number): string {
  const lines = [`x,"${EVIL}"`];
  for (let i = 0; i < rows; i++) lines.push(`${((i * 37) % 100) + (i >= shiftFrom ? 60 : 0)},${['a', 'b', 'c'][i % 3]}`);
  return lines.join('\n') + '\n';
}

describe('the HTML report with windows', () => {
  it('draws the windows heatmap as static SVG (one cell per window and feature), escapes names, lists drifted windows', async () => {
    const config = defaultConfig();
    config.windows.every = 100;
    config.windows.min_rows = 50;
    const read = (text: string, file: string) => parseCsv(text, { file, delimiter: 'auto', missingValues: [''] });
    const reference = await read(csv(1000, Infinity), 'ref.csv');
    const production = await read(csv(630, 300), 'prod.csv');
    const analysis = analyse(reference, production, config, await loadKernels());
    const report = buildReport(analysis, config, { generatedAt: '2026-01-01T00:00:00.000Z', version: '0.0.0' });
    const wa = analyseWindows({
      reference: profileFromTable(reference),
      referenceTable: null,
      productions: [production],
      timestamps: null,
      plans: analysis.plans,
      config,
    });
    Object.assign(report, decideWindows(wa, config));
    const page = renderHtmlReport({ report, distributions: [], inputs: [], configText: '' });
    expect(page).toContain('<section id="windows">');
    expect(page).toContain('drift since rows 301-400');
    // 7 windows x 2 features, each cell with its values in a <title>.
    expect(page.match(/<title>rows \d+-\d+ /g)).toHaveLength(14);
    expect(page).not.toContain(EVIL);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toMatch(/<script/i);
    expect(page).toMatch(/<th scope="row">rows 601-630<\/th>\s*<td>30<\/td>\s*<td>too small<\/td>/);
  });
});
