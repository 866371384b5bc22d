/**
 * Builds profiles (columnProfile.ts) from parsed tables, whole or in chunks of consecutive rows, and
 * merges profiles. A profile column holds exactly the facts the typing rules (table/planColumns.ts),
 * category alignment (table/categories.ts) and the numerical tests read from a ParsedColumn, so
 * `profileFromTable(table)` answers like the table itself.
 */
import type { Config } from '../config/types.ts';
import { InputError } from '../errors.ts';
import type { ColumnNumberFormat, ParsedColumn, ParsedTable } from '../table/types.ts';
import { TextHashSet } from '../table/TextHashSet.ts';
import { DEFAULT_MAX_EXACT_VALUES, TEXT_DISTINCT_CAP, TEXT_LIMIT } from './columnProfile.ts';
import type { ColumnProfile, NumberSummary, Profile, ProfileConfig, ProfileNumberFormat, ProfileSource } from './columnProfile.ts';
import { DEFAULT_K, KllSketch } from './kllSketch.ts';
import { sortFloat64 } from './sortFloat64.ts';
import { sortAndKeepNumbers } from './sortedNumbers.ts';

export const DEFAULT_PROFILE_CONFIG: ProfileConfig = { maxExactValues: DEFAULT_MAX_EXACT_VALUES, sketchK: DEFAULT_K, sketchSeed: 0x6b6c6c };

/**
 * Numbers are buffered and folded into the sorted (values, counts) pairs in batches of at least this
 * many (or the current distinct count, whichever is larger): each fold sorts the batch and merges two
 * sorted runs, so n numbers cost O(n log n) in all and memory stays at 16 bytes per distinct value plus
 * the batch, where a Map per value would take ~80 bytes per distinct value.
 */
const MIN_BATCH = 1 << 16;

/**
 * The timestamp rule (planColumns) reads every floor(n / 200)-th dictionary entry; a high-cardinality
 * dictionary holds exactly TEXT_LIMIT entries, so these are the entries it reads.
 */
const TEXT_SAMPLE_STEP = Math.floor(TEXT_LIMIT / 200);

/**
 * Distinct numbers counted in a hash table before a column moves to sorted batches: most columns
 * (codes, flags, small integers) never get past it and cost O(1) per cell instead of a sort.
 */
const HASH_LIMIT = 4096;
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/**
 * Accumulates the numbers of one column: up to HASH_LIMIT distinct values in an open-addressing hash
 * table; then buffered, sorted and run-length merged into sorted (values, counts); past maxExactValues
 * distinct values, a KLL sketch. Each step depends only on the sequence of numbers, so a column fed in
 * chunks ends in the same state as the whole column.
 */
class NumberAccumulator {
  /** Hash mode: keys and counts by slot (count 0 = empty slot); null once past HASH_LIMIT. */
  private keys: Float64Array | null = new Float64Array(64);
  private keyCounts: Float64Array = new Float64Array(64);
  private size = 0;
  private readonly hashLimit: number;
  /** Sort mode: sorted distinct values with counts, and the batch not folded in yet. */
  private values: Float64Array = new Float64Array(0);
  private counts: Float64Array = new Float64Array(0);
  private buffer: Float64Array | null = null;
  private used = 0;
  private sketch: KllSketch | null = null;
  private distinctAtLeast = 0;
  /** Every number so far was larger than the one before (row ids): all unique, even in a sketch. */
  ascending = true;
  last = -Infinity;
  /** The first number added (NaN before). */
  first = NaN;
  integerValued = true;
  /**
   * Set by profileFromTable: the count of numbers added once the whole column is in, none coming after
   * (0 = unknown, more chunks may follow). Lets the batch hold all the rest (see leaveHash).
   */
  expected = 0;
  /** Numbers added so far. */
  private added = 0;

  constructor(private readonly config: ProfileConfig) {
    this.hashLimit = Math.min(HASH_LIMIT, config.maxExactValues);
  }

  add(v: number): void {
    // -0 is 0 (one value, as in the table's distinct counts).
    const x = v === 0 ? 0 : v;
    this.added++;
    if (!(x > this.last)) this.ascending = false;
    if (this.first !== this.first) this.first = x;
    this.last = x;
    if (this.integerValued && Math.floor(x) !== x) this.integerValued = false;
    const keys = this.keys;
    if (keys !== null) {
      const mask = keys.length - 1;
      F64[0] = x;
      let i = Math.imul(U32[0] ^ Math.imul(U32[1], 0x9e3779b1), 0x85ebca6b);
      i = (i ^ (i >>> 15)) & mask;
      const counts = this.keyCounts;
      for (;;) {
        const c = counts[i];
        if (c === 0) {
          keys[i] = x;
          counts[i] = 1;
          if (++this.size > this.hashLimit) this.leaveHash();
          else if (this.size * 2 > keys.length) this.rehash(keys.length * 2);
          return;
        }
        if (keys[i] === x) {
          counts[i] = c + 1;
          return;
        }
        i = (i + 1) & mask;
      }
    }
    if (this.sketch !== null) {
      this.sketch.update(x);
      return;
    }
    const buffer = this.buffer!;
    buffer[this.used++] = x;
    if (this.used === buffer.length) this.flush();
  }

