import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { wasmStatKernels, type DriftKernelExports } from '../../src/kernels/index.ts';

async function instantiate(): Promise<DriftKernelExports> {
  const bytes = await readFile(new URL('../../src/kernels/drift_kernels.wasm', import.meta.url));
  const env = {
    abort: () => {
      throw new Error('abort');
    },
  };
  return (await WebAssembly.instantiate(bytes, { env })).instance.exports as unknown as DriftKernelExports;
}

describe('wasm memory use', () => {
  it('numerical() and countCodes() free their buffers: memory stops growing across repeated runs', async () => {
    const w = await instantiate();
    const k = wasmStatKernels(w);
    const ref = Float64Array.from({ length: 300_000 }, (_, i) => Math.sin(i));
    const prod = Float64Array.from({ length: 250_000 }, (_, i) => Math.cos(i));
    const codes = Int32Array.from({ length: 300_000 }, (_, i) => (i % 11) - 1);
    k.numerical(ref, prod, 10);
    k.countCodes(codes, 10);
    const after1 = w.memory.buffer.byteLength;
    for (let i = 0; i < 20; i++) {
      k.numerical(ref, prod, 10);
      k.countCodes(codes, 10);
    }
    expect(w.memory.buffer.byteLength).toBe(after1);
  });

  it('results stay valid after memory growth (views are rebuilt)', async () => {
    const w = await instantiate();
    const k = wasmStatKernels(w);
    const before = w.memory.buffer.byteLength;
    const big = Float64Array.from({ length: 2_000_000 }, (_, i) => (i * 7) % 1000);
    const r = k.numerical(big, Float64Array.of(0, 999), 4);
    expect(w.memory.buffer.byteLength).toBeGreaterThan(before);
    expect(r.nRef).toBe(2_000_000);
    expect(Array.from(r.quantiles)).toEqual([0, 249.75, 499.5, 749.25, 999]);
    expect(Array.from(r.prodCounts)).toEqual([1, 0, 0, 1]);
  });

  it('alloc(bytes) returns 16-byte aligned blocks that free() recycles', async () => {
    const w = await instantiate();
    const a = w.alloc(1000) >>> 0;
    expect(a % 16).toBe(0);
    w.free(a);
    expect(w.alloc(1000) >>> 0).toBe(a);
  });
});
