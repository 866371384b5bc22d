/**
 * The statistics of one column in every window at once, against the reference profile: the results
 * of profileFeatureStats (profile/analyseProfiles.ts) on each window's own profile, bit for bit, from
 * one pass over the column instead of a profile per window.
 *
 * Numerical: the column's values (with their window) are sorted once and merged once with the
 * reference's sorted distinct values. Each production value then falls on a reference value or in the
 * gap between two; a window's KS statistic is the largest |F_ref - F_window| over its own points,
 * where with exact counts the merge of ksFromNumbers (profile/profileStats.ts) computes every
 * difference as |cumRef / nRef - cumWindow / nWindow|. Between two consecutive points of the window
 * F_window is constant while F_ref rises, so the largest difference there is at either end, and
 * inside one gap of the reference F_ref is constant while F_window rises: the maximum over all the
 * merge's points is the maximum, over the window's groups (a reference value, or a gap), of the
 * difference just before the group (reference count below it, window count before it) and just after
 * (reference count up to it, window count with it). Both are among the merge's own differences,
 * computed from the same counts in the same order, so D is the merge's D. The PSI bin counts come
 * from the same pass (value x in bin = number of thresholds <= x, as binCounts).
 *
 * Categorical: each row's category (numbers as String(value), texts as read: the labels of
 * profileCategories) counted per window; categoricalStatsFromCounts drops categories seen on neither side.
 */
import type { Config } from '../config/types.ts';
import type { FeatureStats, FeatureType } from '../report/types.ts';
import type { ColumnPlan, ParsedColumn, ParsedTable } from '../table/types.ts';
import type { ColumnProfile, NumberSummary } from '../profile/columnProfile.ts';
import { TEXT_LIMIT } from '../profile/columnProfile.ts';
import type { StatRegistry } from '../stattests/driftTest.ts';
import { chosenTests } from '../stattests/testChoice.ts';
import { numericalStatsFromKernel } from '../stattests/numericalFeature.ts';
import { categoricalStatsFromCounts } from '../stattests/categoricalFeature.ts';
import type { FeatureTestStats } from '../stattests/featureTestStats.ts';
import { psiBins } from '../stattests/psiBins.ts';
import { numericalFromSummaries } from '../profile/analyseProfiles.ts';
import { missing } from '../analyse.ts';
import { cumulativeCounts } from '../profile/profileStats.ts';
import { sortTagged } from './sortTagged.ts';
import { keptNumbers } from '../profile/sortedNumbers.ts';

/** Which window each row is in, over the tables end to end. */
export interface WindowIndex {
  tables: readonly ParsedTable[];
  /** rowOffsets(tables) (sliceTables.ts). */
  offsets: Int32Array;
  /** The window of each row; -1 = in no window. */
  windowOf: Int32Array;
  /** Rows in each window. */
  windowRows: Int32Array;
  /** Buffers of one entry per row, shared by the columns (allocated on first use). */
  scratch?: Scratch;
}

interface Scratch {
  values: Float64Array;
  tags: Int32Array;
  sortValues: Float64Array;
  sortTags: Int32Array;
}

function scratchOf(index: WindowIndex): Scratch {
  const n = index.windowOf.length;
  index.scratch ??= { values: new Float64Array(n), tags: new Int32Array(n), sortValues: new Float64Array(n), sortTags: new Int32Array(n) };
  return index.scratch;
}

/** The window index of window plans whose rows do not overlap; null when a row is in two windows. */
export function windowIndex(
  tables: readonly ParsedTable[],
  offsets: Int32Array,
  windows: readonly { rows: Int32Array }[],
): WindowIndex | null {
  const windowOf = new Int32Array(offsets[tables.length]).fill(-1);
  const windowRows = new Int32Array(windows.length);
  for (let w = 0; w < windows.length; w++) {
    const rows = windows[w].rows;
    for (let i = 0; i < rows.length; i++) {
      if (windowOf[rows[i]] !== -1) return null;
      windowOf[rows[i]] = w;
    }
    windowRows[w] = rows.length;
  }
  return { tables, offsets, windowOf, windowRows };
}

