/**
 * The `*.profile` file: a profile (columnProfile.ts) on disk, format version 2.
 *
 *   bytes 0-7    magic "DMPROFIL"
 *   bytes 8-11   format version, uint32 little-endian (2)
 *   bytes 12-15  length L of the metadata, uint32 little-endian
 *   16 .. 16+L   metadata: UTF-8 JSON, described by schema/profile.schema.json
 *   then         the number arrays, little-endian float64, column after column in metadata order:
 *                numbers.mode "exact": the `distinct` values (ascending), then their `distinct` counts;
 *                numbers.mode "sketch": the items of sketch level 0, 1, ... (`level_sizes` of them,
 *                each level ascending). Text counts are in the metadata (`text`: [text, count] pairs).
 *
 * Counts are float64 (integers up to 2^53; uint32 would cap a merged profile at 4.3e9 rows). The same
 * profile always gives the same bytes (fixed key order, no time stamps but the profile's own createdAt).
 *
 * Reading trusts nothing: the metadata is checked key by key (unknown keys, `__proto__` included, are
 * refused; text counts go into a Map), every declared size is checked against the file before
 * anything is allocated, and the numbers must add up (numbers + non-numeric + missing = rows). Every
 * problem is one InputError naming the file, what is wrong and what to do.
 */
import { InputError } from '../errors.ts';
import {
  type BinnedNumbers,
  TEXT_DISTINCT_CAP,
  TEXT_LIMIT,
  type ColumnProfile,
  type NumberSummary,
  type Profile,
  type ProfileConfig,
  type ProfileNumberFormat,
  type ProfileSource,
} from './columnProfile.ts';
import { KllSketch } from './kllSketch.ts';
import { profileKinds } from './profileKind.ts';

export const PROFILE_MAGIC = 'DMPROFIL';
export const PROFILE_VERSION = 2;
export const PROFILE_FORMAT = 'drift-monitor-profile';
const HEADER_BYTES = 16;
/** Declared array sizes above this are refused before any allocation (a 2^31-item array is 16 GiB). */
const MAX_ARRAY = 2 ** 31;
/** A KLL sketch of 2^53 items has under 64 levels. */
const MAX_LEVELS = 64;

/** True when the bytes start with the profile magic (how a reference file is told from a CSV). */
export function hasProfileMagic(head: Uint8Array): boolean {
  if (head.length < PROFILE_MAGIC.length) return false;
  for (let i = 0; i < PROFILE_MAGIC.length; i++) if (head[i] !== PROFILE_MAGIC.charCodeAt(i)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Writing

/** The host stores float64 little-endian, as the file does (then arrays are copied, not converted). */
const LITTLE_ENDIAN = new Uint8Array(Float64Array.of(1).buffer)[7] === 0x3f;

function hasNegativeZero(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] === 0 && 1 / a[i] < 0) return true;
  return false;
}

type JsonObject = { [key: string]: unknown };

function sourceJson(s: ProfileSource): JsonObject {
  return {
    file: s.file,
    size: s.size,
    sha256: s.sha256,
    delimiter: s.delimiter,
    missing_values: s.missingValues,
    encoding: s.encoding,
    decimal: s.decimal,
    thousands: s.thousands,
    dropped: s.dropped,
    label: s.label,
  };
}

function numberFormatJson(f: ProfileNumberFormat): JsonObject {
  return {
    decimal: f.decimal,
    decided_by: f.decidedBy,
    thousands: f.thousands,
    locale_cells: f.localeCells,
    ambiguous_cells: f.ambiguousCells,
    ...(f.example ? { example: { row: f.example.row, text: f.example.text, value: f.example.value, score: f.example.score } } : {}),
    ...(f.conflicts ? { conflicts: { count: f.conflicts.count, row: f.conflicts.row, text: f.conflicts.text } } : {}),
  };
}

function numbersJson(n: NumberSummary): JsonObject {
  if (n.mode === 'exact') return { mode: 'exact', distinct: n.values.length };
  const s = n.sketch.toState();
  return {
    mode: 'sketch',
    k: s.k,
    seed: s.seed,
    compactions: s.compactions,
    n: s.n,
    min: s.n === 0 ? null : s.min,
    max: s.n === 0 ? null : s.max,
    level_sizes: s.levels.map((l) => l.length),
    distinct_at_least: n.distinctAtLeast,
  };
}

