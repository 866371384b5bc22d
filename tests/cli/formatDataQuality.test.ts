/** The data-quality lines of the terminal summary, on the hand-made files of tests/core/quality. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.ts';
import { analyseProfiles } from '../../src/core/profile/analyseProfiles.ts';
import { buildReport } from '../../src/core/buildReport.ts';
import { defaultConfig } from '../../src/core/config/defaults.ts';
import { parseCsv } from '../../src/core/table/parseCsv.ts';
import { loadKernels } from '../../src/kernels/index.ts';
import { formatSummary } from '../../src/cli/printSummary.ts';
import { profileOf } from '../core/profile/profileOf.ts';

const meta = { generatedAt: '2026-01-01T00:00:00.000Z', version: '0.0.0' };
const read = (name: string, text?: string) =>
  parseCsv(text ?? readFileSync(new URL(`../fixtures/quality/${name}`, import.meta.url), 'utf8'), {
    file: name,
    delimiter: 'auto',
    missingValues: [''],
  });

describe('formatSummary: data quality', () => {
  it('prints each figure worth reading, flags above a threshold', async () => {
    const c = defaultConfig();
    c.columns.max_categorical_unique = 3;
    c.thresholds.unseen_share = 0.25;
    const k = await loadKernels();
    const out = formatSummary(buildReport(analyse(await read('reference.csv'), await read('production.csv'), c, k), c, meta));
    const start = out.indexOf('data quality:');
    expect(out.slice(start).split('\n').slice(0, 10)).toEqual([
      'data quality:',
      '  type changed: plan: categorical in reference, numerical in production',
      '  unseen categories: region: 30.0% of production values (3) in d, e  FLAG',
      '  unseen categories: country: 10.0% of production values (1) in DE',
      '  unseen categories overall: 13.3% of categorical production values',
      '  out of range: plan: 40.0% of production values outside [1, 3] (0 below, 4 above)',
      '  out of range: amount: 40.0% of production values outside [10, 90] (2 below, 2 above)',
      '  constant: country (one value in reference)',
      '  constant: channel (one value in production)',
      '  duplicate rows: reference 10.0% (1), production 10.0% (1)',
    ]);
  });

  it('profile runs say duplicates need rows; control characters in names do not reach the terminal', async () => {
    const c = defaultConfig();
    const ref = await read('r.csv', 'k\x1b[31m,x\na,1\nb,2\n');
    const prod = await read('p.csv', 'k\x1b[31m,x\nc,1\nb,2\n');
    const out = formatSummary(buildReport(analyseProfiles(profileOf(ref), profileOf(prod), c), c, meta));
    expect(out).toContain('duplicate rows: not available from a profile (it keeps no rows)');
    expect(out).toContain('unseen categories: k?[31m: 50.0% of production values (1) in c');
    expect(out).not.toContain('\x1b');
  });
});