/**
 * The column's FeatureStats in each window (entries of windows without rows are unused), as
 * profileFeatureStats gives against the window's profile; null when this column needs the profile of
 * each window: a sketched or binned reference, a window past profile.max_exact_values numbers, a
 * high-cardinality production column, or a column missing from a table.
 */
export function windowColumnStats(
  plan: ColumnPlan,
  reference: ColumnProfile,
  refRows: number,
  index: WindowIndex,
  config: Config,
  tests: StatRegistry,
): FeatureStats[] | null {
  if (plan.role === 'skipped' || reference.numbers.mode !== 'exact' || reference.binned !== undefined) return null;
  const columns: ParsedColumn[] = [];
  for (const t of index.tables) {
    const c = t.columns.find((x) => x.name === plan.name);
    if (c === undefined || c.highCardinality !== undefined) return null;
    columns.push(c);
  }
  return plan.role === 'numerical'
    ? numericalWindows(plan, reference, refRows, columns, index, config, tests)
    : categoricalWindows(plan, reference, refRows, columns, index, config, tests);
}

const EMPTY: NumberSummary = { mode: 'exact', values: new Float64Array(0), counts: new Float64Array(0) };

function numericalWindows(
  plan: ColumnPlan,
  reference: ColumnProfile,
  refRows: number,
  columns: ParsedColumn[],
  index: WindowIndex,
  config: Config,
  tests: StatRegistry,
): FeatureStats[] | null {
  const numbers = reference.numbers;
  if (numbers.mode !== 'exact') return null;
  const { windowOf, windowRows, offsets } = index;
  const nw = windowRows.length;
  // The window's numbers (-0 as 0, like a profile), with the window as tag (-1: in no window, skipped).
  const count = new Float64Array(nw);
  let values: Float64Array;
  let tags: Int32Array;
  // The column's numbers already sorted by the whole run's profile (one table): in that order, each
  // with its window (kept as the tag when the windows were cut before the profile, else its row's).
  const sorted = columns.length === 1 && offsets[0] === 0 ? keptNumbers(columns[0]) : undefined;
  if (sorted !== undefined && sorted.windowOf === windowOf) {
    values = sorted.values;
    tags = sorted.tags;
    for (let q = 0; q < tags.length; q++) {
      const w = tags[q];
      if (w >= 0) count[w]++;
    }
  } else {
    const scratch = scratchOf(index);
    let k = 0;
    if (sorted !== undefined && sorted.windowOf === null) {
      const { values: sv, tags: rows } = sorted;
      for (let q = 0; q < sv.length; q++) {
        const w = windowOf[rows[q]];
        if (w < 0) continue;
        scratch.values[k] = sv[q];
        scratch.tags[k++] = w;
        count[w]++;
      }
    } else {
      for (let t = 0; t < columns.length; t++) {
        const v = columns[t].values;
        const base = offsets[t];
        // A text column (no values) has no numbers.
        for (let r = 0; v !== null && r < v.length; r++) {
          const x = v[r];
          const w = windowOf[base + r];
          if (x !== x || w < 0) continue;
          scratch.values[k] = x === 0 ? 0 : x;
          scratch.tags[k++] = w;
          count[w]++;
        }
      }
    }
    values = scratch.values.subarray(0, k);
    tags = scratch.tags.subarray(0, k);
    if (sorted === undefined || sorted.windowOf !== null)
      if (!countingSortSmallIntegers(values, tags, scratch.sortValues, scratch.sortTags))
        sortTagged(values, tags, scratch.sortValues, scratch.sortTags);
  }
  for (let w = 0; w < nw; w++) if (count[w] > config.profile.max_exact_values) return null;
  const n = values.length;

  const { bins, epsilon } = config.psi;
  const shared = numericalFromSummaries(numbers, EMPTY, bins);
  if (shared.nRef === 0) return null;
  const thresholds = psiBins(shared.quantiles).thresholds;
  const nb = thresholds.length + 1;
  const { cum, total: bt } = cumulativeCounts(numbers.values, numbers.counts);
  const { d, binCounts } = mergeWithReference(values, tags, count, numbers.values, cum, bt, thresholds);

  let refSample: Float64Array | null = null;
  let byWindow: { values: Float64Array; start: Int32Array } | null = null;
  const windowSample = (w: number): Float64Array => {
    // A registered test that reads the samples: each window's sorted numbers (a stable counting sort).
    if (byWindow === null) {
      const start = new Int32Array(nw + 1);
      for (let q = 0; q < nw; q++) start[q + 1] = start[q] + count[q];
      const at = start.slice(0, nw);
      const out = new Float64Array(start[nw]);
      for (let q = 0; q < n; q++) if (tags[q] >= 0) out[at[tags[q]]++] = values[q];
      byWindow = { values: out, start };
    }
    return byWindow.values.slice(byWindow.start[w], byWindow.start[w + 1]);
  };
  const choose = (nRef: number) => chosenTests(config, plan.name, 'numerical', nRef);
  const out: FeatureStats[] = [];
  for (let w = 0; w < nw; w++) {
    const kernel = {
      ...shared,
      nProd: count[w],
      d: d[w],
      quantiles: shared.quantiles.slice(),
      edges: [...shared.edges],
      pointMasses: [...shared.pointMasses],
      refCounts: shared.refCounts.slice(),
      prodCounts: binCounts.slice(w * nb, (w + 1) * nb),
    };
    const s = numericalStatsFromKernel(
      kernel,
      () => (refSample ??= expand(numbers.values, numbers.counts)),
      () => windowSample(w),
      { bins, epsilon, choose },
      tests,
    );
    out.push(windowFeature(plan, 'numerical', s, refRows, windowRows[w]));
  }
  return out;
}