function columnJson(c: ColumnProfile, kind: string): JsonObject {
  return {
    name: c.name,
    kind,
    rows: c.rows,
    missing: c.missing,
    non_numeric: c.nonNumeric,
    first_non_numeric: c.firstNonNumeric === null ? null : { row: c.firstNonNumeric.row, value: c.firstNonNumeric.value },
    integer_valued: c.integerValued,
    numbers_unique: c.numbersUnique,
    text_distinct: c.textDistinct,
    ...(c.textSample ? { text_sample: c.textSample } : {}),
    ...(c.numberFormat ? { number_format: numberFormatJson(c.numberFormat) } : {}),
    numbers: numbersJson(c.numbers),
    text: c.text === null ? null : [...c.text],
    ...(c.binned ? { binned: { distinct: c.binned.distinct, bound: c.binned.bound } } : {}),
  };
}

/** The metadata object of a profile (what encodeProfile writes as JSON). */
export function profileMetadata(p: Profile): JsonObject {
  const kinds = profileKinds(p);
  return {
    format: PROFILE_FORMAT,
    version: PROFILE_VERSION,
    created_at: p.createdAt,
    rows: p.rows,
    ...(p.headerIsNumbers !== undefined ? { header_is_numbers: p.headerIsNumbers } : {}),
    config: { max_exact_values: p.config.maxExactValues, sketch_k: p.config.sketchK, sketch_seed: p.config.sketchSeed },
    source: p.source === null ? null : sourceJson(p.source),
    ...(p.mergedFrom ? { merged_from: p.mergedFrom.map(sourceJson) } : {}),
    ...(p.unreadable ? { unreadable_columns: p.unreadable.map((u) => ({ name: u.name, reason: u.reason })) } : {}),
    warnings: p.warnings,
    columns: p.columns.map((c, i) => columnJson(c, kinds[i])),
  };
}

