/**
 * The raw exports of drift_kernels.wasm (sources in wasm/). Pointers are byte offsets into `memory`;
 * i32 results come back signed, so read pointers with `>>> 0`.
 */
export interface DriftKernelExports {
  memory: WebAssembly.Memory;
  alloc(bytes: number): number;
  free(ptr: number): void;
  dropNaN(src: number, n: number, dst: number): number;
  radixSort(ptr: number, n: number, scratch: number): void;
  ksSorted(a: number, n1: number, b: number, n2: number): number;
  quantileSorted(ptr: number, n: number, q: number): number;
  binCountsSorted(ptr: number, n: number, edges: number, m: number, out: number): void;
  lowerBound(ptr: number, n: number, x: number): number;
  countCodes(codes: number, n: number, k: number, out: number): void;
}