  private rehash(slots: number): void {
    const oldKeys = this.keys!;
    const oldCounts = this.keyCounts;
    const keys = new Float64Array(slots);
    const counts = new Float64Array(slots);
    const mask = slots - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      if (oldCounts[j] === 0) continue;
      const x = oldKeys[j];
      F64[0] = x;
      let i = Math.imul(U32[0] ^ Math.imul(U32[1], 0x9e3779b1), 0x85ebca6b);
      i = (i ^ (i >>> 15)) & mask;
      while (counts[i] !== 0) i = (i + 1) & mask;
      keys[i] = x;
      counts[i] = oldCounts[j];
    }
    this.keys = keys;
    this.keyCounts = counts;
  }

  /** The hash table's entries as sorted (values, counts). */
  private hashed(): { values: Float64Array; counts: Float64Array } {
    const keys = this.keys!;
    const values = new Float64Array(this.size);
    let n = 0;
    for (let j = 0; j < keys.length; j++) if (this.keyCounts[j] !== 0) values[n++] = keys[j];
    values.sort();
    // Each count found by probing the table itself (as add() does): a Map of the entries cost more
    // than the rest of a small window's profile.
    const counts = new Float64Array(n);
    const mask = keys.length - 1;
    for (let k = 0; k < n; k++) {
      const x = values[k];
      F64[0] = x;
      let i = Math.imul(U32[0] ^ Math.imul(U32[1], 0x9e3779b1), 0x85ebca6b);
      i = (i ^ (i >>> 15)) & mask;
      while (keys[i] !== x || this.keyCounts[i] === 0) i = (i + 1) & mask;
      counts[k] = this.keyCounts[i];
    }
    return { values, counts };
  }

  get addedSoFar(): number {
    return this.added;
  }

  /**
   * The whole column at once, nothing added before, its `sorted` numbers (sortAndKeepNumbers) at most
   * maxExactValues: the state add() of each number would leave, its exact counts the sorted numbers
   * run-length counted (the hash table or the batches end in the same sorted (values, counts)).
   */
  addSorted(rowValues: Float64Array, rows: number, sorted: Float64Array): void {
    let { ascending, last, first, integerValued } = this;
    for (let i = 0; i < rows; i++) {
      const v = rowValues[i];
      if (v !== v) continue;
      const x = v === 0 ? 0 : v;
      if (!(x > last)) ascending = false;
      if (first !== first) first = x;
      last = x;
      if (integerValued && Math.floor(x) !== x) integerValued = false;
    }
    this.ascending = ascending;
    this.last = last;
    this.first = first;
    this.integerValued = integerValued;
    this.added += sorted.length;
    this.keys = null;
    this.keyCounts = new Float64Array(0);
    this.size = 0;
    const { values, counts } = runLength(sorted);
    this.values = values;
    this.counts = counts;
    this.buffer = new Float64Array(MIN_BATCH);
    this.used = 0;
  }

  /** Past HASH_LIMIT distinct values: on to sorted batches (or straight to the sketch). */
  private leaveHash(): void {
    const { values, counts } = this.hashed();
    this.keys = null;
    this.keyCounts = new Float64Array(0);
    if (values.length > this.config.maxExactValues) {
      this.toSketch(values, counts);
      return;
    }
    this.values = values;
    this.counts = counts;
    // The rest of a whole column in one batch (one sort and one merge, not one per MIN_BATCH numbers)
    // when, even all distinct, it cannot take the column past maxExactValues: then no flush, in batches
    // or not, moves the column to the sketch, and the exact counts at the end are the same. (With more
    // chunks to come the batches must stay as the numbers alone set them: where a later flush moves the
    // column to the sketch shapes the sketch.)
    const rest = this.expected - this.added;
    this.buffer = new Float64Array(values.length + rest <= this.config.maxExactValues ? Math.max(MIN_BATCH, rest) : MIN_BATCH);
  }

  private toSketch(values: Float64Array, counts: Float64Array): void {
    this.sketch = sketchOf(values, counts, this.config);
    this.distinctAtLeast = values.length;
    this.values = this.counts = new Float64Array(0);
    this.buffer = null;
  }

  /** Folds the buffer into the exact counts; past maxExactValues distinct values, moves to the sketch. */
  private flush(): void {
    if (this.used === 0 || this.sketch !== null || this.keys !== null) return;
    const pending = this.buffer!.subarray(0, this.used);
    sortFloat64(pending);
    const batch = runLength(pending);
    this.used = 0;
    const merged = mergeExactCounts(this.values, this.counts, batch.values, batch.counts);
    if (merged.values.length > this.config.maxExactValues) {
      this.toSketch(merged.values, merged.counts);
      return;
    }
    this.values = merged.values;
    this.counts = merged.counts;
    if (this.buffer!.length < this.values.length) this.buffer = new Float64Array(this.values.length);
  }

  /** The summary of everything added (the sketch is a copy: adding more does not change it). */
  summary(): { numbers: NumberSummary; unique: boolean } {
    if (this.keys !== null) {
      const { values, counts } = this.hashed();
      return { numbers: { mode: 'exact', values, counts }, unique: allOnes(counts) };
    }
    this.flush();
    if (this.sketch !== null) {
      return { numbers: { mode: 'sketch', sketch: this.sketch.clone(), distinctAtLeast: this.distinctAtLeast }, unique: this.ascending };
    }
    return { numbers: { mode: 'exact', values: this.values.slice(), counts: this.counts.slice() }, unique: allOnes(this.counts) };
  }
}