/** A window's FeatureStats from its tests' results, keys in profileFeatureStats's order. */
function windowFeature<K extends FeatureType>(
  plan: ColumnPlan,
  type: K,
  s: FeatureTestStats<K>,
  refRows: number,
  windowRows: number,
): FeatureStats {
  return { name: plan.name, type_reason: plan.reason, type, ...s, missing: missing(s.n, refRows, windowRows) } as FeatureStats;
}

/**
 * The merge of the file comment: the sorted numbers (`tags` their windows, -1: none) against the
 * reference's distinct values `rv` (`cum` their cumulative counts, `bt` the total): each window's KS
 * statistic `d` and PSI bin counts (`binCounts`, window-major, thresholds.length + 1 bins each).
 * A function of its own: V8 compiles its loop apart from the passes around it (see sortTagged.ts).
 */
function mergeWithReference(
  values: Float64Array,
  tags: Int32Array,
  count: Float64Array,
  rv: Float64Array,
  cum: Float64Array,
  bt: number,
  thresholds: Float64Array,
): { d: Float64Array; binCounts: Float64Array } {
  const nw = count.length;
  const n = values.length;
  const nt = thresholds.length;
  const nb = nt + 1;
  const binCounts = new Float64Array(nw * nb);
  const d = new Float64Array(nw);
  const before = new Float64Array(nw);
  const mark = new Int32Array(nw).fill(-1);
  const touched = new Int32Array(nw);
  const nr = rv.length;
  let p = 0; // first reference value >= the group's values
  let bin = 0;
  let group = 0;
  for (let i = 0; i < n; group++) {
    const x = values[i];
    while (p < nr && rv[p] < x) p++;
    let j = i + 1;
    const below = p === 0 ? 0 : cum[p - 1];
    let upTo = below;
    if (p < nr && rv[p] === x) {
      upTo = cum[p];
      while (j < n && values[j] === x) j++;
    } else if (p === nr) j = n;
    else {
      const next = rv[p];
      while (j < n && values[j] < next) j++;
    }
    // The reference's share below and up to the group, the same quotients for every window.
    const belowShare = below / bt;
    const upToShare = upTo / bt;
    let m = 0;
    for (let q = i; q < j; q++) {
      const w = tags[q];
      if (w < 0) continue;
      if (mark[w] !== group) {
        mark[w] = group;
        touched[m++] = w;
        const diff = Math.abs(belowShare - before[w] / count[w]);
        if (diff > d[w]) d[w] = diff;
      }
      before[w]++;
      const y = values[q];
      while (bin < nt && thresholds[bin] <= y) bin++;
      binCounts[w * nb + bin]++;
    }
    for (let q = 0; q < m; q++) {
      const w = touched[q];
      const diff = Math.abs(upToShare - before[w] / count[w]);
      if (diff > d[w]) d[w] = diff;
    }
    i = j;
  }
  return { d, binCounts };
}

