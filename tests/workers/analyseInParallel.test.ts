import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.ts';
import { rowDuplicates } from '../../src/core/quality/rowDuplicates.ts';
import type { StatKernels } from '../../src/core/stattests/kernels.ts';
import { loadKernels } from '../../src/kernels/index.ts';
import type { ColumnJob } from '../../src/core/columnJobs.ts';
import { analyseInParallel } from '../../src/workers/analyseInParallel.ts';
import { serveColumnJobs } from '../../src/workers/serveColumnJobs.ts';
import { mixedConfig, mixedTables, withoutTimings } from '../helpers/mixedPair.ts';

let k: StatKernels;
beforeAll(async () => {
  k = await loadKernels();
});

const tables = () => mixedTables(1200);
const config = mixedConfig;

const open: MessagePort[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

/**
 * A helper as the analysis worker sees it: its end of a real MessageChannel (jobs and columns are
 * structured-cloned with their buffers transferred, as between workers), answered by serveColumnJobs
 * with `kernels`; `features` records what it was sent.
 */
function helper(kernels: Promise<StatKernels> = Promise.resolve(k)): { port: MessagePort; features: string[] } {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  const features: string[] = [];
  port1.addEventListener('message', (e) => features.push(...(e.data as ColumnJob).plans.map((p) => p.name)));
  serveColumnJobs(port1, kernels);
  return { port: port2, features };
}

describe('analyseInParallel', () => {
  it('gives the analysis analyse gives, the features shared between 1 or 3 helper ports, and leaves the tables as analyse does', async () => {
    const [ref, prod] = await tables();
    const expected = analyse(ref, prod, config(), k);
    // The fixture has what the analysis treats differently: check it is there.
    expect(expected.stats.map((s) => s.type)).toContain('numerical');
    expect(expected.stats.map((s) => s.type)).toContain('categorical');
    expect(expected.dataQuality!.type_changes.map((t) => t.name)).toContain('status');
    expect(expected.dataQuality!.duplicates.reference!.duplicates).toBeGreaterThan(0);
    expect(expected.warnings.some((w) => w.includes('"price"'))).toBe(true);
    for (const n of [1, 3]) {
      const helpers = Array.from({ length: n }, () => helper());
      const [r, p] = await tables();
      const analysis = await analyseInParallel(
        r,
        p,
        config(),
        k,
        helpers.map((h) => h.port),
      );
      expect(withoutTimings(analysis)).toEqual(withoutTimings(expected));
      expect(JSON.stringify(withoutTimings(analysis))).toBe(JSON.stringify(withoutTimings(expected)));
      // Every tested feature went to exactly one helper, and every helper had some.
      const sent = helpers.flatMap((h) => h.features);
      expect([...sent].sort()).toEqual(expected.stats.map((s) => s.name).sort());
      for (const h of helpers) expect(h.features.length).toBeGreaterThan(0);
      // The moved columns are back in the tables (the same objects), with the values analyse left.
      expect(r.columns.map((c) => (c.values === null ? null : [...c.values]))).toEqual(
        ref.columns.map((c) => (c.values === null ? null : [...c.values])),
      );
      expect(p.columns.map((c) => (c.codes === null ? null : [...c.codes]))).toEqual(
        prod.columns.map((c) => (c.codes === null ? null : [...c.codes])),
      );
    }
  });

  it('hands the costliest features out first (the numerical ones)', async () => {
    const [r, p] = await tables();
    const h = helper();
    const analysis = await analyseInParallel(r, p, config(), k, [h.port]);
    const numerical = analysis.stats.filter((s) => s.type === 'numerical').map((s) => s.name);
    expect(numerical.length).toBeGreaterThan(1);
    expect(h.features.slice(0, numerical.length).sort()).toEqual([...numerical].sort());
  });

  it('computes here, without helpers, what analyse computes', async () => {
    const [ref, prod] = await tables();
    const expected = analyse(ref, prod, config(), k);
    const [r, p] = await tables();
    expect(withoutTimings(await analyseInParallel(r, p, config(), k, []))).toEqual(withoutTimings(expected));
  });

  it('takes the duplicate rows it is given, as analyse counts them', async () => {
    const [ref, prod] = await tables();
    const expected = analyse(ref, prod, config(), k);
    const [r, p] = await tables();
    const given = [rowDuplicates(r), { ...rowDuplicates(p), duplicates: 999 }] as const;
    const analysis = await analyseInParallel(r, p, config(), k, [helper().port], { duplicates: given });
    expect(analysis.dataQuality!.duplicates.reference).toEqual(expected.dataQuality!.duplicates.reference);
    expect(analysis.dataQuality!.duplicates.production!.duplicates).toBe(999);
  });

  it('keeps here the columns whose arrays share a buffer with another column (moving one would empty the other)', async () => {
    const [ref, prod] = await tables();
    const expected = analyse(ref, prod, config(), k);
    const [r, p] = await tables();
    const [a, b] = [r.columns[0], r.columns[1]];
    const [av, bv] = [a.values!, b.values!];
    const both = new Float64Array(av.length + bv.length);
    both.set(av);
    both.set(bv, av.length);
    a.values = both.subarray(0, av.length);
    b.values = both.subarray(av.length);
    const h = helper();
    const analysis = await analyseInParallel(r, p, config(), k, [h.port]);
    expect(withoutTimings(analysis)).toEqual(withoutTimings(expected));
    expect(h.features).not.toContain(a.name);
    expect(h.features).not.toContain(b.name);
    expect(h.features.length).toBeGreaterThan(0);
    expect(both.buffer.byteLength).toBeGreaterThan(0);
  });

  it("computes the analysis here when a helper's jobs fail (its kernels did not load), with the columns it sent back", async () => {
    const [ref, prod] = await tables();
    const expected = analyse(ref, prod, config(), k);
    const [r, p] = await tables();
    const failing = helper(Promise.reject(new Error('no wasm')));
    const analysis = await analyseInParallel(r, p, config(), k, [failing.port]);
    expect(failing.features.length).toBeGreaterThan(0);
    expect(withoutTimings(analysis)).toEqual(withoutTimings(expected));
  });
});
