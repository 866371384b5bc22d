/**
 * Builds profiles from column chunks and merges profiles. A numerical column stays exact while it has
 * at most `maxExactValues` distinct values; past that its exact counts are handed to a KLL sketch
 * (with their weights, see KllSketch.updateWeighted) and the rest of the column goes to the sketch.
 */
import { InputError } from '../errors.ts';
import { DEFAULT_MAX_EXACT_VALUES } from './columnProfile.ts';
import type {
  CategoricalProfile,
  ColumnProfile,
  ExactNumericalProfile,
  NumericalProfile,
  Profile,
  ProfileConfig,
} from './columnProfile.ts';
import { DEFAULT_K, KllSketch } from './kllSketch.ts';

export const DEFAULT_PROFILE_CONFIG: ProfileConfig = { maxExactValues: DEFAULT_MAX_EXACT_VALUES, sketchK: DEFAULT_K, sketchSeed: 0x6b6c6c };

export interface ColumnSpec {
  name: string;
  kind: 'numerical' | 'categorical';
}

interface NumericalState {
  spec: ColumnSpec;
  rows: number;
  missing: number;
  exact: Map<number, number> | null;
  sketch: KllSketch | null;
}

interface CategoricalState {
  spec: ColumnSpec;
  rows: number;
  missing: number;
  counts: Map<string, number>;
}

export class ProfileBuilder {
  readonly config: ProfileConfig;
  private readonly states = new Map<string, NumericalState | CategoricalState>();
  private readonly order: string[] = [];

  constructor(columns: readonly ColumnSpec[], config: Partial<ProfileConfig> = {}) {
    this.config = { ...DEFAULT_PROFILE_CONFIG, ...config };
    for (const spec of columns) {
      if (this.states.has(spec.name)) throw new InputError(`column '${spec.name}' is listed twice; each column is profiled once`);
      this.order.push(spec.name);
      this.states.set(
        spec.name,
        spec.kind === 'numerical'
          ? { spec, rows: 0, missing: 0, exact: new Map(), sketch: null }
          : { spec, rows: 0, missing: 0, counts: new Map() },
      );
    }
  }

  private state(name: string, kind: ColumnSpec['kind']) {
    const s = this.states.get(name);
    if (!s) throw new InputError(`column '${name}' is not in the profile; list it when creating the ProfileBuilder`);
    if (s.spec.kind !== kind) throw new InputError(`column '${name}' is ${s.spec.kind}, not ${kind}`);
    return s;
  }

  /** A chunk of a numerical column; NaN marks a missing value. */
  addNumbers(name: string, chunk: Float64Array): void {
    const s = this.state(name, 'numerical') as NumericalState;
    s.rows += chunk.length;
    for (let i = 0; i < chunk.length; i++) {
      const raw = chunk[i];
      if (Number.isNaN(raw)) {
        s.missing++;
        continue;
      }
      const x = raw === 0 ? 0 : raw;
      if (s.exact) {
        s.exact.set(x, (s.exact.get(x) ?? 0) + 1);
        if (s.exact.size > this.config.maxExactValues) {
          s.sketch = new KllSketch(this.config.sketchK, this.config.sketchSeed);
          const keys = Float64Array.from(s.exact.keys()).sort();
          for (const v of keys) s.sketch.updateWeighted(v, s.exact.get(v) as number);
          s.exact = null;
        }
      } else (s.sketch as KllSketch).update(x);
    }
  }

  /** A chunk of a categorical column; null marks a missing value. */
  addCategories(name: string, chunk: readonly (string | null)[]): void {
    const s = this.state(name, 'categorical') as CategoricalState;
    s.rows += chunk.length;
    for (const v of chunk) {
      if (v === null) s.missing++;
      else s.counts.set(v, (s.counts.get(v) ?? 0) + 1);
    }
  }

  /** The profile of everything added so far (a snapshot: later chunks do not change it). */
  build(): Profile {
    const columns = this.order.map((name): ColumnProfile => {
      const s = this.states.get(name) as NumericalState | CategoricalState;
      const base = { name, rows: s.rows, missing: s.missing };
      if ('counts' in s) return { ...base, kind: 'categorical', counts: new Map(s.counts) };
      if (s.exact) {
        const values = Float64Array.from(s.exact.keys()).sort();
        const counts = Float64Array.from(values, (v) => s.exact?.get(v) as number);
        return { ...base, kind: 'numerical', mode: 'exact', values, counts };
      }
      return { ...base, kind: 'numerical', mode: 'sketch', sketch: (s.sketch as KllSketch).clone() };
    });
    return { config: { ...this.config }, columns };
  }
}

