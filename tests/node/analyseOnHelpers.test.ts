import { beforeAll, describe, expect, it } from 'vitest';
import { analyse, planConfig } from '../../src/core/analyse.ts';
import { rowDuplicates } from '../../src/core/quality/rowDuplicates.ts';
import { plansAlone } from '../../src/core/quality/typeChanges.ts';
import { columnFactsCaches, tableFacts } from '../../src/core/table/columnFacts.ts';
import { distinctCap } from '../../src/core/table/planColumns.ts';
import { resolveNumberFormats } from '../../src/core/table/resolveNumberFormats.ts';
import type { StatKernels } from '../../src/core/stattests/kernels.ts';
import { loadKernels } from '../../src/kernels/index.ts';
import { analyseOnHelpers, inThreadHelper, type ColumnHelper } from '../../src/node/analyseOnHelpers.ts';
import { mixedConfig, mixedTables, withoutTimings } from '../helpers/mixedPair.ts';

let k: StatKernels;
beforeAll(async () => {
  k = await loadKernels();
});

const tables = () => mixedTables(1200);
const config = mixedConfig;

/** A helper that counts the features it was given, running them as inThreadHelper does. */
function counting(): ColumnHelper & { features: string[] } {
  const inner = inThreadHelper(k);
  const features: string[] = [];
  return { features, run: (job, transfer) => (features.push(...job.plans.map((p) => p.name)), inner.run(job, transfer)) };
}

