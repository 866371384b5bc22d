import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.ts';
import { buildReport } from '../../src/core/buildReport.ts';
import { decide } from '../../src/core/decide.ts';
import { defaultConfig } from '../../src/core/config/defaults.ts';
import type { StatKernels } from '../../src/core/stattests/kernels.ts';
import { parseCsv } from '../../src/core/table/parseCsv.ts';
import { loadKernels } from '../../src/kernels/index.ts';

let k: StatKernels;
beforeAll(async () => {
  k = await loadKernels();
});

const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const csv = (file: string, rows: string[]) =>
  parseCsv(['x,c', ...rows].join('\n') + '\n', { file, delimiter: 'auto', missingValues: [''] });
const meta = { generatedAt: '2026-01-01T00:00:00.000Z', version: '0.0.0' };

describe('buildReport(analysis, config, meta, performance, { decision })', () => {
  it('reuses the decision it is given (the dashboard decides once per threshold change) and decides itself without one', async () => {
    const ref = await csv(
      'ref.csv',
      range(300, (i) => `${(i % 100) * 0.7},${'abc'[i % 3]}`),
    );
    const prod = await csv(
      'prod.csv',
      range(300, (i) => `${(i % 100) * 0.7 + 9},${'abcc'[i % 4]}`),
    );
    const config = defaultConfig();
    const analysis = analyse(ref, prod, config, k);
    const decision = decide(analysis.stats, config.thresholds);
    const report = buildReport(analysis, config, meta, null, { decision });
    expect(report.features).toBe(decision.features);
    expect(report.summary).toBe(decision.summary);
    const own = buildReport(analysis, config, meta);
    expect(own.features).not.toBe(decision.features);
    expect(own.features).toEqual(decision.features);
  });
});
