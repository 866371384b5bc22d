/**
 * What each config key accepts: the single description that validation, unknown-key suggestions
 * and path resolution read. `ConfigSpec` mirrors `Config`, so tsc fails if a key of Config has no
 * spec here (or a spec names a key Config does not have).
 */
import type { Config } from './types.ts';

export interface NumberSpec {
  kind: 'number';
  integer?: boolean;
  nullable?: boolean;
  min?: number;
  max?: number;
  /** The bounds themselves are not allowed. */
  minExclusive?: boolean;
  maxExclusive?: boolean;
}
export interface StringSpec {
  kind: 'string';
  nullable?: boolean;
  /** Names (columns, labels) may be written as YAML numbers: `positive_class: 1` means "1". */
  acceptNumbers?: boolean;
  /** A file path: resolved against the config file's folder. */
  path?: boolean;
}
export interface BooleanSpec {
  kind: 'boolean';
}
export interface EnumSpec {
  kind: 'enum';
  values: readonly string[];
  /** Friendlier spellings accepted for a value, e.g. `tab` for "\t". */
  aliases?: Readonly<Record<string, string>>;
}
export interface StringListSpec {
  kind: 'stringList';
  nullable?: boolean;
  /** Items may be written as YAML numbers (`drop: [2020]`, `missing_values: [-999]`). */
  acceptNumbers?: boolean;
}
/** A list of drift test ids (stattests/registry.ts ALL_TESTS), for the column kinds given. */
export interface TestListSpec {
  kind: 'testList';
  columnKind: 'numerical' | 'categorical';
}
/** windows.every: 'day', 'week', 'month', a whole number of rows (at least 1), or null. */
export interface PeriodSpec {
  kind: 'period';
}
/** An IANA time zone name ('UTC', 'Europe/Berlin'), checked with Intl. */
export interface TimeZoneSpec {
  kind: 'timeZone';
}
/** A mapping of column name to a list of drift test ids (columns.tests). */
export interface TestMapSpec {
  kind: 'testMap';
}
export type LeafSpec =
  NumberSpec | StringSpec | BooleanSpec | EnumSpec | StringListSpec | TestListSpec | TestMapSpec | PeriodSpec | TimeZoneSpec;

type SpecOf<T> = T extends readonly unknown[] | string | number | boolean | null | undefined
  ? LeafSpec
  : T extends Readonly<Record<string, readonly string[]>>
    ? LeafSpec
    : { [K in keyof T]-?: SpecOf<T[K]> };
export type ConfigSpec = SpecOf<Config>;

const nullablePath: StringSpec = { kind: 'string', nullable: true, path: true };
const columnName: StringSpec = { kind: 'string', nullable: true, acceptNumbers: true };
const columnList: StringListSpec = { kind: 'stringList', acceptNumbers: true };
const share: NumberSpec = { kind: 'number', min: 0, max: 1 };

export const CONFIG_SPEC: ConfigSpec = {
  data: {
    reference_path: nullablePath,
    production_path: nullablePath,
    label_column: columnName,
    delimiter: { kind: 'enum', values: ['auto', ',', ';', '\t'], aliases: { tab: '\t' } },
    missing_values: { kind: 'stringList', acceptNumbers: true },
    encoding: {
      kind: 'enum',
      values: ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'latin1'],
      aliases: {
        utf8: 'utf-8',
        'UTF-8': 'utf-8',
        cp1252: 'windows-1252',
        'iso-8859-1': 'latin1',
        'UTF-16LE': 'utf-16le',
        'UTF-16BE': 'utf-16be',
      },
    },
    decimal: { kind: 'enum', values: ['auto', '.', ','] },
    thousands: { kind: 'enum', values: ['auto', ',', '.', ' ', "'", 'none'], aliases: { space: ' ' } },
    prediction_column: columnName,
    probability_column: columnName,
  },
  columns: {
    numerical: columnList,
    categorical: columnList,
    drop: columnList,
    max_categorical_unique: { kind: 'number', integer: true, min: 1 },
    tests: { kind: 'testMap' },
  },
  tests: {
    numerical: { kind: 'testList', columnKind: 'numerical' },
    categorical: { kind: 'testList', columnKind: 'categorical' },
    policy: { kind: 'enum', values: ['default', 'large_sample'] },
    large_sample_rows: { kind: 'number', integer: true, min: 0 },
  },
  model: {
    path: nullablePath,
    framework: { kind: 'enum', values: ['auto', 'onnx'] },
    features: { kind: 'stringList', nullable: true, acceptNumbers: true },
    positive_class: columnName,
  },
  thresholds: {
    ks_statistic: share,
    psi: { kind: 'number', min: 0 },
    chi2_p_value: share,
    f1_drop: share,
    drift_feature_fraction: share,
    p_value_correction: { kind: 'enum', values: ['none', 'bonferroni', 'fdr_bh'] },
    missing_share_change: { ...share, nullable: true },
    unseen_share: { ...share, nullable: true },
    out_of_range_share: { ...share, nullable: true },
    duplicate_share: { ...share, nullable: true },
    domain_auc: share,
    wasserstein: { kind: 'number', min: 0 },
    jensenshannon: share,
    hellinger: share,
    cvm_p_value: share,
    anderson_p_value: share,
    fisher_p_value: share,
    min_effect: { kind: 'number', min: 0, nullable: true },
    label_drift: { kind: 'boolean' },
  },
  psi: {
    bins: { kind: 'number', integer: true, min: 1, max: 1000 },
    epsilon: { kind: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true },
  },
  profile: {
    max_exact_values: { kind: 'number', integer: true, min: 1 },
    sketch_k: { kind: 'number', integer: true, min: 8, max: 65535 },
  },
  retraining: {
    enabled: { kind: 'boolean' },
    save_path: nullablePath,
    data: { kind: 'enum', values: ['reference+production', 'production'] },
    min_improvement: share,
    seed: { kind: 'number', integer: true, min: 0, max: 4294967295 },
    model_family: { kind: 'enum', values: ['logistic', 'gradient_boosting'] },
  },
  domain_classifier: {
    enabled: { kind: 'boolean' },
    max_rows: { kind: 'number', integer: true, min: 10 },
    seed: { kind: 'number', integer: true, min: 0, max: 4294967295 },
  },
  drift_impact: {
    max_rows: { kind: 'number', integer: true, min: 1 },
    seed: { kind: 'number', integer: true, min: 0, max: 4294967295 },
  },
  output: {
    report_path: nullablePath,
    scores_path: nullablePath,
    retrain_log_path: nullablePath,
    html_path: nullablePath,
    history_path: nullablePath,
  },
  windows: {
    column: columnName,
    every: { kind: 'period' },
    min_rows: { kind: 'number', integer: true, min: 1 },
    timezone: { kind: 'timeZone' },
    expected_variation: { kind: 'boolean' },
  },
  alerts: {
    webhook_url: { kind: 'string', nullable: true },
  },
};

export function isLeafSpec(node: unknown): node is LeafSpec {
  return typeof node === 'object' && node !== null && typeof (node as { kind?: unknown }).kind === 'string';
}

/** Every valid dotted key, sections included, in spec order: "data", "data.reference_path", ... */
export function configKeys(spec: object = CONFIG_SPEC, prefix = ''): string[] {
  const keys: string[] = [];
  for (const [name, child] of Object.entries(spec)) {
    const key = prefix + name;
    keys.push(key);
    if (!isLeafSpec(child)) keys.push(...configKeys(child as object, key + '.'));
  }
  return keys;
}