describe('analyseOnHelpers', () => {
  it('gives the analysis analyse gives, with the features shared between this thread and 1 or 3 helpers, and leaves the tables as analyse does', async () => {
    const [ref, prod] = await tables();
    const expected = analyse(ref, prod, config(), k);
    // The fixture has what the analysis treats differently: check it is there.
    expect(expected.stats.map((s) => `${s.name}:${s.type}`)).toEqual([
      'amount:numerical',
      'score:numerical',
      'visits:categorical',
      'plan:categorical',
      'status:categorical',
      'price:numerical',
      'gone:numerical',
      'country:categorical',
    ]);
    expect(expected.dataQuality!.type_changes.map((t) => t.name)).toContain('status');
    expect(expected.dataQuality!.duplicates.reference!.duplicates).toBeGreaterThan(0);
    expect(expected.warnings.some((w) => w.includes('"price"'))).toBe(true);
    for (const n of [1, 3]) {
      const helpers = Array.from({ length: n }, counting);
      const [r, p] = await tables();
      const { analysis, threads } = await analyseOnHelpers(r, p, config(), k, helpers);
      expect(withoutTimings(analysis)).toEqual(withoutTimings(expected));
      expect(JSON.stringify(withoutTimings(analysis))).toBe(JSON.stringify(withoutTimings(expected)));
      expect(threads).toBe(n + 1);
      // Every helper had a share, and no feature went to two threads.
      for (const h of helpers) expect(h.features.length).toBeGreaterThan(0);
      const shared = helpers.flatMap((h) => h.features);
      expect(new Set(shared).size).toBe(shared.length);
      expect(shared.length).toBeLessThan(expected.stats.length);
      // The moved columns are back in the tables (the same objects), with the values analyse left.
      expect(r.columns.map((c) => (c.values === null ? null : [...c.values]))).toEqual(
        ref.columns.map((c) => (c.values === null ? null : [...c.values])),
      );
      expect(p.columns.map((c) => (c.codes === null ? null : [...c.codes]))).toEqual(
        prod.columns.map((c) => (c.codes === null ? null : [...c.codes])),
      );
    }
  });

  it("takes each file's columns typed alone when given (the type changes), as analyse types them", async () => {
    const [ref, prod] = await tables();
    const expected = analyse(ref, prod, config(), k);
    const [r, p] = await tables();
    // price is settled across the files first, as a reading thread would not give it for this pair.
    const [r2, p2] = await tables();
    resolveNumberFormats(r2, p2);
    const alone = [plansAlone(tableFacts(r2), planConfig(config())), plansAlone(tableFacts(p2), planConfig(config()))] as const;
    const { analysis } = await analyseOnHelpers(r, p, config(), k, [inThreadHelper(k)], { plansAlone: [alone[0], alone[1]] });
    expect(withoutTimings(analysis)).toEqual(withoutTimings(expected));
    // Given plans are used: production's "status" typed like the reference's is no type change.
    const [r3, p3] = await tables();
    const same = alone[1].map((plan) => alone[0].find((x) => x.name === plan.name) ?? plan);
    const changed = await analyseOnHelpers(r3, p3, config(), k, [], { plansAlone: [alone[0], same] });
    expect(changed.analysis.dataQuality!.type_changes).toEqual([]);
  });

  it('takes what typing each settled file alone learnt of its columns (facts caches), as analyse types the pair', async () => {
    const [ref, prod] = await tables();
    const expected = analyse(ref, prod, config(), k);
    const [r, p] = await tables();
    resolveNumberFormats(r, p);
    const cfg = planConfig(config());
    const caches = [columnFactsCaches(r, distinctCap(cfg)), columnFactsCaches(p, distinctCap(cfg))] as const;
    const alone = [plansAlone(tableFacts(r, caches[0]), cfg), plansAlone(tableFacts(p, caches[1]), cfg)] as const;
    const { analysis } = await analyseOnHelpers(r, p, config(), k, [inThreadHelper(k)], { plansAlone: alone, facts: caches });
    expect(withoutTimings(analysis)).toEqual(withoutTimings(expected));
    // The caches are read: a column's distinct numbers given as one value types it as constant and categorical.
    const [r2, p2] = await tables();
    resolveNumberFormats(r2, p2);
    const amount = r2.columns.findIndex((c) => c.name === 'amount');
    const one = [caches[0].map((c, i) => (i === amount ? { ...c, distinct: Float64Array.of(1) } : c)), caches[1]] as const;
    const lied = await analyseOnHelpers(r2, p2, config(), k, [], { facts: [one[0], undefined] });
    expect(lied.analysis.dataQuality!.constant_columns.map((c) => c.name)).toContain('amount');
  });

  it('takes the duplicate rows it is given, as analyse counts them', async () => {
    const [ref, prod] = await tables();
    const expected = analyse(ref, prod, config(), k);
    const [r, p] = await tables();
    const given = [rowDuplicates(r), { ...rowDuplicates(p), duplicates: 999 }] as const;
    const { analysis } = await analyseOnHelpers(r, p, config(), k, [inThreadHelper(k)], { duplicates: given });
    expect(analysis.dataQuality!.duplicates.reference).toEqual(expected.dataQuality!.duplicates.reference);
    expect(analysis.dataQuality!.duplicates.production!.duplicates).toBe(999);
  });

  it('keeps here the columns whose arrays share a buffer with another column (moving one would empty the other)', async () => {
    const [ref, prod] = await tables();
    const expected = analyse(ref, prod, config(), k);
    const [r, p] = await tables();
    // amount and score of the reference as two views on one buffer.
    const [a, b] = [r.columns[0], r.columns[1]];
    const [av, bv] = [a.values!, b.values!];
    const both = new Float64Array(av.length + bv.length);
    both.set(av);
    both.set(bv, av.length);
    a.values = both.subarray(0, av.length);
    b.values = both.subarray(av.length);
    const helper = counting();
    const { analysis } = await analyseOnHelpers(r, p, config(), k, [helper]);
    expect(withoutTimings(analysis)).toEqual(withoutTimings(expected));
    expect(helper.features).not.toContain('amount');
    expect(helper.features).not.toContain('score');
    expect(helper.features.length).toBeGreaterThan(0);
    expect(both.buffer.byteLength).toBeGreaterThan(0);
  });

  it("falls back to analyse on this thread when a helper's job fails, with the columns it sent back", async () => {
    const [ref, prod] = await tables();
    const expected = analyse(ref, prod, config(), k);
    const [r, p] = await tables();
    const failing: ColumnHelper = {
      run: async (job, transfer) => {
        const back = await inThreadHelper(k).run(job, transfer);
        return { ...back, results: { error: 'out of memory' } };
      },
    };
    const { analysis, threads } = await analyseOnHelpers(r, p, config(), k, [failing]);
    expect(threads).toBe(1);
    expect(withoutTimings(analysis)).toEqual(withoutTimings(expected));
  });
});