export function encodeProfile(p: Profile): Uint8Array {
  const arrays: Float64Array[] = [];
  for (const c of p.columns) {
    if (c.numbers.mode === 'exact') arrays.push(c.numbers.values, c.numbers.counts);
    else arrays.push(...c.numbers.sketch.toState().levels);
  }
  const metaBytes = new TextEncoder().encode(JSON.stringify(profileMetadata(p)));
  const floats = arrays.reduce((s, a) => s + a.length, 0);
  const out = new Uint8Array(HEADER_BYTES + metaBytes.length + floats * 8);
  const view = new DataView(out.buffer);
  for (let i = 0; i < PROFILE_MAGIC.length; i++) out[i] = PROFILE_MAGIC.charCodeAt(i);
  view.setUint32(8, PROFILE_VERSION, true);
  view.setUint32(12, metaBytes.length, true);
  out.set(metaBytes, HEADER_BYTES);
  let offset = HEADER_BYTES + metaBytes.length;
  for (const a of arrays) {
    // On little-endian hosts (all current browsers' and Node's platforms) the array's bytes are the
    // file's bytes: one copy. -0 is written as 0 (a profile holds one zero; the builder stores 0 already).
    if (LITTLE_ENDIAN && !hasNegativeZero(a)) out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), offset);
    else for (let i = 0; i < a.length; i++) view.setFloat64(offset + i * 8, a[i] === 0 ? 0 : a[i], true);
    offset += a.byteLength;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Reading

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Reads a profile written by encodeProfile; `fileName` names the file in every error. */
export function decodeProfile(bytes: Uint8Array, fileName: string): Profile {
  const remake = `re-create it with drift-monitor profile <data.csv> -o ${fileName}`;
  const fail = (what: string): never => {
    throw new InputError(`${fileName}: ${what}; ${remake}`);
  };
  if (bytes.length === 0) fail('is empty (0 bytes)');
  if (!hasProfileMagic(bytes)) {
    if (bytes.length < PROFILE_MAGIC.length && bytes.every((b, i) => b === PROFILE_MAGIC.charCodeAt(i)))
      fail(`is truncated (${bytes.length} bytes; a profile starts with a ${HEADER_BYTES}-byte header)`);
    throw new InputError(
      `${fileName}: is not a drift-monitor profile (it does not start with "${PROFILE_MAGIC}"); pass a *.profile file written by drift-monitor profile`,
    );
  }
  if (bytes.length < HEADER_BYTES) fail(`is truncated (${bytes.length} bytes; a profile starts with a ${HEADER_BYTES}-byte header)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version < PROFILE_VERSION)
    fail(`was made by an older version of drift-monitor (profile format ${version}; this version reads format ${PROFILE_VERSION})`);
  if (version > PROFILE_VERSION)
    throw new InputError(
      `${fileName}: was made by a newer version of drift-monitor (profile format ${version}; this version reads format ${PROFILE_VERSION}); update drift-monitor, or ${remake}`,
    );
  const metaLength = view.getUint32(12, true);
  if (metaLength > bytes.length - HEADER_BYTES)
    fail(`declares ${metaLength} bytes of metadata but only ${bytes.length - HEADER_BYTES} follow the header (truncated?)`);

  let text = '';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(HEADER_BYTES, HEADER_BYTES + metaLength));
  } catch {
    fail('its metadata is not valid UTF-8');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    fail('its metadata is not valid JSON');
  }

  const read = new MetadataReader(fail);
  const root = read.object(parsed, 'metadata', {
    required: ['format', 'version', 'created_at', 'rows', 'config', 'source', 'warnings', 'columns'],
    optional: ['header_is_numbers', 'merged_from', 'unreadable_columns'],
  });
  if (root.format !== PROFILE_FORMAT) fail(`metadata format must be "${PROFILE_FORMAT}"`);
  if (root.version !== version) fail(`metadata version (${JSON.stringify(root.version)}) differs from the header's version ${version}`);
  const createdAt = read.string(root.created_at, 'metadata created_at');
  if (!ISO_TIME.test(createdAt) || Number.isNaN(Date.parse(createdAt))) fail('metadata created_at is not an ISO 8601 time');
  const rows = read.integer(root.rows, 'metadata rows');
  const cfg = read.object(root.config, 'metadata config', { required: ['max_exact_values', 'sketch_k', 'sketch_seed'] });
  const config: ProfileConfig = {
    maxExactValues: read.integer(cfg.max_exact_values, 'metadata config.max_exact_values', MAX_ARRAY),
    sketchK: read.integer(cfg.sketch_k, 'metadata config.sketch_k', 65535, 8),
    sketchSeed: read.integer(cfg.sketch_seed, 'metadata config.sketch_seed', 2 ** 32 - 1),
  };
  const source = root.source === null ? null : read.source(root.source, 'metadata source');
  const mergedFrom =
    root.merged_from === undefined
      ? undefined
      : read.array(root.merged_from, 'metadata merged_from').map((s, i) => read.source(s, `metadata merged_from[${i}]`));
  const warnings = read.array(root.warnings, 'metadata warnings').map((w, i) => read.string(w, `metadata warnings[${i}]`));
  const headerIsNumbers =
    root.header_is_numbers === undefined ? undefined : read.boolean(root.header_is_numbers, 'metadata header_is_numbers');
  const unreadable =
    root.unreadable_columns === undefined
      ? undefined
      : read.array(root.unreadable_columns, 'metadata unreadable_columns').map((u, i) => {
          const at = `metadata unreadable_columns[${i}]`;
          const o = read.object(u, at, { required: ['name', 'reason'] });
          return { name: read.string(o.name, `${at}.name`), reason: read.string(o.reason, `${at}.reason`) };
        });

  // Sizes first: the arrays must fill the rest of the file exactly, before anything is allocated.
  const available = bytes.length - HEADER_BYTES - metaLength;
  let declaredFloats = 0;
  const names = new Set<string>();
  const plans = read.array(root.columns, 'metadata columns').map((raw, i) => {
    const plan = read.column(raw, `metadata columns[${i}]`, rows, config);
    if (names.has(plan.name)) fail(`metadata lists column ${JSON.stringify(plan.name)} twice`);
    names.add(plan.name);
    for (const s of plan.sizes) declaredFloats += s;
    return plan;
  });
  if (declaredFloats * 8 > available)
    fail(
      `its metadata declares ${declaredFloats} numbers (${declaredFloats * 8} bytes) but only ${available} bytes follow it (truncated?)`,
    );
  if (declaredFloats * 8 < available) fail(`has ${available - declaredFloats * 8} bytes after the declared arrays`);

  let offset = HEADER_BYTES + metaLength;
  const copyFloats = (length: number): Float64Array => {
    const a = new Float64Array(length);
    if (LITTLE_ENDIAN) new Uint8Array(a.buffer).set(bytes.subarray(offset, offset + length * 8));
    else for (let i = 0; i < length; i++) a[i] = view.getFloat64(offset + i * 8, true);
    offset += length * 8;
    return a;
  };
  const finiteAt = (a: Float64Array, at: string, bad: number) => {
    if (bad < 0) return;
    const x = a[bad];
    if (!Number.isFinite(x)) fail(`${at} holds ${x} at position ${bad + 1} (only finite numbers are stored)`);
    fail(`${at} holds -0 at position ${bad + 1} (a profile stores 0)`);
  };
  const readFloats = (length: number, at: string): Float64Array => {
    const a = copyFloats(length);
    finiteAt(a, at, firstNotStored(a));
    return a;
  };
  const ascending = (a: Float64Array, at: string, strict: boolean) => {
    for (let i = 1; i < a.length; i++)
      if (strict ? a[i] <= a[i - 1] : a[i] < a[i - 1]) fail(`${at} are not sorted ascending at position ${i + 1}`);
  };

  const columns = plans.map((p): ColumnProfile => {
    const present = p.rows - p.missing - p.nonNumeric;
    let numbers: NumberSummary;
    if (p.numbers.mode === 'exact') {
      // Each array checked in one pass (the exact arrays are most of a large profile's bytes), the
      // problems named in the order of the checks: stored numbers, ascending, counts.
      const values = copyFloats(p.sizes[0]);
      const v = scanValues(values);
      finiteAt(values, `${p.at}: the distinct values`, v.notStored);
      const counts = copyFloats(p.sizes[1]);
      const c = scanCounts(counts);
      finiteAt(counts, `${p.at}: the counts`, c.notStored);
      if (v.notAscending >= 0) fail(`${p.at}: the distinct values are not sorted ascending at position ${v.notAscending + 1}`);
      if (c.notCount >= 0) fail(`${p.at}: count ${counts[c.notCount]} at position ${c.notCount + 1} is not a positive integer`);
      const { total, allOnce } = c;
      if (!Number.isSafeInteger(total) || total !== present)
        fail(`${p.at}: the counts add up to ${total}, not rows - missing - non_numeric = ${present}`);
      if (p.binned) {
        if (p.numbers.mode !== 'exact') fail(`${p.at}: binned numbers must be stored in exact form (edges and bin counts)`);
        if (p.binned.distinct < values.length)
          fail(`${p.at}: binned.distinct (${p.binned.distinct}) is less than its ${values.length} bin edges`);
        // Edges are values of the column, but the facts cover every number (not only the edges): they are the engine's.
        if (p.integerValued && !values.every(Number.isInteger)) fail(`${p.at}: integer_valued is true but a bin edge is not an integer`);
      } else if (values.length > 0) {
        if (p.integerValued !== v.allIntegers) fail(`${p.at}: integer_valued does not match its values`);
        if (p.numbersUnique !== allOnce) fail(`${p.at}: numbers_unique does not match its counts`);
      }
      numbers = { mode: 'exact', values, counts };
    } else {
      const s = p.numbers;
      const levels = p.sizes.map((size, h) => {
        const level = readFloats(size, `${p.at}: sketch level ${h}`);
        ascending(level, `${p.at}: the items of sketch level ${h}`, false);
        return level;
      });
      const weight = levels.reduce((sum, l, h) => sum + l.length * 2 ** h, 0);
      if (weight !== s.n) fail(`${p.at}: the sketch holds ${weight} values but declares n = ${s.n}`);
      if (s.n !== present) fail(`${p.at}: the sketch's n = ${s.n} differs from rows - missing - non_numeric = ${present}`);
      for (const level of levels)
        for (const x of level) if (x < s.min || x > s.max) fail(`${p.at}: sketch item ${x} lies outside [min, max] = [${s.min}, ${s.max}]`);
      const sketch = KllSketch.fromState({ k: s.k, seed: s.seed, compactions: s.compactions, n: s.n, min: s.min, max: s.max, levels });
      numbers = { mode: 'sketch', sketch, distinctAtLeast: s.distinctAtLeast };
    }
    return {
      name: p.name,
      rows: p.rows,
      missing: p.missing,
      numbers,
      integerValued: p.integerValued,
      numbersUnique: p.numbersUnique,
      nonNumeric: p.nonNumeric,
      firstNonNumeric: p.firstNonNumeric,
      text: p.text,
      textDistinct: p.textDistinct,
      ...(p.textSample ? { textSample: p.textSample } : {}),
      ...(p.numberFormat ? { numberFormat: p.numberFormat } : {}),
      ...(p.binned ? { binned: p.binned } : {}),
    };
  });

  return {
    config,
    rows,
    columns,
    warnings,
    ...(headerIsNumbers !== undefined ? { headerIsNumbers } : {}),
    source,
    createdAt,
    ...(mergedFrom !== undefined ? { mergedFrom } : {}),
    ...(unreadable !== undefined ? { unreadable } : {}),
  };
}

/** The first position of a number a profile does not store (not finite, or -0), or -1. */
function firstNotStored(a: Float64Array): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (x - x !== 0 || (x === 0 && 1 / x < 0)) return i;
  }
  return -1;
}