/** Adds between two looks at a high-cardinality column's distinct count once it may pass the cap. */
const TEXT_CHECK = 1 << 20;

/** Accumulates the text cells of one column: counts per text up to TEXT_LIMIT, then distinct hashes. */
class TextAccumulator {
  text: Map<string, number> | null = new Map();
  /** Distinct texts after `text` was dropped (same hash as the table reader's, TextHashSet). */
  private hashes: TextHashSet | null = null;
  /** The first TEXT_LIMIT distinct texts in order of first appearance, kept when `text` is dropped. */
  private firstKeys: string[] | null = null;
  private hashed = 0;
  /** Every TEXT_SAMPLE_STEP-th of the first TEXT_LIMIT distinct texts, kept when `text` is dropped. */
  sample: string[] | null = null;
  /** Distinct texts of chunks that came without codes (high-cardinality chunks): added, not deduplicated. */
  uncounted = 0;

  /** `count` more cells of text `s`. */
  add(s: string, count: number): void {
    const text = this.text;
    if (text !== null) {
      const before = text.get(s);
      if (before !== undefined) {
        text.set(s, before + count);
        return;
      }
      if (text.size < TEXT_LIMIT) {
        text.set(s, count);
        return;
      }
      this.drop();
    }
    this.hash(s);
  }

  /** Stops keeping counts; distinct texts go on as hashes. */
  drop(): void {
    if (this.text === null) return;
    const keys = [...this.text.keys()];
    this.sample ??= sampleOf(keys);
    this.firstKeys ??= keys;
    this.hashes = new TextHashSet(Math.max(MIN_BATCH, keys.length * 2));
    this.text = null;
    for (const k of keys) this.hash(k);
  }

  private hash(s: string): void {
    const hashes = this.hashes!;
    if (hashes === null) return;
    hashes.add(s);
    // Bounded memory: past the cap the count is "more than TEXT_DISTINCT_CAP" and hashing stops. The
    // distinct count (a sort of the hashes) is looked at only once the adds could have passed the cap.
    if (++this.hashed > TEXT_DISTINCT_CAP && this.hashed % TEXT_CHECK === 0 && hashes.size > TEXT_DISTINCT_CAP) this.hashes = null;
  }

  /** The exact state, for merging parts of one file read in parallel (null when it is not exact). */
  state(): TextState | null {
    if (this.uncounted > 0) return null;
    if (this.text !== null) return { map: new Map(this.text), firstKeys: null, hashes: null };
    return { map: null, firstKeys: this.firstKeys ?? [], hashes: this.hashes?.sortedHashes() ?? null };
  }

  get distinct(): number {
    const exact = this.text !== null ? this.text.size : this.hashes !== null ? this.hashes.size : TEXT_DISTINCT_CAP + 1;
    return Math.min(TEXT_DISTINCT_CAP + 1, exact + this.uncounted);
  }
}

/**
 * The text cells of a column as the accumulator holds them: the counts per text (first-appearance
 * order), or, past TEXT_LIMIT distinct texts, the first TEXT_LIMIT of them in order and the distinct
 * hashes (TextHashSet; null past TEXT_DISTINCT_CAP).
 */
export interface TextState {
  map: Map<string, number> | null;
  firstKeys: string[] | null;
  hashes: BigUint64Array | null;
  /** The numbers came in strictly ascending order (what a sketch's numbersUnique rests on), the first and last. */
  ascending?: boolean;
  first?: number;
  last?: number;
}

/**
 * Accumulates one column over chunks of consecutive rows (each a ParsedColumn of one chunk table).
 *
 * Memory: the exact numbers (16 bytes per distinct value, up to maxExactValues) or the sketch, a batch
 * buffer, the text counts (up to TEXT_LIMIT texts) or 8 bytes per distinct text up to TEXT_DISTINCT_CAP.
 */
export class ColumnProfileBuilder {
  private readonly numbers: NumberAccumulator;
  private readonly text = new TextAccumulator();
  private rows = 0;
  private missing = 0;
  private nonNumeric = 0;
  private firstNonNumeric: { row: number; value: string } | null = null;
  private numberFormat: ProfileNumberFormat | undefined = undefined;
  /** Rows where the decimal marks of chunks disagreed (none when read by profileCsv, which carries the mark). */
  private formatConflict = false;

