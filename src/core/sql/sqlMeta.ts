/**
 * What a profile query was asked (profileQuery.ts), saved next to it (`drift-monitor sql --meta q.json`)
 * so its result can be turned into a profile (`profile --from-query-result r.csv --sql-meta q.json`).
 * The query id is a hash of the rest: the query writes it into its result, so a result is only read
 * with the metadata of the query that produced it.
 */
import { InputError } from '../errors.ts';
import { DIALECTS, type DialectName } from './dialect.ts';

export const SQL_META_FORMAT = 'drift-monitor-sql-query';
export const SQL_META_VERSION = 1;

export interface SqlMeta {
  format: typeof SQL_META_FORMAT;
  version: number;
  dialect: DialectName;
  table: string;
  columns: string[];
  missing_values: string[];
  row_number: string | null;
  where: string | null;
  label: string | null;
  dropped: string[];
  /** 16 hex digits: metaId of the other keys. */
  query_id: string;
  /**
   * `sql --edges-from`: column -> the reference's bin edges the query counts it on. Optional (absent in
   * queries without it, whose ids it does not change); part of the id, and the result is checked against it.
   */
  edges?: Record<string, number[]>;
  /**
   * `sql` without --exact: numbers counted exactly up to max_exact_values distinct ones, else on bins
   * between the engine's quantiles at j / parts (quantileBins.ts). Optional like `edges`, part of the id.
   */
  bins?: { max_exact_values: number; parts: number };
}

const KEYS = ['format', 'version', 'dialect', 'table', 'columns', 'missing_values', 'row_number', 'where', 'label', 'dropped', 'query_id'];

/** Two 32-bit FNV-1a hashes (different offsets) of the metadata's JSON, as 16 hex digits: a check, not a secret. */
export function metaId(meta: Omit<SqlMeta, 'query_id'>): string {
  const values: unknown[] = KEYS.filter((k) => k !== 'query_id').map((k) => meta[k as keyof typeof meta]);
  if (meta.edges !== undefined) values.push(Object.entries(meta.edges));
  if (meta.bins !== undefined) values.push(['bins', meta.bins.max_exact_values, meta.bins.parts]);
  const json = JSON.stringify(values);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** Reads and checks a query's metadata (JSON text); `file` names it in errors. */
export function parseSqlMeta(json: string, file: string): SqlMeta {
  const fail = (what: string): never => {
    throw new InputError(`${file}: ${what}; write it again with drift-monitor sql ... --meta ${file}`);
  };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return fail(`is not JSON (${(e as Error).message.split('\n')[0]})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('must hold a JSON object');
  for (const k of Object.keys(raw))
    if (!KEYS.includes(k) && k !== 'edges' && k !== 'bins') fail(`has the unknown key ${JSON.stringify(k)}`);
  for (const k of KEYS) if (!Object.hasOwn(raw, k)) fail(`lacks the key "${k}"`);
  const o = raw as Record<string, unknown>;
  const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : fail(`"${k}" must be a string`));
  const strOrNull = (k: string) => (o[k] === null ? null : str(k));
  const strs = (k: string) =>
    Array.isArray(o[k]) && (o[k] as unknown[]).every((s) => typeof s === 'string')
      ? [...(o[k] as string[])]
      : fail(`"${k}" must be a list of strings`);
  if (o.format !== SQL_META_FORMAT) fail(`is not a drift-monitor query description ("format" is not "${SQL_META_FORMAT}")`);
  if (o.version !== SQL_META_VERSION)
    fail(`has version ${JSON.stringify(o.version)}; this drift-monitor reads version ${SQL_META_VERSION}`);
  const dialect = str('dialect');
  if (!(DIALECTS as readonly string[]).includes(dialect))
    fail(`names the unknown dialect ${JSON.stringify(dialect)} (known: ${DIALECTS.join(', ')})`);
  const meta: SqlMeta = {
    format: SQL_META_FORMAT,
    version: SQL_META_VERSION,
    dialect: dialect as DialectName,
    table: str('table'),
    columns: strs('columns'),
    missing_values: strs('missing_values'),
    row_number: strOrNull('row_number'),
    where: strOrNull('where'),
    label: strOrNull('label'),
    dropped: strs('dropped'),
    query_id: str('query_id'),
  };
  if (Object.hasOwn(o, 'edges')) {
    const e = o.edges;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) fail('"edges" must be an object of column -> edges');
    const edges = Object.create(null) as Record<string, number[]>;
    for (const [c, list] of Object.entries(e as Record<string, unknown>)) {
      if (!meta.columns.includes(c)) fail(`"edges" names ${JSON.stringify(c)}, which is not one of its columns`);
      if (
        !Array.isArray(list) ||
        list.length === 0 ||
        !list.every((x, i) => typeof x === 'number' && Number.isFinite(x) && (i === 0 || x > list[i - 1]))
      )
        fail(`"edges" of ${JSON.stringify(c)} must be ascending finite numbers`);
      edges[c] = [...(list as number[])];
    }
    meta.edges = edges;
  }
  if (Object.hasOwn(o, 'bins')) {
    const b = o.bins as Record<string, unknown> | null;
    const int = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
    if (
      typeof b !== 'object' ||
      b === null ||
      Array.isArray(b) ||
      Object.keys(b).some((k) => k !== 'max_exact_values' && k !== 'parts') ||
      !int(b.max_exact_values) ||
      !int(b.parts) ||
      (b.parts as number) < 2
    )
      fail('"bins" must be {"max_exact_values": integer, "parts": integer >= 2}');
    meta.bins = { max_exact_values: b!.max_exact_values as number, parts: b!.parts as number };
  }
  if (meta.columns.length === 0) fail('lists no columns');
  if (new Set(meta.columns).size !== meta.columns.length) fail('lists a column twice');
  const { query_id: id, ...rest } = meta;
  if (metaId(rest) !== id) fail('was changed after the query was made (its query_id does not match its content)');
  return meta;
}
