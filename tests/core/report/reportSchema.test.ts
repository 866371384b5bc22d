/**
 * schema/report.schema.json against the Report type, without a JSON Schema package: a tiny
 * validator for the keywords the schema uses (it refuses any other keyword, so the schema cannot say
 * more than this test checks), a hand-built sample report that fills in every name of the type
 * (tsc checks the sample against the type), a real report (analyse + buildReport) with every
 * registered test chosen and data quality and the domain classifier on, and checks that the
 * `required` lists are exactly the type's required names and that the property order is
 * reportToJson's key order (with every registered test).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse.ts';
import { buildReport } from '../../../src/core/buildReport.ts';
import { defaultConfig } from '../../../src/core/config/defaults.ts';
import { addDomainClassifier } from '../../../src/core/quality/domainClassifier.ts';
import { reportKeyOrder } from '../../../src/core/report/reportKeyOrder.ts';
import type { KeyShape } from '../../../src/core/report/reportKeyOrder.ts';
import { reportToJson } from '../../../src/core/report/reportToJson.ts';
import type { Report } from '../../../src/core/report/types.ts';
import { SCHEMA_VERSION } from '../../../src/core/report/types.ts';
import { ALL_TESTS, STAT_TESTS } from '../../../src/core/stattests/registry.ts';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';
import { loadKernels } from '../../../src/kernels/index.ts';
import { sampleReport } from './sampleReport.ts';
import { profileFromTable } from '../../../src/core/profile/profileBuilder.ts';
import { analyseWindows } from '../../../src/core/windows/analyseWindows.ts';
import { decideWindows } from '../../../src/core/windows/decideWindows.ts';
import { addLabelDrift } from '../../../src/core/windows/labelDrift.ts';
import { resolve, schema, schemaText, validate } from '../../helpers/reportSchema.ts';
import type { Schema } from '../../helpers/reportSchema.ts';
import { mulberry32 as rng } from '../../../src/core/samples/mulberry32.ts';

/** Names that are optional (`?`) in report/types.ts, by where they sit; every other property is required. */
const OPTIONAL: Record<string, string[]> = {
  // A test outside the defaults writes its key only when the run chooses it (testChoice.ts).
  '$.features[]': [
    'approximate',
    'categories_only_in_production',
    'categories_only_in_reference',
    ...ALL_TESTS.filter((t) => !STAT_TESTS.includes(t)).map((t) => t.reportKey),
  ],
  '$.features[].psi': ['bins', 'edges', 'point_masses', 'categories'],
  '$.settings.thresholds': ['min_effect', 'label_drift', ...ALL_TESTS.filter((t) => !STAT_TESTS.includes(t)).map((t) => t.threshold.key)],
  // Present only when windows are on (or thresholds.label_drift is set).
  $: ['windows', 'windowing', 'label_drift'],
};

