/**
 * Config validation: checks a parsed YAML value (or a partial object of CLI overrides) key by key
 * against CONFIG_SPEC and deep-merges it over a base config (the defaults, unless told otherwise).
 * The first problem throws an InputError naming the full dotted key, e.g.
 * `config.yaml: thresholds.psi must be a number, got string "high"`.
 *
 * The result is built only from keys that exist in the spec, so `__proto__`, `constructor` and
 * `prototype` can never reach Object.prototype; they are rejected by name.
 */
import { InputError } from '../errors.ts';
import { CONFIG_SPEC, configKeys, isLeafSpec } from './configSpec.ts';
import type { EnumSpec, LeafSpec, NumberSpec, StringListSpec, StringSpec, TestListSpec } from './configSpec.ts';
import { ALL_TESTS } from '../stattests/registry.ts';
import { closestName } from './suggestColumn.ts';
import { DEFAULT_CONFIG } from './defaults.ts';
import { suggestKey } from './suggestKey.ts';
import type { Config } from './types.ts';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const ALL_KEYS = configKeys();

/**
 * @param raw     the parsed config (null/undefined = empty file = the base unchanged)
 * @param source  the file name (or "command line") that starts every error message
 * @param base    what `raw` is merged over; DEFAULT_CONFIG by default. Never mutated.
 * @returns a fresh Config; keys absent from `raw` (or set to undefined) keep the base's value
 */
export function validateConfig(raw: unknown, source: string, base: Readonly<Config> = DEFAULT_CONFIG): Config {
  const result = structuredClone(base) as Config;
  if (raw === null || raw === undefined) return result;
  if (!isPlainObject(raw)) {
    throw new InputError(`${source}: the config must be a mapping of sections (data:, columns:, thresholds:, ...), got ${describe(raw)}`);
  }
  mergeSection(raw, CONFIG_SPEC, result as unknown as Record<string, unknown>, '', source);
  return result;
}

function mergeSection(raw: Record<string, unknown>, spec: object, target: Record<string, unknown>, prefix: string, source: string): void {
  for (const name of Object.keys(raw)) {
    const key = prefix + name;
    if (FORBIDDEN_KEYS.has(name)) throw new InputError(`${source}: key "${key}" is not allowed; remove it`);
    if (!Object.hasOwn(spec, name)) {
      throw new InputError(`${source}: unknown key "${key}"; ${suggestKey(key, Object.keys(spec), ALL_KEYS)}`);
    }
    const value = raw[name];
    if (value === undefined) continue;
    const childSpec = (spec as Record<string, unknown>)[name];
    if (isLeafSpec(childSpec)) {
      target[name] = validateValue(value, childSpec, key, source);
    } else {
      if (value === null) continue; // `thresholds:` with every child commented out keeps the defaults
      if (!isPlainObject(value)) {
        const children = Object.keys(childSpec as object)
          .map((k) => k + ':')
          .join(', ');
        const leafElsewhere = ALL_KEYS.find((k) => k !== key && k.endsWith('.' + name));
        const hint = leafElsewhere === undefined ? '' : `; did you mean "${leafElsewhere}"?`;
        throw new InputError(`${source}: ${key} must be a mapping (${children}), got ${describe(value)}${hint}`);
      }
      mergeSection(value, childSpec as object, target[name] as Record<string, unknown>, key + '.', source);
    }
  }
}

function validateValue(value: unknown, spec: LeafSpec, key: string, source: string): unknown {
  switch (spec.kind) {
    case 'number':
      return validateNumber(value, spec, key, source);
    case 'string':
      return validateString(value, spec, key, source);
    case 'boolean':
      if (typeof value !== 'boolean') throw new InputError(`${source}: ${key} must be true or false, got ${describe(value)}`);
      return value;
    case 'enum':
      return validateEnum(value, spec, key, source);
    case 'stringList':
      return validateStringList(value, spec, key, source);
    case 'testList':
      return validateTestList(value, spec, key, source);
    case 'testMap':
      return validateTestMap(value, key, source);
    case 'period':
      return validatePeriod(value, key, source);
    case 'timeZone':
      return validateTimeZone(value, key, source);
  }
}

const PERIODS = ['day', 'week', 'month'];

/** windows.every: a calendar period, a whole number of rows, or null (no windows). */
function validatePeriod(value: unknown, key: string, source: string): string | number | null {
  if (value === null) return null;
  if (typeof value === 'string' && PERIODS.includes(value)) return value;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  const close = typeof value === 'string' ? closestName(value, PERIODS) : null;
  throw new InputError(
    `${source}: ${key} must be day, week, month, a whole number of rows (at least 1) or null, got ${describe(value)}${close ? `; did you mean "${close}"?` : ''}`,
  );
}