/**
 * An exact column's distinct values in one pass: the first position not stored (as firstNotStored),
 * the first not strictly above the one before it (among stored numbers before any not stored), and
 * whether all are integers.
 */
function scanValues(a: Float64Array): { notStored: number; notAscending: number; allIntegers: boolean } {
  let notAscending = -1;
  let allIntegers = true;
  let prev = -Infinity;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (x - x !== 0 || (x === 0 && 1 / x < 0)) return { notStored: i, notAscending, allIntegers };
    if (i > 0 && x <= prev && notAscending < 0) notAscending = i;
    if (allIntegers && Math.floor(x) !== x) allIntegers = false;
    prev = x;
  }
  return { notStored: -1, notAscending, allIntegers };
}

/** An exact column's counts in one pass: the first position not stored, the first not a positive integer, their sum, all 1. */
function scanCounts(a: Float64Array): { notStored: number; notCount: number; total: number; allOnce: boolean } {
  let notCount = -1;
  let total = 0;
  let allOnce = true;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (x - x !== 0 || (x === 0 && 1 / x < 0)) return { notStored: i, notCount, total, allOnce };
    if (notCount < 0 && !(Math.floor(x) === x && x >= 1)) notCount = i;
    total += x;
    if (x !== 1) allOnce = false;
  }
  return { notStored: -1, notCount, total, allOnce };
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