  private readonly maxExactValues: number;

  constructor(
    readonly name: string,
    config: ProfileConfig,
  ) {
    this.numbers = new NumberAccumulator(config);
    this.maxExactValues = config.maxExactValues;
  }

  /** Adds a chunk's column (`rows` rows, the table's row count). */
  addColumn(col: ParsedColumn, rows: number, whole = false, keepSorted: boolean | Int32Array = false): void {
    const offset = this.rows;
    const { values, codes, dictionary } = col;
    const perCode = codes !== null && dictionary !== null ? new Float64Array(dictionary.length) : null;
    const order: number[] = [];
    const numbers = this.numbers;
    numbers.expected = whole ? numbers.addedSoFar + (values === null ? 0 : countNumbers(values, rows)) : 0;
    // A column of numbers alone, whole and exact: sorted once and kept for the windows (sortedNumbers.ts).
    const sortOnce =
      keepSorted !== false &&
      whole &&
      codes === null &&
      values !== null &&
      col.nonNumeric === 0 &&
      numbers.addedSoFar === 0 &&
      numbers.expected <= this.maxExactValues &&
      manyDistinct(values, rows);
    if (sortOnce)
      numbers.addSorted(values, rows, sortAndKeepNumbers(col, rows, numbers.expected, keepSorted === true ? null : keepSorted).values);
    // A column without numbers (values null) holds texts and missing cells only.
    if (values === null && perCode !== null) {
      for (let i = 0; i < rows; i++) {
        const c = codes![i];
        if (c >= 0 && perCode[c]++ === 0) order.push(c);
      }
    }
    const nums = values ?? NO_NUMBERS;
    const each = sortOnce || values === null ? 0 : rows;
    for (let i = 0; i < each; i++) {
      const v = nums[i];
      if (v === v) numbers.add(v);
      else if (perCode !== null) {
        // A text cell: NaN with a code (the dictionary also holds the numbers, as String(value)).
        const c = codes![i];
        if (c >= 0) {
          if (perCode[c]++ === 0) order.push(c);
        }
      }
    }
    numbers.expected = 0;
    if (perCode !== null) for (const c of order) this.text.add(dictionary![c], perCode[c]);
    else if (col.nonNumeric > 0) {
      // A high-cardinality chunk (more distinct cell texts than the reader's dictionary holds): its
      // texts are gone. `distinct` counts numbers (as String(value)) and texts together.
      this.text.sample ??= col.missing + col.nonNumeric === rows ? sampleOf(dictionary ?? []) : null;
      this.text.drop();
      this.text.uncounted += Math.max(0, (col.highCardinality?.distinct ?? 0) - (values === null ? 0 : countDistinct(values)));
    }
    this.rows += rows;
    this.missing += col.missing;
    this.nonNumeric += col.nonNumeric;
    if (this.firstNonNumeric === null && col.firstNonNumeric !== null) {
      this.firstNonNumeric = { row: col.firstNonNumeric.row + offset, value: col.firstNonNumeric.value };
    }
    if (col.numberFormat !== undefined) {
      const next = profileNumberFormat(col.numberFormat, values, offset);
      const merged = mergeNumberFormats(this.numberFormat, next);
      this.numberFormat = merged.format;
      this.formatConflict ||= merged.conflict;
    }
  }

  /** True when chunks were read with different decimal marks (see mergeNumberFormats). */
  get decimalConflict(): boolean {
    return this.formatConflict;
  }

  /** The text state (see TextAccumulator.state). */
  textState(): TextState | null {
    const t = this.text.state();
    return t === null ? null : { ...t, ascending: this.numbers.ascending, first: this.numbers.first, last: this.numbers.last };
  }

  build(): ColumnProfile {
    const { numbers, unique } = this.numbers.summary();
    const textDistinct = this.text.distinct;
    const p: ColumnProfile = {
      name: this.name,
      rows: this.rows,
      missing: this.missing,
      numbers,
      integerValued: this.numbers.integerValued,
      numbersUnique: unique,
      nonNumeric: this.nonNumeric,
      firstNonNumeric: this.firstNonNumeric === null ? null : { ...this.firstNonNumeric },
      text: this.text.text === null ? null : new Map(this.text.text),
      textDistinct,
      ...(this.numberFormat !== undefined ? { numberFormat: cloneFormat(this.numberFormat) } : {}),
    };
    return applyTextLimit(p, this.text.sample);
  }
}

/**
 * Accumulates a profile over tables of consecutive rows of one file (chunks): every table must have
 * the columns of the first, in the same order.
 */
export class ProfileBuilder {
  readonly config: ProfileConfig;
  private columns: ColumnProfileBuilder[] | null = null;
  private rows = 0;
  private readonly warnings: string[] = [];
  private headerIsNumbers = false;
  private file = '';
  /** The tables' unreadable columns (ParsedTable.unreadable), kept in the profile. */
  private unreadable: { name: string; reason: string }[] | undefined;

