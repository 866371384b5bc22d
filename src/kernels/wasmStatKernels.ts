import type { NumericalKernelResult, StatKernels } from '../core/stattests/kernels.ts';
import { psiBins } from '../core/stattests/psiBins.ts';
import { linspace01 } from './linspace.ts';
import type { DriftKernelExports } from './wasmExports.ts';

/** StatKernels plus the lower-level calls the dashboard's distribution explorer uses. */
export interface DriftKernels extends StatKernels {
  /** The non-NaN values of x in ascending order (-0 before +0), as a new array. */
  sortedWithoutNaN(x: Float64Array): Float64Array;
  /** numpy.quantile(sorted, q) (method 'linear') for each q, on an ascending array without NaN. */
  quantilesOfSorted(sorted: Float64Array, q: ArrayLike<number>): Float64Array;
}

/**
 * Wraps the raw wasm exports. Every call allocates its buffers in wasm memory, copies the input in
 * once, runs all kernels on it there, copies the small results out and frees the buffers, so
 * repeated runs do not grow memory. Typed-array views are rebuilt after the last allocation because
 * memory growth detaches the old `memory.buffer`.
 */
export function wasmStatKernels(w: DriftKernelExports): DriftKernels {
  const f64 = () => new Float64Array(w.memory.buffer);
  const alloc = (bytes: number) => w.alloc(bytes) >>> 0;

  function withBuffers<T>(sizes: number[], body: (ptrs: number[]) => T): T {
    const ptrs: number[] = [];
    try {
      for (const bytes of sizes) ptrs.push(alloc(bytes));
      return body(ptrs);
    } finally {
      for (const p of ptrs) w.free(p);
    }
  }

  function numerical(ref: Float64Array, prod: Float64Array, bins: number): NumericalKernelResult {
    if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer, got ${bins}`);
    const longest = Math.max(ref.length, prod.length);
    // At most bins - 1 thresholds (a point mass takes two or more collapsed inner edges and gives two
    // thresholds), so at most `bins` counts.
    return withBuffers(
      [ref.length * 8, prod.length * 8, longest * 8, (bins + 1) * 8, bins * 8],
      ([pRef, pProd, pScratch, pEdges, pCounts]) => {
        let mem = f64();
        mem.set(ref, pRef >>> 3);
        mem.set(prod, pProd >>> 3);
        const nRef = w.dropNaN(pRef, ref.length, pRef);
        const nProd = w.dropNaN(pProd, prod.length, pProd);
        w.radixSort(pRef, nRef, pScratch);
        w.radixSort(pProd, nProd, pScratch);
        const d = w.ksSorted(pRef, nRef, pProd, nProd);
        const range = sortedRange(f64(), pRef >>> 3, nRef, pProd >>> 3, nProd);
        const probabilities = linspace01(bins + 1);
        const quantiles = new Float64Array(bins + 1);
        for (let i = 0; i <= bins; i++) quantiles[i] = w.quantileSorted(pRef, nRef, probabilities[i]);
        // No reference values: no bins exist (quantiles are NaN), so both count vectors stay zero.
        if (nRef === 0) {
          const zeros = () => new Float64Array(bins);
          return { nRef, nProd, d, quantiles, edges: [], pointMasses: [], refCounts: zeros(), prodCounts: zeros(), range };
        }
        const { edges, pointMasses, thresholds } = psiBins(quantiles);
        const m = thresholds.length;
        mem = f64();
        mem.set(thresholds, pEdges >>> 3);
        w.binCountsSorted(pRef, nRef, pEdges, m, pCounts);
        const refCounts = f64().slice(pCounts >>> 3, (pCounts >>> 3) + m + 1);
        w.binCountsSorted(pProd, nProd, pEdges, m, pCounts);
        const prodCounts = f64().slice(pCounts >>> 3, (pCounts >>> 3) + m + 1);
        return { nRef, nProd, d, quantiles, edges, pointMasses, refCounts, prodCounts, ...(range !== undefined ? { range } : {}) };
      },
    );
  }

  function countCodes(codes: Int32Array, k: number): Float64Array {
    return withBuffers([codes.length * 4, k * 8], ([pCodes, pOut]) => {
      new Int32Array(w.memory.buffer).set(codes, pCodes >>> 2);
      w.countCodes(pCodes, codes.length, k, pOut);
      return f64().slice(pOut >>> 3, (pOut >>> 3) + k);
    });
  }

  function sortedWithoutNaN(x: Float64Array): Float64Array {
    return withBuffers([x.length * 8, x.length * 8], ([p, pScratch]) => {
      f64().set(x, p >>> 3);
      const n = w.dropNaN(p, x.length, p);
      w.radixSort(p, n, pScratch);
      return f64().slice(p >>> 3, (p >>> 3) + n);
    });
  }

  function quantilesOfSorted(sorted: Float64Array, q: ArrayLike<number>): Float64Array {
    return withBuffers([sorted.length * 8], ([p]) => {
      f64().set(sorted, p >>> 3);
      const out = new Float64Array(q.length);
      for (let i = 0; i < q.length; i++) out[i] = w.quantileSorted(p, sorted.length, q[i]);
      return out;
    });
  }

  return { numerical, countCodes, sortedWithoutNaN, quantilesOfSorted };
}

/**
 * NumericalKernelResult.range from the ascending samples mem[ref..ref + nRef) and mem[prod..prod + nProd)
 * (no NaN): as outOfRangeFromValues computes them, min and max are the first such value in file order,
 * which the sorted sample gives unless they are zeros of both signs (-0 sorts first); the counts use the
 * same comparisons (v < min, v > max) by binary search.
 */
function sortedRange(mem: Float64Array, ref: number, nRef: number, prod: number, nProd: number): NumericalKernelResult['range'] {
  const min = nRef ? mem[ref] : Infinity;
  const max = nRef ? mem[ref + nRef - 1] : -Infinity;
  if (min === 0 || max === 0) {
    const firstZero = countBelow(mem, ref, nRef, 0);
    if (firstZero < nRef && Object.is(mem[ref + firstZero], -0)) return undefined;
  }
  return { min, max, below: countBelow(mem, prod, nProd, min), above: nProd - countAtMost(mem, prod, nProd, max) };
}

/** Values of the ascending mem[from..from + n) that are < x. */
function countBelow(mem: Float64Array, from: number, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (mem[from + mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Values of the ascending mem[from..from + n) that are <= x. */
function countAtMost(mem: Float64Array, from: number, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (mem[from + mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