type SketchPlan = {
  mode: 'sketch';
  k: number;
  seed: number;
  compactions: number;
  n: number;
  min: number;
  max: number;
  distinctAtLeast: number;
};

/** A column's metadata, checked, with the sizes of its arrays (read after all sizes are known). */
interface ColumnPlan {
  at: string;
  name: string;
  rows: number;
  missing: number;
  nonNumeric: number;
  firstNonNumeric: ColumnProfile['firstNonNumeric'];
  integerValued: boolean;
  numbersUnique: boolean;
  textDistinct: number;
  text: Map<string, number> | null;
  textSample?: string[];
  numberFormat?: ProfileNumberFormat;
  binned?: BinnedNumbers;
  numbers: { mode: 'exact' } | SketchPlan;
  sizes: number[];
}

/** Typed, strict access to the parsed metadata; every failure goes through `fail` (one InputError). */
class MetadataReader {
  constructor(private readonly fail: (what: string) => never) {}

  object(v: unknown, at: string, keys: { required: string[]; optional?: string[] }): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return this.fail(`${at} must be an object`);
    const allowed = new Set([...keys.required, ...(keys.optional ?? [])]);
    // JSON.parse makes "__proto__" an own key (not the prototype), so listing own keys sees it.
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) this.fail(`${at} contains the key "${key}", which a profile never has`);
      if (!allowed.has(key)) this.fail(`${at} has the unknown key ${JSON.stringify(key)}`);
    }
    for (const key of keys.required) if (!Object.hasOwn(v, key)) this.fail(`${at} lacks the key "${key}"`);
    // A null-prototype copy: nothing read below can reach Object.prototype.
    const out = Object.create(null) as Record<string, unknown>;
    for (const [key, value] of Object.entries(v)) out[key] = value;
    return out;
  }

  array(v: unknown, at: string): unknown[] {
    return Array.isArray(v) ? v : this.fail(`${at} must be an array`);
  }

  string(v: unknown, at: string): string {
    return typeof v === 'string' ? v : this.fail(`${at} must be a string`);
  }

  boolean(v: unknown, at: string): boolean {
    return typeof v === 'boolean' ? v : this.fail(`${at} must be true or false`);
  }

  integer(v: unknown, at: string, max = Number.MAX_SAFE_INTEGER, min = 0): number {
    return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? v
      : this.fail(`${at} must be an integer from ${min} to ${max}, got ${JSON.stringify(v)}`);
  }

  finite(v: unknown, at: string): number {
    return typeof v === 'number' && Number.isFinite(v) ? v : this.fail(`${at} must be a finite number`);
  }

  strings(v: unknown, at: string): string[] {
    return this.array(v, at).map((s, i) => this.string(s, `${at}[${i}]`));
  }

  source(v: unknown, at: string): ProfileSource {
    const s = this.object(v, at, {
      required: ['file', 'size', 'sha256', 'delimiter', 'missing_values', 'encoding', 'decimal', 'thousands', 'dropped', 'label'],
    });
    const sha256 = s.sha256 === null ? null : this.string(s.sha256, `${at}.sha256`);
    if (sha256 !== null && !/^[0-9a-f]{64}$/.test(sha256)) this.fail(`${at}.sha256 must be 64 lowercase hex digits or null`);
    return {
      file: this.string(s.file, `${at}.file`),
      size: this.integer(s.size, `${at}.size`),
      sha256,
      delimiter: this.string(s.delimiter, `${at}.delimiter`),
      missingValues: this.strings(s.missing_values, `${at}.missing_values`),
      encoding: this.string(s.encoding, `${at}.encoding`),
      decimal: this.string(s.decimal, `${at}.decimal`),
      thousands: this.string(s.thousands, `${at}.thousands`),
      dropped: this.strings(s.dropped, `${at}.dropped`),
      label: s.label === null ? null : this.string(s.label, `${at}.label`),
    };
  }

  numberFormat(v: unknown, at: string, rows: number): ProfileNumberFormat {
    const f = this.object(v, at, {
      required: ['decimal', 'decided_by', 'thousands', 'locale_cells', 'ambiguous_cells'],
      optional: ['example', 'conflicts'],
    });
    if (f.decimal !== '.' && f.decimal !== ',' && f.decimal !== null) this.fail(`${at}.decimal must be ".", "," or null`);
    const out: ProfileNumberFormat = {
      decimal: f.decimal,
      decidedBy: this.string(f.decided_by, `${at}.decided_by`),
      thousands: this.string(f.thousands, `${at}.thousands`),
      localeCells: this.integer(f.locale_cells, `${at}.locale_cells`, rows),
      ambiguousCells: this.integer(f.ambiguous_cells, `${at}.ambiguous_cells`, rows),
    };
    if (f.example !== undefined) {
      const e = this.object(f.example, `${at}.example`, { required: ['row', 'text', 'value', 'score'] });
      out.example = {
        row: this.integer(e.row, `${at}.example.row`),
        text: this.string(e.text, `${at}.example.text`),
        value: e.value === null ? null : this.finite(e.value, `${at}.example.value`),
        score: this.integer(e.score, `${at}.example.score`, 1000),
      };
    }
    if (f.conflicts !== undefined) {
      const c = this.object(f.conflicts, `${at}.conflicts`, { required: ['count', 'row', 'text'] });
      out.conflicts = {
        count: this.integer(c.count, `${at}.conflicts.count`, rows),
        row: this.integer(c.row, `${at}.conflicts.row`),
        text: this.string(c.text, `${at}.conflicts.text`),
      };
    }
    return out;
  }

  column(raw: unknown, path: string, profileRows: number, config: ProfileConfig): ColumnPlan {
    const c = this.object(raw, path, {
      required: [
        'name',
        'kind',
        'rows',
        'missing',
        'non_numeric',
        'first_non_numeric',
        'integer_valued',
        'numbers_unique',
        'text_distinct',
        'numbers',
        'text',
      ],
      optional: ['number_format', 'text_sample', 'binned'],
    });
    const name = this.string(c.name, `${path}.name`);
    const at = `${path} (column ${JSON.stringify(name)})`;
    // `kind` is informational (profileKind.ts); a run types columns itself, so any listed kind is read.
    if (c.kind !== 'numerical' && c.kind !== 'categorical' && c.kind !== 'skipped')
      this.fail(`${at} kind must be "numerical", "categorical" or "skipped"`);
    const rows = this.integer(c.rows, `${at} rows`);
    if (rows !== profileRows) this.fail(`${at} has ${rows} rows, the profile ${profileRows}`);
    const missing = this.integer(c.missing, `${at} missing`, rows);
    const nonNumeric = this.integer(c.non_numeric, `${at} non_numeric`, rows - missing);
    let firstNonNumeric: ColumnPlan['firstNonNumeric'] = null;
    if (c.first_non_numeric !== null) {
      const f = this.object(c.first_non_numeric, `${at} first_non_numeric`, { required: ['row', 'value'] });
      firstNonNumeric = {
        row: this.integer(f.row, `${at} first_non_numeric.row`, Number.MAX_SAFE_INTEGER, 1),
        value: this.string(f.value, `${at} first_non_numeric.value`),
      };
    }
    if ((firstNonNumeric === null) !== (nonNumeric === 0)) this.fail(`${at} first_non_numeric must be null exactly when non_numeric is 0`);
    const integerValued = this.boolean(c.integer_valued, `${at} integer_valued`);
    const numbersUnique = this.boolean(c.numbers_unique, `${at} numbers_unique`);
    const textDistinct = this.integer(c.text_distinct, `${at} text_distinct`, TEXT_DISTINCT_CAP + 1);
    let textSample: string[] | undefined;
    if (c.text_sample !== undefined) {
      if (c.text !== null) this.fail(`${at} text_sample is only kept when text is null`);
      textSample = this.strings(c.text_sample, `${at} text_sample`);
      if (textSample.length > TEXT_LIMIT) this.fail(`${at} text_sample lists ${textSample.length} texts (at most ${TEXT_LIMIT})`);
    }
    const numberFormat = c.number_format === undefined ? undefined : this.numberFormat(c.number_format, `${at} number_format`, rows);
    let binned: BinnedNumbers | undefined;
    if (c.binned !== undefined) {
      const b = this.object(c.binned, `${at} binned`, { required: ['distinct', 'bound'] });
      const bound = this.finite(b.bound, `${at} binned.bound`);
      if (bound < 0 || bound > 1) this.fail(`${at} binned.bound must be from 0 to 1, got ${bound}`);
      binned = { distinct: this.integer(b.distinct, `${at} binned.distinct`), bound };
    }

    let text: Map<string, number> | null = null;
    if (textDistinct > nonNumeric) this.fail(`${at} text_distinct (${textDistinct}) is more than its ${nonNumeric} non-numeric cells`);
    if (c.text !== null) {
      const pairs = this.array(c.text, `${at} text`);
      if (pairs.length > TEXT_LIMIT) this.fail(`${at} text lists ${pairs.length} texts (at most ${TEXT_LIMIT})`);
      text = new Map();
      let total = 0;
      pairs.forEach((pair, j) => {
        if (!Array.isArray(pair) || pair.length !== 2) this.fail(`${at} text[${j}] must be a [text, count] pair`);
        const [t, n] = pair as unknown[];
        const value = this.string(t, `${at} text[${j}][0]`);
        if (text!.has(value)) this.fail(`${at} text lists ${JSON.stringify(value)} twice`);
        const count = this.integer(n, `${at} text[${j}][1]`, Number.MAX_SAFE_INTEGER, 1);
        text!.set(value, count);
        total += count;
      });
      if (total !== nonNumeric) this.fail(`${at} text counts add up to ${total}, not non_numeric = ${nonNumeric}`);
      if (text.size !== textDistinct) this.fail(`${at} text lists ${text.size} texts but text_distinct is ${textDistinct}`);
    }

    const present = rows - missing - nonNumeric;
    const nm = this.object(c.numbers, `${at} numbers`, {
      required: ['mode'],
      optional: ['distinct', 'k', 'seed', 'compactions', 'n', 'min', 'max', 'level_sizes', 'distinct_at_least'],
    });
    let numbers: ColumnPlan['numbers'];
    let sizes: number[];
    if (nm.mode === 'exact') {
      this.object(nm, `${at} numbers`, { required: ['mode', 'distinct'] });
      // Binned numbers hold bin edges, as many as the engine's bins (not limited by max_exact_values).
      const distinct = this.integer(nm.distinct, `${at} numbers.distinct`, binned ? MAX_ARRAY : Math.min(config.maxExactValues, MAX_ARRAY));
      if (distinct > present) this.fail(`${at} numbers.distinct (${distinct}) is more than its ${present} numbers`);
      numbers = { mode: 'exact' };
      sizes = [distinct, distinct];
    } else if (nm.mode === 'sketch') {
      this.object(nm, `${at} numbers`, {
        required: ['mode', 'k', 'seed', 'compactions', 'n', 'min', 'max', 'level_sizes', 'distinct_at_least'],
      });
      const k = this.integer(nm.k, `${at} numbers.k`, 65535, 8);
      if (k !== config.sketchK) this.fail(`${at} numbers.k (${k}) differs from config.sketch_k (${config.sketchK})`);
      const n = this.integer(nm.n, `${at} numbers.n`);
      const levelSizes = this.array(nm.level_sizes, `${at} numbers.level_sizes`);
      if (levelSizes.length < 1 || levelSizes.length > MAX_LEVELS)
        this.fail(`${at} numbers.level_sizes lists ${levelSizes.length} levels (1 to ${MAX_LEVELS})`);
      sizes = levelSizes.map((s, h) => this.integer(s, `${at} numbers.level_sizes[${h}]`, MAX_ARRAY));
      numbers = {
        mode: 'sketch',
        k,
        seed: this.integer(nm.seed, `${at} numbers.seed`, 2 ** 32 - 1),
        compactions: this.integer(nm.compactions, `${at} numbers.compactions`),
        n,
        min:
          n === 0
            ? nm.min === null
              ? NaN
              : this.fail(`${at} numbers.min must be null for an empty sketch`)
            : this.finite(nm.min, `${at} numbers.min`),
        max:
          n === 0
            ? nm.max === null
              ? NaN
              : this.fail(`${at} numbers.max must be null for an empty sketch`)
            : this.finite(nm.max, `${at} numbers.max`),
        distinctAtLeast: this.integer(nm.distinct_at_least, `${at} numbers.distinct_at_least`, n),
      };
      if (numbers.min > numbers.max) this.fail(`${at} numbers.min is above numbers.max`);
    } else return this.fail(`${at} numbers.mode must be "exact" or "sketch"`);

    return {
      at,
      name,
      rows,
      missing,
      nonNumeric,
      firstNonNumeric,
      integerValued,
      numbersUnique,
      textDistinct,
      text,
      ...(textSample ? { textSample } : {}),
      ...(numberFormat ? { numberFormat } : {}),
      ...(binned ? { binned } : {}),
      numbers,
      sizes,
    };
  }
}
