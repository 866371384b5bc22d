import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/config/defaults.ts';
import type { Config } from '../../src/core/config/types.ts';
import type { PerformanceReport, Summary } from '../../src/core/report/types.ts';
import { retrainingReasons, runRetraining } from '../../src/core/retraining.ts';
import { takeRows } from '../../src/core/retraining/takeRows.ts';
import { createOnnxRunner } from '../../src/onnx/ortNode.ts';
import { expected, fixturePair } from './train/helpers.ts';
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../src/core/table/parseCsv.ts';
import { planColumns } from '../../src/core/table/planColumns.ts';
import { numberAt, numericValues } from '../../src/core/table/numericValues.ts';

const drift: Summary = {
  features: 4,
  numerical: 2,
  categorical: 2,
  drifted: 2,
  drifted_fraction: 0.5,
  drifted_features: ['a', 'b'],
  max_psi: 0.3,
  max_ks: 0.2,
  overall_drift: true,
  reasons: [{ rule: 'drift_feature_fraction', message: '2 of 4 features drifted (50.0%), more than 30%' }],
};
const calm: Summary = { ...drift, drifted: 0, drifted_fraction: 0, drifted_features: [], overall_drift: false, reasons: [] };

function config(retraining: Partial<Config['retraining']> = {}): Config {
  return {
    ...DEFAULT_CONFIG,
    data: { ...DEFAULT_CONFIG.data, label_column: expected.label },
    retraining: { ...DEFAULT_CONFIG.retraining, enabled: true, ...retraining },
  };
}

describe('retrainingReasons(summary, performance)', () => {
  it('retrainingReasons(summary, null) lists the verdict reasons on overall drift, nothing without', () => {
    expect(retrainingReasons(drift, null)).toEqual(['2 of 4 features drifted (50.0%), more than 30%']);
    expect(retrainingReasons(calm, null)).toEqual([]);
  });
  it('retrainingReasons(summary, performance) adds the performance alert', () => {
    const perf = { alert: true, f1_drop: 0.08, f1_drop_threshold: 0.05 } as PerformanceReport;
    expect(retrainingReasons(calm, perf)).toEqual(['performance alert: F1 dropped by 0.0800 (threshold 0.05)']);
  });
});

describe('runRetraining(args)', () => {
  it('runRetraining: disabled, or no drift and no alert: not triggered, nothing trained', async () => {
    const { ref, prod, plans } = await fixturePair();
    const off = await runRetraining({
      reference: ref,
      production: prod,
      plans,
      summary: drift,
      performance: null,
      config: config({ enabled: false }),
      champion: null,
    });
    expect(off.section.status).toBe('not_triggered');
    expect(off.logRow).toBeNull();
    const quiet = await runRetraining({
      reference: ref,
      production: prod,
      plans,
      summary: calm,
      performance: null,
      config: config(),
      champion: null,
    });
    expect([quiet.section.triggered, quiet.challenger]).toEqual([false, null]);
  });

  it('runRetraining: manual retrains without drift; the exported challenger as champion scores equal on the held-out rows', async () => {
    const { ref, prod, plans } = await fixturePair();
    const first = await runRetraining({
      reference: ref,
      production: prod,
      plans,
      summary: calm,
      performance: null,
      config: config({ enabled: false }),
      champion: null,
      trigger: 'manual',
      now: '2026-01-01T00:00:00.000Z',
    });
    expect(first.section.status).toBe('retrained');
    expect(first.save).toBe(true);
    expect(first.logRow!.reason).toBe('manual: Retrain now');
    expect(first.logRow!.timestamp).toBe('2026-01-01T00:00:00.000Z');
    const runner = await createOnnxRunner(first.challenger!.bytes, 'challenger.onnx');
    try {
      const second = await runRetraining({
        reference: ref,
        production: prod,
        plans,
        summary: drift,
        performance: null,
        config: config({ min_improvement: 0.01 }),
        champion: { runner, file: 'challenger.onnx', version: first.challenger!.version },
      });
      // Same rows, same model: float32 ONNX and float64 trainer agree on every held-out label here.
      expect(second.section.champion!.f1).toBe(second.section.challenger!.f1);
      expect(second.section.promoted).toBe(false); // needs +0.01
      expect(second.save).toBe(false);
      expect(second.logRow!.model_version).toBe(first.challenger!.version);
      expect(second.logRow!.decision).toMatch(/^kept the champion: challenger F1 .* < champion F1 .* \+ min_improvement 0.01$/);
    } finally {
      await runner.release();
    }
  });

  it('runRetraining without a label column: cannot_retrain with the reason, no throw', async () => {
    const { ref, prod, plans } = await fixturePair();
    const c = config();
    c.data.label_column = null;
    const r = await runRetraining({
      reference: ref,
      production: prod,
      plans,
      summary: drift,
      performance: null,
      config: c,
      champion: null,
    });
    expect(r.section.status).toBe('cannot_retrain');
    expect(r.section.message).toMatch(/^cannot retrain: no label column/);
  });
});

