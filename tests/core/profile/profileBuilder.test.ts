import { describe, expect, it } from 'vitest';
import { ProfileBuilder, mergeProfiles } from '../../../src/core/profile/profileBuilder.ts';
import type { ExactNumericalProfile, Profile, SketchNumericalProfile } from '../../../src/core/profile/columnProfile.ts';
import { mulberry32 } from '../../../src/core/samples/mulberry32.ts';
import { ksFromProfiles } from '../../../src/core/profile/profileStats.ts';
import { rankErrorBound } from '../../../src/core/profile/kllSketch.ts';

const specs = [
  { name: 'age', kind: 'numerical' as const },
  { name: 'job', kind: 'categorical' as const },
];

function profileOf(ages: number[], jobs: (string | null)[], maxExactValues = 100_000): Profile {
  const b = new ProfileBuilder(specs, { maxExactValues });
  b.addNumbers('age', Float64Array.from(ages));
  b.addCategories('job', jobs);
  return b.build();
}

describe('ProfileBuilder', () => {
  it('counts rows, missing values, distinct values and categories (first-seen order)', () => {
    const b = new ProfileBuilder(specs);
    b.addNumbers('age', Float64Array.from([3, NaN, 1, 3]));
    b.addNumbers('age', Float64Array.from([-0, 0, 1]));
    b.addCategories('job', ['b', null, 'a']);
    b.addCategories('job', ['b']);
    const [age, job] = b.build().columns;
    expect(age).toMatchObject({ name: 'age', kind: 'numerical', mode: 'exact', rows: 7, missing: 1 });
    const exact = age as ExactNumericalProfile;
    expect(Array.from(exact.values)).toEqual([0, 1, 3]);
    expect(Object.is(exact.values[0], 0)).toBe(true);
    expect(Array.from(exact.counts)).toEqual([2, 2, 2]);
    expect(job).toMatchObject({ kind: 'categorical', rows: 4, missing: 1 });
    expect([...(job.kind === 'categorical' ? job.counts : [])]).toEqual([
      ['b', 2],
      ['a', 1],
    ]);
  });

  it('switches to the sketch past maxExactValues, keeping every count', () => {
    const b = new ProfileBuilder([{ name: 'x', kind: 'numerical' }], { maxExactValues: 100 });
    b.addNumbers(
      'x',
      Float64Array.from({ length: 150 }, (_, i) => i % 120),
    );
    b.addNumbers(
      'x',
      Float64Array.from({ length: 1000 }, (_, i) => i / 7),
    );
    const x = b.build().columns[0] as SketchNumericalProfile;
    expect(x.mode).toBe('sketch');
    expect(x.sketch.n).toBe(1150);
    expect(x.sketch.min).toBe(0);
    expect(x.sketch.max).toBe(999 / 7);
  });

  it('rejects unknown columns, a wrong kind and duplicate names with one InputError', () => {
    const b = new ProfileBuilder(specs);
    expect(() => b.addNumbers('nope', new Float64Array(1))).toThrow(/column 'nope' is not in the profile/);
    expect(() => b.addNumbers('job', new Float64Array(1))).toThrow(/column 'job' is categorical, not numerical/);
    expect(() => new ProfileBuilder([specs[0], specs[0]])).toThrow(/column 'age' is listed twice/);
  });
});

describe('mergeProfiles', () => {
  const random = mulberry32(9);
  const part = (n: number) => ({
    ages: Array.from({ length: n }, () => (random() < 0.1 ? NaN : Math.round(random() * 50))),
    jobs: Array.from({ length: n }, () => (random() < 0.1 ? null : ['x', 'y', 'z'][Math.floor(random() * 3)])),
  });
  const [p1, p2, p3] = [part(300), part(200), part(250)];
  const [a, b, c] = [p1, p2, p3].map((p) => profileOf(p.ages, p.jobs));

  it('equals the profile of the concatenation (exact mode)', () => {
    const whole = profileOf([...p1.ages, ...p2.ages, ...p3.ages], [...p1.jobs, ...p2.jobs, ...p3.jobs]);
    expect(mergeProfiles(mergeProfiles(a, b), c)).toEqual(whole);
  });

  it('is associative in exact mode', () => {
    expect(mergeProfiles(mergeProfiles(a, b), c)).toEqual(mergeProfiles(a, mergeProfiles(b, c)));
  });

  it('goes to the sketch when the merged distinct values exceed the limit', () => {
    const x = profileOf([1, 2, 3], ['a', 'a', 'a'], 4);
    const y = profileOf([4, 5, 6], ['a', 'a', 'a'], 4);
    const m = mergeProfiles(x, y).columns[0] as SketchNumericalProfile;
    expect(m.mode).toBe('sketch');
    expect(m.sketch.n).toBe(6);
    const again = mergeProfiles(mergeProfiles(x, y), y).columns[0] as SketchNumericalProfile;
    expect(again.sketch.n).toBe(9);
    expect(again.sketch.rank(5)).toBe(7);
  });

  it('names the column when the profiles differ', () => {
    const other = new ProfileBuilder([
      { name: 'age', kind: 'numerical' },
      { name: 'city', kind: 'categorical' },
    ]).build();
    expect(() => mergeProfiles(a, other)).toThrow(/column 'job' is not in both/);
    const kinds = new ProfileBuilder([{ name: 'age', kind: 'categorical' }, specs[1]]).build();
    expect(() => mergeProfiles(a, kinds)).toThrow(/column 'age' is numerical in one and categorical in the other/);
    const fewer = new ProfileBuilder([specs[0]]).build();
    expect(() => mergeProfiles(a, fewer)).toThrow(/column 'job' is not in both/);
  });

  it('merging sketch and exact parts stays within the bound of the exact whole', () => {
    const rnd = mulberry32(21);
    const parts = [20_000, 15_000, 300].map((n) => Float64Array.from({ length: n }, () => (rnd() < 0.02 ? NaN : rnd() ** 2)));
    const build = (xs: Float64Array, maxExactValues: number) => {
      const b = new ProfileBuilder([{ name: 'x', kind: 'numerical' }], { maxExactValues });
      b.addNumbers('x', xs);
      return b.build();
    };
    // Parts 1 and 2 become sketches, part 3 stays exact.
    const merged = [build(parts[1], 1000), build(parts[2], 1000)].reduce(mergeProfiles, build(parts[0], 1000));
    const whole = build(Float64Array.from(parts.flatMap((p) => Array.from(p))), 1e6);
    const m = merged.columns[0] as SketchNumericalProfile;
    const w = whole.columns[0] as ExactNumericalProfile;
    expect(m.mode).toBe('sketch');
    expect([m.rows, m.missing, m.sketch.n]).toEqual([w.rows, w.missing, w.rows - w.missing]);
    expect(m.sketch.min).toBe(w.values[0]);
    expect(m.sketch.max).toBe(w.values[w.values.length - 1]);
    // D between the merged sketch and the exact whole is its CDF error: within one sketch's bound.
    const ks = ksFromProfiles(m, w);
    expect(ks.bound).toBe(rankErrorBound(200));
    expect(ks.statistic).toBeGreaterThan(0);
    expect(ks.statistic).toBeLessThanOrEqual(ks.bound);
  });

  it('refuses profiles made with different sketch k', () => {
    const other = new ProfileBuilder(specs, { sketchK: 100 }).build();
    expect(() => mergeProfiles(a, other)).toThrow(/sketch k = 200 and k = 100/);
  });
});