/** An IANA time zone name that this runtime's Intl knows (Intl.DateTimeFormat throws a RangeError for others). */
function validateTimeZone(value: unknown, key: string, source: string): string {
  if (typeof value === 'string' && value !== '') {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return value;
    } catch {
      // an unknown zone: the message below
    }
  }
  throw new InputError(`${source}: ${key} must be an IANA time zone name such as UTC or Europe/Berlin, got ${describe(value)}`);
}

/** A list of test ids, each known and (with spec.columnKind) running on that column kind. */
function validateTestList(value: unknown, spec: TestListSpec | null, key: string, source: string): string[] {
  const list = validateStringList(value, { kind: 'stringList' }, key, source)!;
  const ids = ALL_TESTS.map((t) => t.id);
  for (const id of list) {
    const test = ALL_TESTS.find((t) => t.id === id);
    if (!test) {
      const close = closestName(id, ids);
      throw new InputError(`${source}: ${key}: unknown test "${id}"; ${close ? `did you mean "${close}"? ` : ''}tests: ${ids.join(', ')}`);
    }
    if (spec && !test.columnKinds.includes(spec.columnKind)) {
      const fit = ALL_TESTS.filter((t) => t.columnKinds.includes(spec.columnKind)).map((t) => t.id);
      throw new InputError(`${source}: ${key}: ${id} does not run on ${spec.columnKind} columns; choose among ${fit.join(', ')}`);
    }
  }
  return list;
}

/**
 * columns.tests: column name -> test ids. Column names are checked against the files when they are
 * read (testChoice.ts); the map is built on a null-prototype object, so a column named "__proto__"
 * stays a plain key.
 */
function validateTestMap(value: unknown, key: string, source: string): Record<string, string[]> {
  if (!isPlainObject(value)) {
    throw new InputError(
      `${source}: ${key} must be a mapping of column name to a list of tests (e.g. {income: [wasserstein]}), got ${describe(value)}`,
    );
  }
  const out: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [column, tests] of Object.entries(value)) out[column] = validateTestList(tests, null, `${key}.${column}`, source);
  return out;
}

function validateNumber(value: unknown, spec: NumberSpec, key: string, source: string): number | null {
  if (value === null && spec.nullable) return null;
  const what = (spec.integer ? 'an integer' : 'a number') + (spec.nullable ? ' or null' : '');
  if (typeof value !== 'number' || !Number.isFinite(value) || (spec.integer && !Number.isInteger(value))) {
    throw new InputError(`${source}: ${key} must be ${what}, got ${describe(value)}`);
  }
  const { min, max, minExclusive, maxExclusive } = spec;
  const tooLow = min !== undefined && (minExclusive ? value <= min : value < min);
  const tooHigh = max !== undefined && (maxExclusive ? value >= max : value > max);
  if (tooLow || tooHigh) throw new InputError(`${source}: ${key} must be ${rangeText(spec)}, got ${value}`);
  return value;
}

function rangeText({ min, max, minExclusive, maxExclusive }: NumberSpec): string {
  if (min !== undefined && max !== undefined && !minExclusive && !maxExclusive) return `between ${min} and ${max}`;
  const lower = min === undefined ? undefined : minExclusive ? `greater than ${min}` : `at least ${min}`;
  const upper = max === undefined ? undefined : maxExclusive ? `less than ${max}` : `at most ${max}`;
  return [lower, upper].filter((s) => s !== undefined).join(' and ');
}

function validateString(value: unknown, spec: StringSpec, key: string, source: string): string | null {
  if (value === null && spec.nullable) return null;
  if (typeof value === 'string') return value;
  if (spec.acceptNumbers && typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new InputError(`${source}: ${key} must be a string${spec.nullable ? ' or null' : ''}, got ${describe(value)}`);
}

function validateEnum(value: unknown, spec: EnumSpec, key: string, source: string): string {
  if (typeof value === 'string') {
    if (spec.values.includes(value)) return value;
    if (spec.aliases && Object.hasOwn(spec.aliases, value)) return spec.aliases[value];
  }
  const choices = spec.values.map((v) => JSON.stringify(v)).join(', ');
  throw new InputError(`${source}: ${key} must be one of ${choices}, got ${describe(value)}`);
}

function validateStringList(value: unknown, spec: StringListSpec, key: string, source: string): string[] | null {
  if (value === null && spec.nullable) return null;
  if (!Array.isArray(value)) {
    throw new InputError(
      `${source}: ${key} must be a list of strings${spec.nullable ? ' or null' : ''} (e.g. ["a", "b"]), got ${describe(value)}`,
    );
  }
  return value.map((item, i) => {
    if (typeof item === 'string') return item;
    if (spec.acceptNumbers && typeof item === 'number' && Number.isFinite(item)) return String(item);
    throw new InputError(`${source}: ${key}[${i}] must be a string, got ${describe(item)}`);
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** How a wrong value is shown in an error: `string "high"`, `number 3`, `a list`, ... */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? value.slice(0, 37) + '...' : value;
    return `string ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}
