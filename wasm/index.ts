// The wasm module's exports: numbers (pointers, lengths) in, numbers out. See src/kernels/ for the JS side.
export { alloc, free } from './memory';
export { dropNaN } from './dropNaN';
export { radixSort } from './radixSort';
export { ksSorted } from './ksSorted';
export { quantileSorted } from './quantileSorted';
export { binCountsSorted, lowerBound } from './binCountsSorted';
export { countCodes } from './countCodes';
