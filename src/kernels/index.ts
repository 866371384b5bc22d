export { loadKernels } from './loadKernels.ts';
export { wasmStatKernels, type DriftKernels } from './wasmStatKernels.ts';
export type { DriftKernelExports } from './wasmExports.ts';
export { linspace01 } from './linspace.ts';