  constructor(config: Partial<ProfileConfig> = {}) {
    this.config = checkedConfig({ ...DEFAULT_PROFILE_CONFIG, ...config });
  }

  /** Data rows added so far. */
  get rowCount(): number {
    return this.rows;
  }

  /**
   * Adds a table of the next rows; its warnings are kept (the caller makes them name real rows).
   * `whole`: no table follows (profileFromTable), so each column's numbers may be sorted in one batch.
   */
  addTable(table: ParsedTable, whole = false, keepSorted: boolean | Int32Array = false): void {
    if (this.columns === null) {
      this.file = table.file;
      this.columns = table.columns.map((c) => new ColumnProfileBuilder(c.name, this.config));
    } else {
      const names = this.columns.map((c) => c.name);
      const got = table.columns.map((c) => c.name);
      if (names.length !== got.length || names.some((n, i) => n !== got[i])) {
        throw new InputError(
          `${table.file}: its columns (${got.join(', ')}) differ from those profiled before (${names.join(', ')}); profile files with the same columns`,
        );
      }
    }
    this.columns.forEach((c, i) => c.addColumn(table.columns[i], table.rows, whole, keepSorted));
    this.rows += table.rows;
    this.headerIsNumbers ||= table.headerIsNumbers === true;
    this.unreadable ??= table.unreadable?.map((u) => ({ ...u }));
    for (const w of table.warnings) if (!this.warnings.includes(w)) this.warnings.push(w);
  }

  /** Adds warnings of the source that no table carries (decoder, quotes). */
  addWarnings(warnings: readonly string[]): void {
    for (const w of warnings) if (!this.warnings.includes(w)) this.warnings.push(w);
  }

  /** Each column's text state (see TextAccumulator.state), for merging parts of a file exactly. */
  textStates(): (TextState | null)[] {
    return (this.columns ?? []).map((c) => c.textState());
  }

  build(opts: { source?: ProfileSource | null; createdAt?: string } = {}): Profile {
    if (this.columns === null) throw new InputError('no rows were profiled; give a file with a header and data rows');
    const columns = this.columns.map((c) => c.build());
    const warnings = [...this.warnings];
    this.columns.forEach((c) => {
      if (c.decimalConflict) warnings.push(decimalConflictWarning(c.name, this.file));
    });
    return {
      config: { ...this.config },
      rows: this.rows,
      columns,
      warnings,
      ...(this.headerIsNumbers ? { headerIsNumbers: true } : {}),
      source: opts.source ?? null,
      createdAt: opts.createdAt ?? new Date().toISOString(),
      ...(this.unreadable !== undefined ? { unreadable: this.unreadable } : {}),
    };
  }
}

/**
 * The profile of a parsed table: per column the numbers (exact, or a sketch past maxExactValues
 * distinct values), the text counts and the typing facts, as the table holds them.
 *
 * What a high-cardinality column (ParsedColumn.highCardinality) gives: its text counts are gone (text
 * null) and `highCardinality.distinct` counts the distinct cell texts with numbers written as
 * String(value) and texts together (ColumnBuilder hashes both); textDistinct is that minus the distinct
 * numbers. This is exact unless a text equals the String of a number of the column (possible only with
 * data.decimal ",": the text "29.85" and the number read from "29,85") or an ambiguous cell was
 * rescaled after the column passed the dictionary limit (its decimal reading stays counted).
 *
 * An undecided number format (pendingPoint / pendingComma rows) is taken as it stands: call
 * resolveNumberFormats first (the values of pending rows are their decimal reading until then).
 */
export function profileFromTable(
  table: ParsedTable,
  opts: {
    config?: Partial<ProfileConfig>;
    source?: ProfileSource | null;
    createdAt?: string;
    /** Keep each numbers-only column's sorted numbers with the column (sortedNumbers.ts), for a windows pass to come. */
    keepSortedNumbers?: boolean;
    /** With keepSortedNumbers: the window of each row (windows/windowColumnStats.ts), kept as each number's tag instead of its row. */
    windowOf?: Int32Array | null;
  } = {},
): Profile {
  const builder = new ProfileBuilder(opts.config);
  builder.addTable(table, true, opts.keepSortedNumbers === true ? (opts.windowOf ?? true) : false);
  return builder.build({ source: opts.source ?? null, createdAt: opts.createdAt });
}

/**
 * The profile of both inputs' rows together, as if their files were concatenated (b after a).
 *
 * Both must list the same columns in the same order and use the same sketch k (else one InputError);
 * the result keeps a's config. Exact numbers and text counts add up exactly, so in exact mode the
 * result equals the profile of the concatenated file and merging is associative. With a sketch on
 * either side the numbers go to a sketch (a's first, then b's): n, min and max stay exact, the CDF
 * within the sketch's bound. numbersUnique: recomputed from exact counts; for a sketch, both unique
 * and every value of b above every value of a (ascending ids). Texts: a's then b's new ones; when
 * either side dropped its counts (text null), textDistinct is the sum (an upper bound: a text in both
 * is counted twice). Number formats: when the two decimal marks differ, a's is kept and a warning says
 * so. `mergedFrom` lists every source merged, in order.
 */