/** Integers spanning at most this many values are sorted by counting (countingSortSmallIntegers). */
const COUNTING_SPAN = 1 << 16;

/**
 * sortTagged's result (ascending, the tags moved with their values, equal values in input order) by
 * a counting sort, when every value is an integer within COUNTING_SPAN of the smallest: a count and a
 * move per value where the radix sort of the same numbers (small integers share their high words)
 * took three moves and a pass over its runs; integer columns (counts, ages, codes) are the columns the
 * profile does not sort. False (nothing changed) for other values.
 */
function countingSortSmallIntegers(values: Float64Array, tags: Int32Array, scratchValues: Float64Array, scratchTags: Int32Array): boolean {
  const n = values.length;
  if (n < 2) return false;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (Math.floor(x) !== x) return false; // also NaN and the infinities
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (max - min >= COUNTING_SPAN) return false;
  const start = new Int32Array(max - min + 2);
  for (let i = 0; i < n; i++) start[values[i] - min + 1]++;
  for (let b = 1; b < start.length; b++) start[b] += start[b - 1];
  for (let i = 0; i < n; i++) {
    const x = values[i];
    const o = start[x - min]++;
    scratchValues[o] = x;
    scratchTags[o] = tags[i];
  }
  values.set(scratchValues.subarray(0, n));
  tags.set(scratchTags.subarray(0, n));
  return true;
}

/** An exact profile's sample: each value repeated by its count, ascending. */
function expand(values: Float64Array, counts: Float64Array): Float64Array {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  const out = new Float64Array(total);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    out.fill(values[i], at, at + counts[i]);
    at += counts[i];
  }
  return out;
}

function categoricalWindows(
  plan: ColumnPlan,
  reference: ColumnProfile,
  refRows: number,
  columns: ParsedColumn[],
  index: WindowIndex,
  config: Config,
  tests: StatRegistry,
): FeatureStats[] | null {
  const numbers = reference.numbers;
  if (numbers.mode !== 'exact') return null;
  const { windowOf, windowRows } = index;
  const nw = windowRows.length;
  // The labels of profileCategories: numbers as String(value), texts as read (a text equal to a number's label is that category).
  const ids = new Map<string, number>();
  const names: string[] = [];
  const refCount: number[] = [];
  const idOf = (label: string): number => {
    let id = ids.get(label);
    if (id === undefined) {
      id = names.length;
      ids.set(label, id);
      names.push(label);
      refCount.push(0);
    }
    return id;
  };
  for (let i = 0; i < numbers.values.length; i++) refCount[idOf(String(numbers.values[i]))] += numbers.counts[i];
  if (reference.text !== null) for (const [t, c] of reference.text) refCount[idOf(t)] += c;
  const counted = countByWindow(columns, index, idOf, () => names.length);
  if (counted === null) return null;
  // Too many categories x windows for an array each: each row's id, then the counts (the ids given so far stay).
  const rowIds = counted === undefined ? idsByRow(columns, index, idOf, () => names.length) : null;
  if (counted === undefined && rowIds === null) return null;
  const k = names.length;
  const counts = new Float64Array(nw * k);
  if (counted !== undefined) {
    for (let id = 0; id < counted.length; id++) {
      const perWindow = counted[id];
      for (let w = 0; w < nw; w++) counts[w * k + id] = perWindow[w];
    }
  } else {
    for (let g = 0; g < rowIds!.length; g++) {
      const id = rowIds![g];
      if (id >= 0) counts[windowOf[g] * k + id]++;
    }
  }
  const refCounts = Float64Array.from(refCount);
  const choose = (nRef: number) => chosenTests(config, plan.name, 'categorical', nRef);
  const out: FeatureStats[] = [];
  for (let w = 0; w < nw; w++) {
    const s = categoricalStatsFromCounts(
      refCounts,
      counts.subarray(w * k, (w + 1) * k),
      names,
      { epsilon: config.psi.epsilon, choose },
      tests,
    );
    out.push(windowFeature(plan, 'categorical', s, refRows, windowRows[w]));
  }
  return out;
}

/** Category counts per window kept one array per category while categories x windows stay under this. */
const PER_CATEGORY_CELLS = 1 << 22;

