import { InputError } from '../errors.ts';
import { RETRAIN_LOG_COLUMNS, type RetrainLogRow } from './types.ts';
import { readModelFamily } from './modelFamily.ts';

/** The `format` value of an exported log. */
export const RETRAIN_LOG_FORMAT = 'drift-monitor retrain log';
export const RETRAIN_LOG_VERSION = 1;

/** The log as JSON text: `{ format, version, entries: [...] }`, keys in column order, 2-space indent. */
export function retrainLogToJson(rows: readonly RetrainLogRow[]): string {
  const entries = rows.map((r) => Object.fromEntries(RETRAIN_LOG_COLUMNS.map((k) => [k, r[k]])));
  return JSON.stringify({ format: RETRAIN_LOG_FORMAT, version: RETRAIN_LOG_VERSION, entries }, null, 2) + '\n';
}

type Check = (v: unknown) => boolean;
const str: Check = (v) => typeof v === 'string';
const strOrNull: Check = (v) => v === null || typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const count: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const share: Check = (v) => v === null || (typeof v === 'number' && v >= 0 && v <= 1);
const FIELDS: Record<keyof RetrainLogRow, [Check, string]> = {
  timestamp: [(v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)), 'an ISO 8601 date-time text'],
  reason: [str, 'a text'],
  pre_f1: [share, 'a number from 0 to 1 or null'],
  post_f1: [share, 'a number from 0 to 1 or null'],
  trigger: [(v) => v === 'auto' || v === 'manual', '"auto" or "manual"'],
  drifted_features: [(v) => Array.isArray(v) && v.every((x) => typeof x === 'string'), 'a list of column names'],
  training_data: [(v) => v === 'reference+production' || v === 'production', '"reference+production" or "production"'],
  rows_train: [count, 'a whole number >= 0'],
  rows_holdout: [count, 'a whole number >= 0'],
  pre_accuracy: [share, 'a number from 0 to 1 or null'],
  post_accuracy: [share, 'a number from 0 to 1 or null'],
  min_improvement: [num, 'a number'],
  promoted: [(v) => typeof v === 'boolean', 'true or false'],
  decision: [str, 'a text'],
  // Older exports say 'logistic_regression' for 'logistic' (mapped below).
  model_family: [(v) => readModelFamily(v) !== null, '"logistic" or "gradient_boosting"'],
  seed: [count, 'a whole number >= 0'],
  champion_version: [strOrNull, 'a text or null'],
  challenger_version: [strOrNull, 'a text or null'],
  model_version: [strOrNull, 'a text or null'],
};

/**
 * Reads an exported log back (the object retrainLogToJson writes, or a bare array of entries).
 * Every entry must have every field with the right type; unknown fields are ignored (a newer
 * export still imports). Throws InputError with one line naming the file, the entry (1-based) and
 * the field, e.g. `log.json: entry 3: "pre_f1" must be a number from 0 to 1 or null (got "high")`.
 */
export function parseRetrainLogJson(text: string, file: string): RetrainLogRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file} is not JSON (${(e as Error).message}); choose a retrain log exported as JSON`);
  }
  let entries: unknown;
  if (Array.isArray(data)) entries = data;
  else if (typeof data === 'object' && data !== null && (data as { format?: unknown }).format === RETRAIN_LOG_FORMAT) {
    const version = (data as { version?: unknown }).version;
    if (version !== RETRAIN_LOG_VERSION) {
      throw new InputError(
        `${file} is a retrain log of version ${JSON.stringify(version)}; this version reads version ${RETRAIN_LOG_VERSION}`,
      );
    }
    entries = (data as { entries?: unknown }).entries;
    if (!Array.isArray(entries)) throw new InputError(`${file}: "entries" must be a list of retrain events`);
  } else {
    throw new InputError(
      `${file} is not a retrain log (no "format": "${RETRAIN_LOG_FORMAT}"); choose a file exported from the Retraining log`,
    );
  }
  return (entries as unknown[]).map((entry, i) => {
    const where = `${file}: entry ${i + 1}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new InputError(`${where} is not an object`);
    const row: Record<string, unknown> = {};
    for (const key of RETRAIN_LOG_COLUMNS) {
      const [ok, what] = FIELDS[key];
      if (!(key in entry)) throw new InputError(`${where}: field "${key}" is missing`);
      const v = (entry as Record<string, unknown>)[key];
      if (!ok(v)) throw new InputError(`${where}: "${key}" must be ${what} (got ${shown(v)})`);
      row[key] = key === 'drifted_features' ? [...(v as string[])] : key === 'model_family' ? readModelFamily(v) : v;
    }
    return row as unknown as RetrainLogRow;
  });
}

function shown(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? s.slice(0, 37) + '...' : s;
}