export function mergeProfiles(a: Profile, b: Profile, opts: { createdAt?: string } = {}): Profile {
  if (a.config.sketchK !== b.config.sketchK) {
    throw new InputError(
      `cannot merge profiles made with sketch k = ${a.config.sketchK} and k = ${b.config.sketchK}; rebuild one with the other's profile.sketch_k`,
    );
  }
  const names = (p: Profile) => p.columns.map((c) => c.name).join(', ');
  if (a.columns.length !== b.columns.length || a.columns.some((c, i) => c.name !== b.columns[i].name)) {
    const i = a.columns.findIndex((c, j) => c.name !== b.columns[j]?.name);
    const at = i >= 0 ? i : a.columns.length;
    throw new InputError(
      `cannot merge profiles: column ${at + 1} is "${a.columns[at]?.name ?? '(none)'}" in the first and "${b.columns[at]?.name ?? '(none)'}" in the second (columns ${names(a)} vs ${names(b)}); profiles must list the same columns in the same order`,
    );
  }
  // Bins of two engine results have different edges: their counts do not add up bin by bin.
  const binned = [...a.columns, ...b.columns].find((c) => c.binned);
  if (binned)
    throw new InputError(
      `cannot merge profiles with binned numbers (column "${binned.name}" was counted on bins by an SQL engine); run the profile query once on all the rows instead`,
    );
  const warnings = [...a.warnings, ...b.warnings];
  const columns = a.columns.map((ca, i) => {
    const cb = b.columns[i];
    const merged = mergeColumns(ca, cb, a.config);
    if (merged.conflict) warnings.push(decimalConflictWarning(ca.name, 'the merged profiles'));
    return merged.column;
  });
  const sources = [...sourcesOf(a), ...sourcesOf(b)];
  const source: ProfileSource | null =
    sources.length === 0
      ? null
      : {
          ...sources[0],
          file: sources.map((s) => s.file).join(' + '),
          size: sources.reduce((n, s) => n + s.size, 0),
          sha256: null,
        };
  return {
    config: { ...a.config },
    rows: a.rows + b.rows,
    columns,
    warnings,
    ...(a.headerIsNumbers || b.headerIsNumbers ? { headerIsNumbers: true } : {}),
    source,
    createdAt: opts.createdAt ?? new Date().toISOString(),
    ...(sources.length > 0 ? { mergedFrom: sources } : {}),
  };
}

function sourcesOf(p: Profile): ProfileSource[] {
  return p.mergedFrom ?? (p.source !== null ? [p.source] : []);
}

function mergeColumns(a: ColumnProfile, b: ColumnProfile, config: ProfileConfig): { column: ColumnProfile; conflict: boolean } {
  const { numbers, unique } = mergeNumbers(a, b, config);
  let text: Map<string, number> | null = null;
  let textDistinct: number;
  let sample: string[] | null = null;
  if (a.text !== null && b.text !== null) {
    text = new Map(a.text);
    for (const [k, n] of b.text) text.set(k, (text.get(k) ?? 0) + n);
    textDistinct = text.size;
  } else {
    textDistinct = Math.min(TEXT_DISTINCT_CAP + 1, a.textDistinct + b.textDistinct);
    sample = a.textSample ?? (a.text !== null ? sampleOf([...a.text.keys(), ...(b.textSample ?? [])]) : null);
  }
  const format =
    a.numberFormat === undefined && b.numberFormat === undefined
      ? { format: undefined, conflict: false }
      : mergeNumberFormats(
          a.numberFormat && cloneFormat(a.numberFormat),
          b.numberFormat && shiftFormat(cloneFormat(b.numberFormat), a.rows),
        );
  const column: ColumnProfile = {
    name: a.name,
    rows: a.rows + b.rows,
    missing: a.missing + b.missing,
    numbers,
    integerValued: a.integerValued && b.integerValued,
    numbersUnique: unique,
    nonNumeric: a.nonNumeric + b.nonNumeric,
    firstNonNumeric:
      a.firstNonNumeric !== null
        ? { ...a.firstNonNumeric }
        : b.firstNonNumeric !== null
          ? { row: b.firstNonNumeric.row + a.rows, value: b.firstNonNumeric.value }
          : null,
    text,
    textDistinct,
    ...(format.format !== undefined ? { numberFormat: format.format } : {}),
  };
  if (text === null && sample !== null && column.nonNumeric === column.rows - column.missing) column.textSample = sample;
  return { column: applyTextLimit(column, column.textSample ?? sample), conflict: format.conflict };
}