/** A seeded generator (mulberry32), so the files are the same on every run. */
/** Two numerical columns, a five-category one and a two-category one (for Fisher's test); production shifted. */
function csv(rows: number, shift: number, seed: number): string {
  const r = rng(seed);
  const lines = ['x,y,colour,flag'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      [
        (r() * 10 + shift).toFixed(3),
        (r() * 3).toFixed(3),
        `c${Math.floor(r() * 4 + shift * r())}`,
        r() < 0.5 + shift / 4 ? 'yes' : 'no',
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

/** A report through analyse and buildReport with every registered test chosen, data quality and the domain classifier on. */
async function everyTestReport(): Promise<Report> {
  const config = defaultConfig();
  config.tests.numerical = ALL_TESTS.filter((t) => t.columnKinds.includes('numerical')).map((t) => t.id);
  config.tests.categorical = ALL_TESTS.filter((t) => t.columnKinds.includes('categorical')).map((t) => t.id);
  config.domain_classifier.enabled = true;
  config.thresholds.unseen_share = 0.01;
  config.thresholds.out_of_range_share = 0.01;
  config.thresholds.duplicate_share = 0.5;
  config.thresholds.min_effect = 0.5;
  const read = (text: string, file: string) => parseCsv(text, { file, delimiter: 'auto', missingValues: [''] });
  const reference = await read(csv(400, 0, 1), 'ref.csv');
  const production = await read(csv(400, 1, 2), 'prod.csv');
  const analysis = analyse(reference, production, config, await loadKernels());
  await addDomainClassifier(analysis, reference, production, config);
  return buildReport(analysis, config, { generatedAt: '2026-01-01T00:00:00.000Z', version: '0.0.0' });
}

/** A report with windows (20-row windows, the expected-variation band) and target drift (flag as the label). */
async function windowedReport(): Promise<Report> {
  const config = defaultConfig();
  config.data.label_column = 'flag';
  config.windows.every = 20;
  config.windows.min_rows = 10;
  config.thresholds.label_drift = true;
  const read = (text: string, file: string) => parseCsv(text, { file, delimiter: 'auto', missingValues: [''] });
  const reference = await read(csv(400, 0, 1), 'ref.csv');
  const production = await read(csv(410, 1, 2), 'prod.csv');
  const analysis = analyse(reference, production, config, await loadKernels());
  const report = buildReport(analysis, config, { generatedAt: '2026-01-01T00:00:00.000Z', version: '0.0.0' });
  const referenceProfile = profileFromTable(reference);
  const wa = analyseWindows({
    reference: referenceProfile,
    referenceTable: reference,
    productions: [production],
    timestamps: null,
    plans: analysis.plans,
    config,
  });
  const decided = decideWindows(wa, config);
  report.windows = decided.windows;
  report.windowing = decided.windowing;
  addLabelDrift(report, referenceProfile, profileFromTable(production), config);
  return report;
}

let everyTest: Report;
let windowed: Report;
beforeAll(async () => {
  everyTest = await everyTestReport();
  windowed = await windowedReport();
});

describe('schema/report.schema.json', () => {
  it('is JSON, draft 2020-12, every required name is a listed property', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schemaText).toContain(`schema_version ${SCHEMA_VERSION}`);
    const walk = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      const n = node as Schema;
      if (n.required) for (const k of n.required as string[]) expect(Object.keys(n.properties as object)).toContain(k);
      Object.values(n).forEach(walk);
    };
    walk(schema);
  });

  it('accepts the sample report, and the sample as written by reportToJson', () => {
    expect(validate(schema, sampleReport())).toEqual([]);
    expect(validate(schema, JSON.parse(reportToJson(sampleReport())))).toEqual([]);
  });

  it('its required lists are exactly the required names of the type, its properties all the names', () => {
    // Keys seen in the sample, per place (features[0] and features[1] share "$.features[]").
    const seen = new Map<string, { schema: Schema; keys: Set<string> }>();
    let visited = 0;
    validate(schema, sampleReport(), '$', (s, obj, path) => {
      visited++;
      const place = path.replace(/\[\d+\]/g, '[]');
      const entry = seen.get(place) ?? { schema: s, keys: new Set<string>() };
      Object.keys(obj).forEach((k) => entry.keys.add(k));
      seen.set(place, entry);
    });
    // root, tool, data + 2 files, settings + thresholds + psi, summary + 2 reasons, 2 skipped,
    // 2 features x (feature, n, missing, ks or chi2, psi), the first one's approximate
    // + data_quality with one item in each list, duplicates and its two files; domain_classifier, rows, 1 feature; drift_impact, 1 feature
    expect(visited).toBe(37);
    // The report with every test chosen adds the other tests' blocks and thresholds; the windowed one the windows.
    for (const r of [everyTest, windowed])
      validate(schema, JSON.parse(reportToJson(r)), '$', (s, obj, path) => {
        const place = path.replace(/\[\d+\]/g, '[]');
        const entry = seen.get(place) ?? { schema: s, keys: new Set<string>() };
        Object.keys(obj).forEach((k) => entry.keys.add(k));
        seen.set(place, entry);
      });
    for (const [place, { schema: s, keys }] of seen) {
      const props = Object.keys(s.properties as object);
      const optional = OPTIONAL[place] ?? [];
      expect(new Set(props), place).toEqual(keys);
      expect(new Set(s.required as string[]), place).toEqual(new Set(props.filter((k) => !optional.includes(k))));
    }
  });

  it('accepts a report with every test chosen, data quality and the domain classifier on', () => {
    for (const t of ALL_TESTS)
      expect(
        everyTest.features.some((f) => Object.hasOwn(f, t.reportKey) && (f as unknown as Record<string, unknown>)[t.reportKey] !== null),
        t.id,
      ).toBe(true);
    expect(everyTest.data_quality!.unseen_categories.length).toBeGreaterThan(0);
    expect(everyTest.data_quality!.out_of_range.length).toBeGreaterThan(0);
    expect(everyTest.domain_classifier!.auc).not.toBeNull();
    expect(validate(schema, JSON.parse(reportToJson(everyTest)))).toEqual([]);
    // A new test's block is checked, not only listed: a bad value there fails.
    const bad = JSON.parse(reportToJson(everyTest)) as { features: Record<string, Record<string, unknown> | null>[] };
    const i = bad.features.findIndex((f) => f.anderson);
    bad.features[i].anderson!.p_value_bound = 'guess';
    expect(validate(schema, bad)).toContain(`$.features[${i}].anderson.p_value_bound: "guess" not in enum`);
  });

  it('accepts a report with windows, the expected-variation band and target drift', () => {
    expect(windowed.windows!.length).toBe(21);
    expect(windowed.windowing!.expected_variation).not.toBeNull();
    expect(windowed.label_drift!.column).toBe('flag');
    expect(validate(schema, JSON.parse(reportToJson(windowed)))).toEqual([]);
    const bad = JSON.parse(reportToJson(windowed)) as { windows: { features: { outside_band: unknown }[] }[] };
    bad.windows[0].features[0].outside_band = 'maybe';
    expect(validate(schema, bad).join()).toMatch(/^\$\.windows\[0\]\.features\[0\]\.outside_band: /);
  });

  it('lists properties in the key order reportToJson writes', () => {
    const check = (node: Schema, shape: KeyShape, path: string): void => {
      const s = resolve(node);
      if (Array.isArray(shape)) return check(s.items as Schema, (shape as readonly [KeyShape])[0], path + '[]');
      if (shape === true) return;
      expect(Object.keys(s.properties as object), path).toEqual(Object.keys(shape));
      for (const [k, sub] of Object.entries(shape)) check((s.properties as Record<string, Schema>)[k], sub, `${path}.${k}`);
    };
    check(schema, reportKeyOrder(ALL_TESTS), '$');
  });

  it('rejects reports that break it (the validator can fail)', () => {
    const missing = sampleReport() as unknown as Record<string, unknown>;
    delete missing.summary;
    expect(validate(schema, missing)).toContain('$: missing summary');
    const badType = sampleReport();
    (badType.features[0] as unknown as Record<string, unknown>).drifted = 'yes';
    expect(validate(schema, badType)).toContain('$.features[0].drifted: string is not boolean');
    const badEnum = sampleReport();
    (badEnum.features[0].ks as unknown as Record<string, unknown>).method = 'magic';
    expect(validate(schema, badEnum)).toContain('$.features[0].ks.method: "magic" not in enum');
    const badRange = sampleReport();
    badRange.features[1].chi2!.p_value = 1.5;
    expect(validate(schema, badRange)).toContain('$.features[1].chi2.p_value: above maximum');
    const noPsiValue = sampleReport();
    delete (noPsiValue.features[1].psi as unknown as Record<string, unknown>).value;
    expect(validate(schema, noPsiValue)).toContain('$.features[1].psi: missing value');
  });
});
