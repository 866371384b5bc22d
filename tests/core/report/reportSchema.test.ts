/**
 * schema/report.schema.json against the Report type, without a JSON Schema package: a tiny
 * validator for the keywords the schema uses (it refuses any other keyword, so the schema cannot say
 * more than this test checks), a hand-built sample report that fills in every name of the type
 * (tsc checks the sample against the type), and checks that the `required` lists are exactly the
 * type's required names and that the property order is reportToJson's key order.
 */
import { describe, expect, it } from 'vitest';
import { REPORT_KEY_ORDER } from '../../../src/core/report/reportKeyOrder.ts';
import type { KeyShape } from '../../../src/core/report/reportKeyOrder.ts';
import { reportToJson } from '../../../src/core/report/reportToJson.ts';
import { SCHEMA_VERSION } from '../../../src/core/report/types.ts';
import { sampleReport } from './sampleReport.ts';
import { resolve, schema, schemaText, validate } from '../../helpers/reportSchema.ts';
import type { Schema } from '../../helpers/reportSchema.ts';

/** Names that are optional (`?`) in report/types.ts, by where they sit; every other property is required. */
const OPTIONAL: Record<string, string[]> = {
  '$.features[]': ['approximate', 'categories_only_in_production', 'categories_only_in_reference'],
  '$.features[].psi': ['bins', 'edges', 'point_masses', 'categories'],
  '$.settings.thresholds': ['min_effect'],
};

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
    for (const [place, { schema: s, keys }] of seen) {
      const props = Object.keys(s.properties as object);
      const optional = OPTIONAL[place] ?? [];
      expect(new Set(props), place).toEqual(keys);
      expect(new Set(s.required as string[]), place).toEqual(new Set(props.filter((k) => !optional.includes(k))));
    }
  });

  it('lists properties in the key order reportToJson writes', () => {
    const check = (node: Schema, shape: KeyShape, path: string): void => {
      const s = resolve(node);
      if (Array.isArray(shape)) return check(s.items as Schema, (shape as readonly [KeyShape])[0], path + '[]');
      if (shape === true) return;
      expect(Object.keys(s.properties as object), path).toEqual(Object.keys(shape));
      for (const [k, sub] of Object.entries(shape)) check((s.properties as Record<string, Schema>)[k], sub, `${path}.${k}`);
    };
    check(schema, REPORT_KEY_ORDER, '$');
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
