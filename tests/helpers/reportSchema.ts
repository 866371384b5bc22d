/**
 * A tiny validator for the keywords schema/report.schema.json uses (it refuses any other keyword, so the
 * schema cannot say more than the tests check). Used by the schema test and by the end-to-end tests that
 * validate real reports written by the CLI.
 */
import { readFileSync } from 'node:fs';

export type Schema = Record<string, unknown>;
export const schemaText = readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8');
export const schema = JSON.parse(schemaText) as Schema;

const KEYWORDS = new Set([
  '$schema',
  '$id',
  '$defs',
  '$ref',
  'title',
  'description',
  'format',
  'type',
  'const',
  'enum',
  'properties',
  'required',
  'items',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'maxItems',
  'minItems',
  'prefixItems',
  'pattern',
  'additionalProperties',
  'oneOf',
]);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Follows "#/$defs/<name>" references inside `root` (the report schema unless told). */
export function resolve(node: Schema, root: Schema = schema): Schema {
  const ref = node.$ref as string | undefined;
  if (ref === undefined) return node;
  const name = ref.replace('#/$defs/', '');
  return resolve((root.$defs as Record<string, Schema>)[name], root);
}

/**
 * Errors as "path: problem"; `visit` sees every (object schema, object value) pair. `root` is the
 * schema that `$ref`s point into: the report schema, or the top-level schema given (profile schema).
 */
export function validate(
  node: Schema,
  value: unknown,
  path = '$',
  visit?: (s: Schema, v: Record<string, unknown>, p: string) => void,
  root: Schema = path === '$' && node.$defs !== undefined ? node : schema,
): string[] {
  const s = resolve(node, root);
  const errors: string[] = [];
  const sub = (n: Schema, v: unknown, p: string) => validate(n, v, p, visit, root);
  for (const key of Object.keys(s)) if (!KEYWORDS.has(key)) errors.push(`${path}: schema keyword ${key} not supported by this test`);
  const t = typeOf(value);
  if (s.type !== undefined) {
    const allowed = ([] as string[]).concat(s.type as string | string[]);
    if (!allowed.includes(t) && !(t === 'integer' && allowed.includes('number'))) return [...errors, `${path}: ${t} is not ${allowed}`];
  }
  if ('const' in s && value !== s.const) errors.push(`${path}: not ${JSON.stringify(s.const)}`);
  if (s.enum && !(s.enum as unknown[]).includes(value)) errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if (s.oneOf) {
    const passing = (s.oneOf as Schema[]).filter((option) => sub(option, value, path).length === 0).length;
    if (passing !== 1) errors.push(`${path}: matches ${passing} of the oneOf schemas, not exactly 1`);
  }
  if (typeof value === 'string' && typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value))
    errors.push(`${path}: does not match ${s.pattern}`);
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) errors.push(`${path}: below minimum`);
    if (typeof s.maximum === 'number' && value > s.maximum) errors.push(`${path}: above maximum`);
    if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) errors.push(`${path}: not above exclusiveMinimum`);
    if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum) errors.push(`${path}: not below exclusiveMaximum`);
  }
  if (Array.isArray(value)) {
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) errors.push(`${path}: too many items`);
    if (typeof s.minItems === 'number' && value.length < s.minItems) errors.push(`${path}: too few items`);
    const prefix = (s.prefixItems as Schema[] | undefined) ?? [];
    prefix.forEach((p, i) => {
      if (i < value.length) errors.push(...sub(p, value[i], `${path}[${i}]`));
    });
    if (s.items) value.forEach((v, i) => i >= prefix.length && errors.push(...sub(s.items as Schema, v, `${path}[${i}]`)));
  }
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of (s.required as string[] | undefined) ?? []) if (!(key in obj)) errors.push(`${path}: missing ${key}`);
    const props = (s.properties as Record<string, Schema> | undefined) ?? {};
    for (const [key, p] of Object.entries(props)) if (key in obj) errors.push(...sub(p, obj[key], `${path}.${key}`));
    if (s.additionalProperties === false)
      for (const key of Object.keys(obj)) if (!(key in props)) errors.push(`${path}: unknown key ${key}`);
    if (s.properties) visit?.(s, obj, path);
  }
  return errors;
}
