/**
 * The `*.profile` file: a reference profile on disk.
 *
 *   bytes 0-7    magic "DMPROFIL"
 *   bytes 8-11   format version, uint32 little-endian (1)
 *   bytes 12-15  length L of the metadata, uint32 little-endian
 *   16 .. 16+L   metadata: UTF-8 JSON, described by schema/profile.schema.json
 *   then         the arrays, little-endian float64, column after column in metadata order:
 *                exact numerical: `distinct` values (ascending), then their `distinct` counts;
 *                sketch: the items of level 0, 1, ... (`level_sizes` of them, each level ascending);
 *                categorical columns keep their counts in the metadata.
 *
 * Counts are float64 (integers up to 2^53; uint32 would cap a merged profile at 4.3e9 rows). Reading
 * trusts nothing: every size is checked against the file before anything is allocated, and every
 * problem is one InputError naming the file, what is wrong and what to do.
 */
import { InputError } from '../errors.ts';
import type { ColumnProfile, Profile, ProfileConfig } from './columnProfile.ts';
import { KllSketch } from './kllSketch.ts';

export const PROFILE_MAGIC = 'DMPROFIL';
export const PROFILE_VERSION = 1;
const HEADER_BYTES = 16;
/** Declared sizes above this are refused before any allocation (a 2^31-item array is 16 GiB). */
const MAX_DECLARED = 2 ** 31;

export interface ProfileSource {
  file_name: string;
  size_bytes: number;
  sha256: string;
}

export interface ProfileMeta {
  /** ISO 8601 time the profile was made. */
  created_at: string;
  /** The CSV the profile summarises. */
  source: ProfileSource;
  /** A snapshot of the run's configuration when the profile was made (plain JSON). */
  settings: Record<string, unknown>;
}

interface ColumnJsonBase {
  name: string;
  kind: 'numerical' | 'categorical';
  rows: number;
  missing: number;
}

function columnJson(c: ColumnProfile): Record<string, unknown> {
  const base: ColumnJsonBase = { name: c.name, kind: c.kind, rows: c.rows, missing: c.missing };
  if (c.kind === 'categorical') return { ...base, categories: [...c.counts] };
  if (c.mode === 'exact') return { ...base, mode: 'exact', distinct: c.values.length };
  const s = c.sketch.toState();
  return {
    ...base,
    mode: 'sketch',
    k: s.k,
    seed: s.seed,
    compactions: s.compactions,
    n: s.n,
    min: s.n === 0 ? null : s.min,
    max: s.n === 0 ? null : s.max,
    level_sizes: s.levels.map((l) => l.length),
  };
}

export function writeProfile(profile: Profile, meta: ProfileMeta): Uint8Array {
  const json = {
    format: 'drift-monitor-profile',
    version: PROFILE_VERSION,
    created_at: meta.created_at,
    source: meta.source,
    config: { max_exact_values: profile.config.maxExactValues, sketch_k: profile.config.sketchK, sketch_seed: profile.config.sketchSeed },
    settings: meta.settings,
    columns: profile.columns.map(columnJson),
  };
  const arrays: Float64Array[] = [];
  for (const c of profile.columns) {
    if (c.kind !== 'numerical') continue;
    if (c.mode === 'exact') arrays.push(c.values, c.counts);
    else arrays.push(...c.sketch.toState().levels);
  }
  const metaBytes = new TextEncoder().encode(JSON.stringify(json));
  const floats = arrays.reduce((s, a) => s + a.length, 0);
  const out = new Uint8Array(HEADER_BYTES + metaBytes.length + floats * 8);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) out[i] = PROFILE_MAGIC.charCodeAt(i);
  view.setUint32(8, PROFILE_VERSION, true);
  view.setUint32(12, metaBytes.length, true);
  out.set(metaBytes, HEADER_BYTES);
  let offset = HEADER_BYTES + metaBytes.length;
  for (const a of arrays) for (let i = 0; i < a.length; i++, offset += 8) view.setFloat64(offset, a[i], true);
  return out;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Json = Record<string, unknown>;