describe('takeRows(table, rows)', () => {
  it('runRetraining: production labels Yes/No with reference 0/1 and a champion whose classes are 0/1 retrain as 0/1 labels do', async () => {
    const onnx = new URL('../fixtures/onnx/', import.meta.url);
    const text = (name: string) => readFileSync(new URL(name, onnx), 'utf8');
    const yesNo = (csv: string) => {
      const lines = csv.trimEnd().split('\n');
      const at = lines[0].split(',').indexOf('y');
      return (
        lines
          .map((l, i) =>
            i === 0
              ? l
              : l
                  .split(',')
                  .map((v, j) => (j === at && v !== '' ? (v === '1' ? 'Yes' : 'No') : v))
                  .join(','),
          )
          .join('\n') + '\n'
      );
    };
    const opts = { delimiter: 'auto' as const, missingValues: [''] };
    const reference = await parseCsv(text('reference.csv'), { file: 'reference.csv', ...opts });
    const cfg: Config = {
      ...DEFAULT_CONFIG,
      data: { ...DEFAULT_CONFIG.data, label_column: 'y' },
      columns: { ...DEFAULT_CONFIG.columns, drop: ['kind'] },
      model: { ...DEFAULT_CONFIG.model, features: ['x0', 'x1', 'x2', 'x3'] },
      retraining: { ...DEFAULT_CONFIG.retraining, enabled: true },
    };
    const run = async (prodText: string) => {
      const production = await parseCsv(prodText, { file: 'production.csv', ...opts });
      const { plans } = planColumns(reference, production, {
        label: 'y',
        drop: ['kind'],
        numerical: [],
        categorical: [],
        maxCategoricalUnique: 20,
      });
      const runner = await createOnnxRunner(readFileSync(new URL('linear.onnx', onnx)), 'linear.onnx');
      try {
        return await runRetraining({
          reference,
          production,
          plans,
          summary: drift,
          performance: null,
          config: cfg,
          champion: { runner, file: 'linear.onnx', version: null },
        });
      } finally {
        await runner.release();
      }
    };
    const digits = await run(text('production.csv'));
    const words = await run(yesNo(text('production.csv')));
    expect(words.section.status, words.section.message).toBe('retrained');
    expect(words.section.rows).toEqual(digits.section.rows);
    expect(words.section.champion!.f1).toBe(digits.section.champion!.f1);
    expect(words.section.challenger!.f1).toBe(digits.section.challenger!.f1);
    expect(words.challenger!.model.classes).toEqual(['0', '1']);
  });

  it('takeRows(table, rows) keeps the chosen rows in order with recounted missing cells', async () => {
    const { prod } = await fixturePair();
    const rows = Int32Array.of(3, 0, 3);
    const t = takeRows(prod, rows);
    expect(t.rows).toBe(3);
    for (const c of t.columns) {
      const src = prod.columns.find((x) => x.name === c.name)!;
      expect(Array.from(numericValues(c))).toEqual(Array.from(rows, (r) => numberAt(src, r)));
      if (src.codes) expect(Array.from(c.codes!)).toEqual(Array.from(rows, (r) => src.codes![r]));
      expect(c.missing).toBe(Array.from(rows).filter((r) => (src.codes ? src.codes[r] < 0 : Number.isNaN(numberAt(src, r)))).length);
    }
  });
});
