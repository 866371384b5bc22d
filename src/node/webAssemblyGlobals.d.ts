/**
 * The part of the WebAssembly global that src/kernels/loadKernels.ts and loadCsvReader.ts use, for tsconfig.node.json.
 * Node has had WebAssembly as a global since 8, but TypeScript declares it only in lib.dom (and
 * lib.webworker), and taking DOM for the Node side would let browser APIs into the CLI unnoticed.
 * tsconfig.lib.json (which has DOM) excludes this file.
 */
declare namespace WebAssembly {
  interface Memory {
    readonly buffer: ArrayBuffer;
  }
  type ImportValue = ((...args: never[]) => unknown) | Memory | number;
  type Imports = Record<string, Record<string, ImportValue>>;
  type Exports = Record<string, unknown>;
  interface Instance {
    readonly exports: Exports;
  }
  interface WebAssemblyInstantiatedSource {
    instance: Instance;
  }
  function instantiate(bytes: Uint8Array<ArrayBuffer>, imports?: Imports): Promise<WebAssemblyInstantiatedSource>;
  // src/kernels/loadCsvReader.ts: compile once, one instance per read.
  type Module = object;
  function compile(bytes: Uint8Array<ArrayBuffer>): Promise<Module>;
  function compileStreaming(source: Response | PromiseLike<Response>): Promise<Module>;
  function instantiate(module: Module, imports?: Imports): Promise<Instance>;
  function instantiateStreaming(source: Response | PromiseLike<Response>, imports?: Imports): Promise<WebAssemblyInstantiatedSource>;
}
