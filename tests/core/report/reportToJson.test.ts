import { describe, expect, it } from 'vitest';
import { reportToJson } from '../../../src/core/report/reportToJson.ts';
import type { Report } from '../../../src/core/report/types.ts';
import { sampleReport } from './sampleReport.ts';

/** The same value with every object's keys in reverse insertion order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

describe('reportToJson(report)', () => {
  it('reportToJson writes 2-space JSON with a trailing newline that parses back to the report', () => {
    const text = reportToJson(sampleReport());
    expect(text.startsWith('{\n  "schema_version": "1.0.0",\n  "generated_at": ')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(sampleReport());
  });

  it('writes keys in the order of the type, whatever order the object was built in', () => {
    const shuffled = reversedKeys(sampleReport()) as Report;
    expect(Object.keys(shuffled)[0]).toBe('drift_impact');
    expect(reportToJson(shuffled)).toBe(reportToJson(sampleReport()));
    const parsed = JSON.parse(reportToJson(shuffled));
    expect(Object.keys(parsed)).toEqual([
      'schema_version',
      'generated_at',
      'tool',
      'data',
      'settings',
      'summary',
      'features',
      'skipped',
      'warnings',
      'performance',
      'retraining',
      'data_quality',
      'domain_classifier',
      'drift_impact',
    ]);
    expect(Object.keys(parsed.features[0]).slice(0, 6)).toEqual(['name', 'type', 'type_reason', 'n', 'missing', 'drift_score']);
    expect(Object.keys(parsed.features[0].ks)).toEqual(['statistic', 'p_value', 'method', 'effect_size', 'drifted']);
  });

  it('never emits NaN or Infinity: non-finite numbers become null', () => {
    const report = sampleReport();
    report.summary.max_psi = Infinity;
    report.features[0].drift_score = NaN;
    report.features[0].psi!.edges = [-Infinity, 1, Infinity];
    const text = reportToJson(report);
    expect(text).not.toMatch(/NaN|Infinity/);
    const parsed = JSON.parse(text);
    expect(parsed.summary.max_psi).toBeNull();
    expect(parsed.features[0].drift_score).toBeNull();
    expect(parsed.features[0].psi.edges).toEqual([null, 1, null]);
  });

  it('writes typed arrays as lists, keeps full precision and keeps names the type does not know', () => {
    const report = sampleReport();
    report.features[0].psi!.edges = new Float64Array([0.1 + 0.2, 1 / 3]) as unknown as number[];
    (report as unknown as Record<string, unknown>).extra = { b: 1, a: 2 };
    report.performance = { f1: { baseline: 0.82, production: 0.74 } } as unknown as typeof report.performance;
    const parsed = JSON.parse(reportToJson(report));
    expect(parsed.features[0].psi.edges).toEqual([0.30000000000000004, 0.3333333333333333]);
    expect(Object.keys(parsed).slice(-2)).toEqual(['drift_impact', 'extra']);
    expect(Object.keys(parsed.extra)).toEqual(['b', 'a']);
    expect(parsed.performance).toEqual({ f1: { baseline: 0.82, production: 0.74 } });
  });

  it('keeps a "__proto__" name as plain data', () => {
    const report = sampleReport();
    report.performance = JSON.parse('{"__proto__": {"polluted": true}}');
    const parsed = JSON.parse(reportToJson(report));
    expect(Object.keys(parsed.performance)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