/** Merges two ascending (values, counts) pairs. */
export function mergeExactCounts(
  av: Float64Array,
  ac: Float64Array,
  bv: Float64Array,
  bc: Float64Array,
): { values: Float64Array; counts: Float64Array } {
  const values = new Float64Array(av.length + bv.length);
  const counts = new Float64Array(av.length + bv.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < av.length || j < bv.length) {
    if (j >= bv.length || (i < av.length && av[i] < bv[j])) {
      values[o] = av[i];
      counts[o++] = ac[i++];
    } else if (i >= av.length || bv[j] < av[i]) {
      values[o] = bv[j];
      counts[o++] = bc[j++];
    } else {
      values[o] = av[i];
      counts[o++] = ac[i++] + bc[j++];
    }
  }
  return { values: values.slice(0, o), counts: counts.slice(0, o) };
}

function toSketch(p: NumericalProfile, config: ProfileConfig): KllSketch {
  if (p.mode === 'sketch') return p.sketch.clone();
  const s = new KllSketch(config.sketchK, config.sketchSeed);
  for (let i = 0; i < p.values.length; i++) s.updateWeighted(p.values[i], p.counts[i]);
  return s;
}

function mergeNumerical(a: NumericalProfile, b: NumericalProfile, config: ProfileConfig): NumericalProfile {
  const base = { name: a.name, kind: 'numerical' as const, rows: a.rows + b.rows, missing: a.missing + b.missing };
  if (a.mode === 'exact' && b.mode === 'exact') {
    const merged = mergeExactCounts(a.values, a.counts, b.values, b.counts);
    if (merged.values.length <= config.maxExactValues) return { ...base, mode: 'exact', ...merged };
    const exact: ExactNumericalProfile = { ...base, mode: 'exact', ...merged };
    return { ...base, mode: 'sketch', sketch: toSketch(exact, config) };
  }
  // A sketch side absorbs the other: sketch + sketch merges, exact counts go in with their weights.
  const [big, small] = a.mode === 'sketch' ? [a, b] : [b, a];
  const sketch = toSketch(big, config);
  if (small.mode === 'sketch') sketch.merge(small.sketch);
  else for (let i = 0; i < small.values.length; i++) sketch.updateWeighted(small.values[i], small.counts[i]);
  return { ...base, mode: 'sketch', sketch };
}

function mergeCategorical(a: CategoricalProfile, b: CategoricalProfile): CategoricalProfile {
  const counts = new Map(a.counts);
  for (const [k, v] of b.counts) counts.set(k, (counts.get(k) ?? 0) + v);
  return { name: a.name, kind: 'categorical', rows: a.rows + b.rows, missing: a.missing + b.missing, counts };
}

/**
 * The profile of both inputs' rows together. Both must list the same columns in the same order with
 * the same kinds and the same sketch parameter; the first difference is reported as one InputError.
 * The result keeps a's maxExactValues and sketch seed.
 */
export function mergeProfiles(a: Profile, b: Profile): Profile {
  if (a.config.sketchK !== b.config.sketchK)
    throw new InputError(
      `cannot merge profiles made with sketch k = ${a.config.sketchK} and k = ${b.config.sketchK}; rebuild one with the other's k`,
    );
  const n = Math.max(a.columns.length, b.columns.length);
  const columns: ColumnProfile[] = [];
  for (let i = 0; i < n; i++) {
    const ca = a.columns[i];
    const cb = b.columns[i];
    if (!ca || !cb || ca.name !== cb.name) {
      const name = (ca ?? cb).name;
      throw new InputError(
        `cannot merge profiles: column '${name}' is not in both at position ${i + 1}; profiles must list the same columns in the same order`,
      );
    }
    if (ca.kind !== cb.kind)
      throw new InputError(`cannot merge profiles: column '${ca.name}' is ${ca.kind} in one and ${cb.kind} in the other`);
    columns.push(
      ca.kind === 'categorical' ? mergeCategorical(ca, cb as CategoricalProfile) : mergeNumerical(ca, cb as NumericalProfile, a.config),
    );
  }
  return { config: { ...a.config }, columns };
}
