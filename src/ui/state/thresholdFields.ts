/**
 * The dashboard's threshold fields (ThresholdFields.svelte): one per registered test (its threshold
 * key, label, rule and range), then the verdict, performance and missing-share thresholds. Pure, so the
 * field list and the validation of an entry are tested without a browser.
 */
import type { Thresholds } from '../../core/config/types.ts';
import type { StatRegistry } from '../../core/stattests/driftTest.ts';
import { ALL_TESTS, STAT_TESTS, thresholdOf, thresholdOrder } from '../../core/stattests/registry.ts';

export interface ThresholdField {
  /** Key in thresholds (a test's threshold key, or a numeric threshold of the config). */
  key: string;
  label: string;
  rule: string;
  max: number;
  /** Empty = off (null); only missing_share_change. */
  optional?: boolean;
}

const OTHER_FIELDS: ThresholdField[] = [
  { key: 'drift_feature_fraction', label: 'Drifted share threshold', rule: 'drift when drifted share >', max: 1 },
  { key: 'f1_drop', label: 'F1 drop threshold', rule: 'alert when F1 drop >', max: 1 },
  { key: 'missing_share_change', label: 'Missing share change threshold', rule: 'flag when change >; empty = off', max: 1, optional: true },
  {
    key: 'min_effect',
    label: 'Minimum effect size',
    rule: 'p-value flags with a smaller effect are negligible; empty = off',
    max: Infinity,
    optional: true,
  },
];

/** The fields in order: the tests' thresholds (distances, then p-values), then the others. */
export function thresholdFields(tests: StatRegistry = STAT_TESTS): ThresholdField[] {
  return [
    ...thresholdOrder(tests).map((t) => ({ key: t.threshold.key, label: t.threshold.label, rule: t.threshold.rule, max: t.threshold.max })),
    ...OTHER_FIELDS,
  ];
}

/** A threshold's value as the results use it (a registered test's default when `t` does not set it). */
export function thresholdValue(t: Thresholds, key: string, tests: StatRegistry = ALL_TESTS): number | null {
  const test = tests.find((x) => x.threshold.key === key);
  if (test) return thresholdOf(test, t);
  const v = (t as unknown as Record<string, unknown>)[key];
  return typeof v === 'number' ? v : null;
}

/**
 * What an entry in a field means: the number to use, null to switch the threshold off (optional
 * fields only), or the complaint ("a number from 0 to 1") when it is not a valid value.
 */
export function readThreshold(field: ThresholdField, text: string): { value: number | null } | { invalid: string } {
  const trimmed = text.trim();
  if (trimmed === '' && field.optional) return { value: null };
  const v = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(v) || v < 0 || v > field.max) {
    return { invalid: field.max === Infinity ? 'a number >= 0' : `a number from 0 to ${field.max}` };
  }
  return { value: v };
}