/**
 * One pass over the rows: each row's category (ids given by `idOf` in row order, as countByRow gives
 * them) counted in its window, one array of window counts per category. Undefined when categories x
 * windows pass PER_CATEGORY_CELLS (then countByRow, with the ids given so far kept); null past TEXT_LIMIT.
 */
function countByWindow(
  columns: ParsedColumn[],
  index: WindowIndex,
  idOf: (label: string) => number,
  categories: () => number,
): Float64Array[] | null | undefined {
  const { windowOf, windowRows, offsets } = index;
  const nw = windowRows.length;
  const perId: Float64Array[] = [];
  const idOfCounted = (label: string): number => {
    const id = idOf(label);
    while (perId.length <= id) perId.push(new Float64Array(nw));
    return id;
  };
  const maxIds = Math.floor(PER_CATEGORY_CELLS / Math.max(1, nw));
  for (let t = 0; t < columns.length; t++) {
    const { values, codes, dictionary } = columns[t];
    const base = offsets[t];
    if (codes !== null && dictionary !== null) {
      const byCode = new Int32Array(dictionary.length).fill(-1);
      for (let r = 0; r < codes.length; r++) {
        const c = codes[r];
        const w = windowOf[base + r];
        if (c < 0 || w < 0) continue;
        let id = byCode[c];
        if (id < 0) {
          if (categories() >= maxIds) return undefined;
          const v = values === null ? NaN : values[r];
          id = byCode[c] = idOfCounted(v === v ? String(v === 0 ? 0 : v) : dictionary[c]);
        }
        perId[id][w]++;
      }
    } else if (values !== null) {
      const byValue = new Map<number, number>();
      let lastValue = NaN;
      let last: Float64Array | null = null;
      for (let r = 0; r < values.length; r++) {
        const v = values[r];
        const w = windowOf[base + r];
        if (v !== v || w < 0) continue;
        if (v !== lastValue || last === null) {
          const x = v === 0 ? 0 : v;
          let id = byValue.get(x);
          if (id === undefined) {
            if (categories() >= maxIds) return undefined;
            byValue.set(x, (id = idOfCounted(String(x))));
          }
          lastValue = v;
          last = perId[id];
        }
        last[w]++;
      }
    }
    if (categories() > TEXT_LIMIT) return null;
  }
  while (perId.length < categories()) perId.push(new Float64Array(nw));
  return perId;
}

/** Each row's category id (-1: none or in no window), ids given by `idOf` in row order; null past TEXT_LIMIT. */
function idsByRow(
  columns: ParsedColumn[],
  index: WindowIndex,
  idOf: (label: string) => number,
  categories: () => number,
): Int32Array | null {
  const { windowOf, offsets } = index;
  const rowIds = scratchOf(index).tags.fill(-1);
  for (let t = 0; t < columns.length; t++) {
    const { values, codes, dictionary } = columns[t];
    const base = offsets[t];
    if (codes !== null && dictionary !== null) {
      // Every non-missing cell has a code; a number's code is its String(value) (ColumnBuilder).
      const byCode = new Int32Array(dictionary.length).fill(-1);
      for (let r = 0; r < codes.length; r++) {
        const c = codes[r];
        if (c < 0 || windowOf[base + r] < 0) continue;
        let id = byCode[c];
        if (id < 0) {
          const v = values === null ? NaN : values[r];
          id = byCode[c] = idOf(v === v ? String(v === 0 ? 0 : v) : dictionary[c]);
        }
        rowIds[base + r] = id;
      }
    } else {
      const byValue = new Map<number, number>();
      let lastValue = NaN;
      let lastId = -1;
      const vals = values!; // without codes a column has values
      for (let r = 0; r < vals.length; r++) {
        const v = vals[r];
        if (v !== v || windowOf[base + r] < 0) continue;
        if (v !== lastValue) {
          const x = v === 0 ? 0 : v;
          let id = byValue.get(x);
          if (id === undefined) byValue.set(x, (id = idOf(String(x))));
          lastValue = v;
          lastId = id;
        }
        rowIds[base + r] = lastId;
      }
    }
    if (categories() > TEXT_LIMIT) return null;
  }
  return rowIds;
}
