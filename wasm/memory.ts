/**
 * Raw buffers for the JS side: plain byte blocks from the runtime's allocator (TLSF), never seen by the
 * GC. JS allocates, fills through a typed-array view of `memory.buffer`, calls kernels with the
 * pointers, reads the results and frees. Blocks are 16-byte aligned, so any typed view fits.
 */
export function alloc(bytes: usize): usize {
  return heap.alloc(bytes < 16 ? 16 : bytes);
}

export function free(ptr: usize): void {
  heap.free(ptr);
}