function mergeNumbers(a: ColumnProfile, b: ColumnProfile, config: ProfileConfig): { numbers: NumberSummary; unique: boolean } {
  const x = a.numbers;
  const y = b.numbers;
  if (x.mode === 'exact' && y.mode === 'exact') {
    const merged = mergeExactCounts(x.values, x.counts, y.values, y.counts);
    if (merged.values.length <= config.maxExactValues) {
      return { numbers: { mode: 'exact', ...merged }, unique: allOnes(merged.counts) };
    }
    return {
      numbers: { mode: 'sketch', sketch: sketchOf(merged.values, merged.counts, config), distinctAtLeast: merged.values.length },
      unique: a.numbersUnique && b.numbersUnique && below(x, y),
    };
  }
  const sketch = x.mode === 'sketch' ? x.sketch.clone() : sketchOf(x.values, x.counts, config);
  if (y.mode === 'sketch') sketch.merge(y.sketch);
  else for (let i = 0; i < y.values.length; i++) sketch.updateWeighted(y.values[i], y.counts[i]);
  const distinctAtLeast = Math.max(distinctOf(x), distinctOf(y));
  return { numbers: { mode: 'sketch', sketch, distinctAtLeast }, unique: a.numbersUnique && b.numbersUnique && below(x, y) };
}

function distinctOf(s: NumberSummary): number {
  return s.mode === 'exact' ? s.values.length : s.distinctAtLeast;
}

/** Every number of x is below every number of y (vacuously true when either has none). */
function below(x: NumberSummary, y: NumberSummary): boolean {
  const max = x.mode === 'exact' ? (x.values.length ? x.values[x.values.length - 1] : NaN) : x.sketch.max;
  const min = y.mode === 'exact' ? (y.values.length ? y.values[0] : NaN) : y.sketch.min;
  return max !== max || min !== min || min > max;
}

/**
 * The table reader's high-cardinality rule: a column with text whose distinct cell texts (numbers as
 * String(value) and texts together) pass TEXT_LIMIT keeps no dictionary, so its profile keeps no text
 * counts either; a text-only column keeps the entries the timestamp rule reads (textSample).
 */
export function applyTextLimit(p: ColumnProfile, sample: string[] | null): ColumnProfile {
  if (p.nonNumeric === 0) return p;
  const numberDistinct = p.numbers.mode === 'exact' ? p.numbers.values.length : TEXT_LIMIT + 1;
  const textOnly = p.nonNumeric === p.rows - p.missing;
  if (p.text !== null && numberDistinct + p.textDistinct > TEXT_LIMIT) {
    const keys = [...p.text.keys()];
    p.text = null;
    if (textOnly) p.textSample = sampleOf(keys);
  } else if (p.text === null && textOnly && sample !== null) p.textSample = sample;
  return p;
}

export function sampleOf(keys: readonly string[]): string[] {
  const n = Math.min(keys.length, TEXT_LIMIT);
  const out: string[] = [];
  for (let i = 0; i < n; i += TEXT_SAMPLE_STEP) out.push(keys[i]);
  return out;
}

const NO_NUMBERS = new Float64Array(0);

function countDistinct(values: Float64Array): number {
  const seen = new Set<number>();
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) seen.add(values[i] === 0 ? 0 : values[i]);
  return seen.size;
}

/**
 * More than HASH_LIMIT / 2 distinct numbers among the first 2 * HASH_LIMIT cells: a column the hash
 * table would leave for sorted batches (a guess that only picks the faster way to the same counts).
 */
function manyDistinct(values: Float64Array, rows: number): boolean {
  const seen = new Set<number>();
  const end = Math.min(rows, 2 * HASH_LIMIT);
  for (let i = 0; i < end; i++) if (values[i] === values[i]) seen.add(values[i]);
  return seen.size > HASH_LIMIT / 2;
}

function countNumbers(values: Float64Array, rows: number): number {
  let n = 0;
  for (let i = 0; i < rows; i++) if (values[i] === values[i]) n++;
  return n;
}

function allOnes(counts: Float64Array): boolean {
  for (let i = 0; i < counts.length; i++) if (counts[i] !== 1) return false;
  return true;
}

/** Equal neighbours of a sorted array as (values, counts). */
function runLength(sorted: Float64Array): { values: Float64Array; counts: Float64Array } {
  // The distinct count first: two arrays of that size, not two of the input's size and their copies.
  const n = sorted.length;
  let distinct = n > 0 ? 1 : 0;
  for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  const values = new Float64Array(distinct);
  const counts = new Float64Array(distinct);
  let o = -1;
  for (let i = 0; i < n; i++) {
    const v = sorted[i];
    if (o >= 0 && values[o] === v) counts[o]++;
    else {
      values[++o] = v;
      counts[o] = 1;
    }
  }
  return { values, counts };
}