/** Reads a profile written by writeProfile; `fileName` names the file in every error. */
export function readProfile(bytes: Uint8Array, fileName: string): { profile: Profile; meta: ProfileMeta } {
  const fail = (what: string): never => {
    throw new InputError(`${fileName}: ${what}`);
  };
  const remake = 'make the profile again from the reference CSV';
  if (bytes.length < HEADER_BYTES)
    fail(`is truncated (${bytes.length} bytes; a profile starts with a ${HEADER_BYTES}-byte header); ${remake}`);
  for (let i = 0; i < 8; i++)
    if (bytes[i] !== PROFILE_MAGIC.charCodeAt(i))
      fail(`is not a drift-monitor profile (it does not start with "${PROFILE_MAGIC}"); pass a *.profile file written by drift-monitor`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== PROFILE_VERSION)
    fail(`has profile format version ${version}; this drift-monitor reads version ${PROFILE_VERSION}; ${remake}`);
  const metaLength = view.getUint32(12, true);
  if (metaLength >= MAX_DECLARED || metaLength > bytes.length - HEADER_BYTES)
    fail(`declares ${metaLength} bytes of metadata but only ${bytes.length - HEADER_BYTES} follow the header (truncated?); ${remake}`);

  let text = '';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(HEADER_BYTES, HEADER_BYTES + metaLength));
  } catch {
    fail(`metadata is not valid UTF-8; ${remake}`);
  }
  let forbidden: string | null = null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden ??= key;
      return value;
    });
  } catch {
    fail(`metadata is not valid JSON; ${remake}`);
  }
  if (forbidden !== null) fail(`metadata contains the key "${forbidden}", which a profile never has; ${remake}`);

  const where = (path: string) => (path ? `metadata ${path}` : 'metadata');
  const obj = (v: unknown, path: string): Json =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : fail(`${where(path)} must be an object; ${remake}`);
  const str = (v: unknown, path: string): string => (typeof v === 'string' ? v : fail(`${where(path)} must be a string; ${remake}`));
  const count = (v: unknown, path: string, max = Number.MAX_SAFE_INTEGER): number =>
    typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max
      ? v
      : fail(`${where(path)} must be an integer from 0 to ${max}, got ${JSON.stringify(v)}; ${remake}`);
  const finite = (v: unknown, path: string): number =>
    typeof v === 'number' && Number.isFinite(v) ? v : fail(`${where(path)} must be a finite number; ${remake}`);

  const root = obj(parsed, '');
  if (root.format !== 'drift-monitor-profile') fail(`${where('format')} must be "drift-monitor-profile"; ${remake}`);
  if (root.version !== version)
    fail(`${where('version')} (${JSON.stringify(root.version)}) differs from the header's version ${version}; ${remake}`);
  const created = str(root.created_at, 'created_at');
  if (Number.isNaN(Date.parse(created))) fail(`${where('created_at')} is not an ISO 8601 time; ${remake}`);
  const src = obj(root.source, 'source');
  const source: ProfileSource = {
    file_name: str(src.file_name, 'source.file_name'),
    size_bytes: count(src.size_bytes, 'source.size_bytes'),
    sha256: str(src.sha256, 'source.sha256'),
  };
  if (!/^[0-9a-f]{64}$/.test(source.sha256)) fail(`${where('source.sha256')} must be 64 lowercase hex digits; ${remake}`);
  const cfg = obj(root.config, 'config');
  const config: ProfileConfig = {
    maxExactValues: count(cfg.max_exact_values, 'config.max_exact_values', MAX_DECLARED),
    sketchK: count(cfg.sketch_k, 'config.sketch_k', 65535),
    sketchSeed: count(cfg.sketch_seed, 'config.sketch_seed', 2 ** 32 - 1),
  };
  const settings = obj(root.settings, 'settings');
  if (!Array.isArray(root.columns)) fail(`${where('columns')} must be an array; ${remake}`);
  const columnsJson = root.columns as unknown[];

  // Sizes first: the arrays must fill the rest of the file exactly, before anything is allocated.
  let offset = HEADER_BYTES + metaLength;
  const available = bytes.length - offset;
  let declaredFloats = 0;
  const names = new Set<string>();
  const plans = columnsJson.map((raw, i) => {
    const c = obj(raw, `columns[${i}]`);
    const name = str(c.name, `columns[${i}].name`);
    const at = `column "${name}"`;
    if (names.has(name)) fail(`${where('columns')} lists ${at} twice; ${remake}`);
    names.add(name);
    const rows = count(c.rows, `${at} rows`);
    const missing = count(c.missing, `${at} missing`);
    if (missing > rows) fail(`${where(at)} has more missing values (${missing}) than rows (${rows}); ${remake}`);
    if (c.kind === 'categorical') return { c, name, at, rows, missing, kind: 'categorical' as const, sizes: [] as number[] };
    if (c.kind !== 'numerical') fail(`${where(at)} kind must be "numerical" or "categorical"; ${remake}`);
    let sizes: number[];
    if (c.mode === 'exact') {
      const d = count(c.distinct, `${at} distinct`, MAX_DECLARED);
      sizes = [d, d];
    } else if (c.mode === 'sketch') {
      if (!Array.isArray(c.level_sizes)) fail(`${where(at)} level_sizes must be an array; ${remake}`);
      const levels = c.level_sizes as unknown[];
      if (levels.length > 64) fail(`${where(at)} has ${levels.length} sketch levels (at most 64); ${remake}`);
      sizes = levels.map((s, h) => count(s, `${at} level_sizes[${h}]`, MAX_DECLARED));
    } else return fail(`${where(at)} mode must be "exact" or "sketch"; ${remake}`);
    for (const s of sizes) declaredFloats += s;
    return { c, name, at, rows, missing, kind: 'numerical' as const, sizes };
  });
  if (declaredFloats * 8 > available)
    fail(
      `metadata declares ${declaredFloats} numbers (${declaredFloats * 8} bytes) but only ${available} bytes follow it (truncated?); ${remake}`,
    );
  if (declaredFloats * 8 < available) fail(`has ${available - declaredFloats * 8} bytes after the declared arrays; ${remake}`);

  const readFloats = (len: number): Float64Array => {
    const a = new Float64Array(len);
    for (let i = 0; i < len; i++, offset += 8) a[i] = view.getFloat64(offset, true);
    return a;
  };
  const ascending = (a: Float64Array, at: string, strict: boolean) => {
    for (let i = 0; i < a.length; i++) {
      if (Number.isNaN(a[i])) fail(`${at} holds NaN at position ${i + 1}; ${remake}`);
      if (i > 0 && (strict ? a[i] <= a[i - 1] : a[i] < a[i - 1])) fail(`${at} is not sorted ascending at position ${i + 1}; ${remake}`);
    }
  };

  const columns = plans.map((p): ColumnProfile => {
    const base = { name: p.name, rows: p.rows, missing: p.missing };
    const present = p.rows - p.missing;
    if (p.kind === 'categorical') {
      if (!Array.isArray(p.c.categories)) fail(`${where(p.at)} categories must be an array of [name, count] pairs; ${remake}`);
      const counts = new Map<string, number>();
      let total = 0;
      (p.c.categories as unknown[]).forEach((pair, j) => {
        if (!Array.isArray(pair) || pair.length !== 2) fail(`${where(p.at)} categories[${j}] must be a [name, count] pair; ${remake}`);
        const [k, v] = pair as unknown[];
        const cat = str(k, `${p.at} categories[${j}] name`);
        if (counts.has(cat)) fail(`${where(p.at)} lists category "${cat}" twice; ${remake}`);
        const n = count(v, `${p.at} categories[${j}] count`);
        if (n === 0) fail(`${where(p.at)} category "${cat}" has count 0; ${remake}`);
        counts.set(cat, n);
        total += n;
      });
      if (total !== present) fail(`${where(p.at)} category counts add up to ${total}, not rows - missing = ${present}; ${remake}`);
      return { ...base, kind: 'categorical', counts };
    }
    if (p.c.mode === 'exact') {
      const values = readFloats(p.sizes[0]);
      const counts = readFloats(p.sizes[0]);
      ascending(values, `${p.at}: the distinct values`, true);
      let total = 0;
      for (let i = 0; i < counts.length; i++) {
        if (!(Number.isInteger(counts[i]) && counts[i] >= 1))
          fail(`${p.at}: count ${counts[i]} at position ${i + 1} is not a positive integer; ${remake}`);
        total += counts[i];
      }
      if (total !== present) fail(`${p.at}: counts add up to ${total}, not rows - missing = ${present}; ${remake}`);
      return { ...base, kind: 'numerical', mode: 'exact', values, counts };
    }
    const levels = p.sizes.map((s, h) => {
      const level = readFloats(s);
      ascending(level, `${p.at}: sketch level ${h}`, false);
      return level;
    });
    const n = count(p.c.n, `${p.at} n`);
    const k = count(p.c.k, `${p.at} k`, 65535);
    if (k < 8) fail(`${where(p.at)} k must be at least 8; ${remake}`);
    if (k !== config.sketchK) fail(`${where(p.at)} k (${k}) differs from config.sketch_k (${config.sketchK}); ${remake}`);
    const weight = levels.reduce((s, l, h) => s + l.length * 2 ** h, 0);
    if (weight !== n || n !== present)
      fail(`${p.at}: the sketch holds ${weight} values and declares n = ${n}, with rows - missing = ${present}; ${remake}`);
    const min = n === 0 ? NaN : finite(p.c.min, `${p.at} min`);
    const max = n === 0 ? NaN : finite(p.c.max, `${p.at} max`);
    for (const level of levels)
      for (const x of level)
        if (x < min || x > max) fail(`${p.at}: sketch item ${x} lies outside [min, max] = [${min}, ${max}]; ${remake}`);
    const sketch = KllSketch.fromState({
      k,
      seed: count(p.c.seed, `${p.at} seed`, 2 ** 32 - 1),
      compactions: count(p.c.compactions, `${p.at} compactions`),
      n,
      min,
      max,
      levels,
    });
    return { ...base, kind: 'numerical', mode: 'sketch', sketch };
  });

  return { profile: { config, columns }, meta: { created_at: created, source, settings } };
}
