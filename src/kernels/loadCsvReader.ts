import type { CsvReaderWasm } from '../core/table/csvReaderWasm.ts';

const wasmUrl = new URL('./csv_reader.wasm', import.meta.url);

// As in loadKernels.ts: probe the runtime through globalThis (no Node or DOM types needed).
const runtime = globalThis as { process?: { versions?: { node?: string } }; window?: unknown };
const isNode = !!runtime.process?.versions?.node && typeof runtime.window === 'undefined';

let compiling: Promise<WebAssembly.Module> | undefined;

async function compile(): Promise<WebAssembly.Module> {
  if (isNode && wasmUrl.protocol === 'file:') {
    const { readFile } = (await import(/* @vite-ignore */ 'node:fs/promises' as string)) as {
      readFile(path: URL): Promise<Uint8Array<ArrayBuffer>>;
    };
    return WebAssembly.compile(await readFile(wasmUrl));
  }
  return WebAssembly.compileStreaming(fetch(wasmUrl));
}

/**
 * A fresh instance of csv_reader.wasm (sources in wasm/csv/; the module is compiled once): one per
 * file read, since a read keeps its dictionary and buffers in the instance between awaits. Pass it
 * as parseCsv's `byteReader`.
 */
export async function csvReaderInstance(): Promise<CsvReaderWasm> {
  compiling ??= compile();
  compiling.catch(() => (compiling = undefined));
  const module = await compiling;
  const instance = await WebAssembly.instantiate(module, {
    env: {
      abort(_message: number, _file: number, line: number, column: number) {
        throw new Error(`csv_reader.wasm aborted at ${line}:${column}`);
      },
    },
  });
  return instance.exports as unknown as CsvReaderWasm;
}