/** Merges two ascending (values, counts) pairs. */
export function mergeExactCounts(
  av: Float64Array,
  ac: Float64Array,
  bv: Float64Array,
  bc: Float64Array,
): { values: Float64Array; counts: Float64Array } {
  if (bv.length === 0) return { values: av.slice(), counts: ac.slice() };
  if (av.length === 0) return { values: bv.slice(), counts: bc.slice() };
  const values = new Float64Array(av.length + bv.length);
  const counts = new Float64Array(av.length + bv.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < av.length && j < bv.length) {
    const x = av[i];
    const y = bv[j];
    if (x < y) {
      values[o] = x;
      counts[o++] = ac[i++];
    } else if (y < x) {
      values[o] = y;
      counts[o++] = bc[j++];
    } else {
      values[o] = x;
      counts[o++] = ac[i++] + bc[j++];
    }
  }
  while (i < av.length) {
    values[o] = av[i];
    counts[o++] = ac[i++];
  }
  while (j < bv.length) {
    values[o] = bv[j];
    counts[o++] = bc[j++];
  }
  return o === values.length ? { values, counts } : { values: values.slice(0, o), counts: counts.slice(0, o) };
}

/** Exact counts handed to a sketch (ascending, with their weights). */
function sketchOf(values: Float64Array, counts: Float64Array, config: ProfileConfig): KllSketch {
  const s = new KllSketch(config.sketchK, config.sketchSeed);
  for (let i = 0; i < values.length; i++) s.updateWeighted(values[i], counts[i]);
  return s;
}

function checkedConfig(c: ProfileConfig): ProfileConfig {
  if (!Number.isInteger(c.maxExactValues) || c.maxExactValues < 1) {
    throw new InputError(`profile.max_exact_values must be an integer >= 1, got ${c.maxExactValues}`);
  }
  if (!Number.isInteger(c.sketchK) || c.sketchK < 8 || c.sketchK > 65535) {
    throw new InputError(`profile.sketch_k must be an integer from 8 to 65535, got ${c.sketchK}`);
  }
  return c;
}

/** A chunk's settled number format for the profile: pending rows dropped, rows shifted, the example's value kept. */
function profileNumberFormat(f: ColumnNumberFormat, values: Float64Array | null, offset: number): ProfileNumberFormat {
  const { pendingPoint: _p, pendingComma: _c, example, conflicts, ...rest } = f;
  const out: ProfileNumberFormat = { ...rest };
  if (example !== undefined) {
    const v = values === null ? NaN : values[example.row];
    out.example = { row: example.row + offset, text: example.text, value: v === v ? v : null, score: example.score ?? 0 };
  }
  if (conflicts !== undefined) out.conflicts = { count: conflicts.count, row: conflicts.row + offset, text: conflicts.text };
  return out;
}

function cloneFormat(f: ProfileNumberFormat): ProfileNumberFormat {
  return {
    ...f,
    ...(f.example ? { example: { ...f.example } } : {}),
    ...(f.conflicts ? { conflicts: { ...f.conflicts } } : {}),
  };
}

/** Moves the format's rows (0-based example, 1-based conflict) down by `rows`. */
function shiftFormat(f: ProfileNumberFormat, rows: number): ProfileNumberFormat {
  if (f.example) f.example.row += rows;
  if (f.conflicts) f.conflicts.row += rows;
  return f;
}

/** The order NumberFormatTracker lists thousands separators in. */
const THOUSANDS_ORDER = [',', '.', ' ', "'"];

/**
 * The number format of a column's rows from two consecutive parts (rows of `b` already shifted): the
 * first decided mark wins; counts add up; the example is the first with the highest score (as the
 * tracker picks it); `conflict` when both parts decided differently (the caller warns).
 */
export function mergeNumberFormats(
  a: ProfileNumberFormat | undefined,
  b: ProfileNumberFormat | undefined,
): { format: ProfileNumberFormat | undefined; conflict: boolean } {
  if (a === undefined || b === undefined) return { format: a ?? b, conflict: false };
  const decided = a.decimal !== null ? a : b;
  const conflict = a.decimal !== null && b.decimal !== null && a.decimal !== b.decimal;
  const example = a.example === undefined || (b.example !== undefined && b.example.score > a.example.score) ? b.example : a.example;
  const count = (a.conflicts?.count ?? 0) + (b.conflicts?.count ?? 0);
  const first = a.conflicts ?? b.conflicts;
  return {
    format: {
      decimal: decided.decimal,
      decidedBy: decided.decidedBy,
      thousands: THOUSANDS_ORDER.filter((t) => a.thousands.includes(t) || b.thousands.includes(t)).join(''),
      localeCells: a.localeCells + b.localeCells,
      ambiguousCells: a.ambiguousCells + b.ambiguousCells,
      ...(example !== undefined ? { example } : {}),
      ...(first !== undefined ? { conflicts: { count, row: first.row, text: first.text } } : {}),
    },
    conflict,
  };
}

function decimalConflictWarning(column: string, where: string): string {
  return `column "${column}" in ${where}: parts were read with different decimal marks; the first part's mark is reported, each part's numbers were read with its own`;
}

/** The profile settings of a validated config (profile.max_exact_values, profile.sketch_k). */
export function profileConfigOf(config: Pick<Config, 'profile'>): Partial<ProfileConfig> {
  return { maxExactValues: config.profile.max_exact_values, sketchK: config.profile.sketch_k };
}
