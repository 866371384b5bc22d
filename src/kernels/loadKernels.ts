import type { DriftKernelExports } from './wasmExports.ts';
import { wasmStatKernels, type DriftKernels } from './wasmStatKernels.ts';

const wasmUrl = new URL('./drift_kernels.wasm', import.meta.url);

/** The only import the module needs: AssemblyScript's abort, turned into a JS Error. */
function imports(memory: () => WebAssembly.Memory | undefined): WebAssembly.Imports {
  return {
    env: {
      abort(messagePtr: number, filePtr: number, line: number, column: number) {
        const mem = memory();
        const text = (ptr: number) => (mem && ptr ? readAsString(mem, ptr >>> 0) : '');
        throw new Error(`drift_kernels.wasm aborted: ${text(messagePtr)} at ${text(filePtr)}:${line}:${column}`);
      },
    },
  };
}

/** An AssemblyScript string: UTF-16 code units, byte length stored 4 bytes before the data. */
function readAsString(memory: WebAssembly.Memory, ptr: number): string {
  const bytes = new Uint32Array(memory.buffer, ptr - 4, 1)[0];
  return String.fromCharCode(...new Uint16Array(memory.buffer, ptr, bytes >>> 1));
}

// The kernels run in both runtimes and are type-checked by both the browser tsconfig (no Node types)
// and tsconfig.node.json (no DOM), so the runtime probes read globalThis rather than `process`/`window`.
const runtime = globalThis as { process?: { versions?: { node?: string } }; window?: unknown };
const isNode = !!runtime.process?.versions?.node && typeof runtime.window === 'undefined';

async function instantiate(): Promise<DriftKernelExports> {
  let exports: DriftKernelExports | undefined;
  const env = imports(() => exports?.memory);
  let instance: WebAssembly.Instance;
  if (isNode && wasmUrl.protocol === 'file:') {
    // `as string` keeps the browser check from resolving a Node module; the emitted import is unchanged.
    const { readFile } = (await import(/* @vite-ignore */ 'node:fs/promises' as string)) as {
      readFile(path: URL): Promise<Uint8Array<ArrayBuffer>>;
    };
    instance = (await WebAssembly.instantiate(await readFile(wasmUrl), env)).instance;
  } else {
    instance = (await WebAssembly.instantiateStreaming(fetch(wasmUrl), env)).instance;
  }
  exports = instance.exports as unknown as DriftKernelExports;
  return exports;
}

let loading: Promise<DriftKernels> | undefined;

/**
 * Loads src/kernels/drift_kernels.wasm once (Node: read from disk; browser: streamed from the URL
 * vite emits as an asset) and returns the StatKernels on top of it. Later calls reuse the instance.
 */
export function loadKernels(): Promise<DriftKernels> {
  loading ??= instantiate().then(wasmStatKernels);
  loading.catch(() => (loading = undefined));
  return loading;
}
