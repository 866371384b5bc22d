/**
 * The exports of csv_reader.wasm (sources in wasm/csv/), which src/kernels/loadCsvReader.ts loads and
 * the core receives injected (the core imports no wasm loader). Pointers are byte offsets into `memory`;
 * views on `memory.buffer` must be made again after any call that may grow the memory.
 */
export interface CsvReaderWasm {
  memory: { readonly buffer: ArrayBuffer };
  alloc(bytes: number): number;
  free(ptr: number): void;
  csvInit(width: number, fieldColPtr: number, delimiter: number, markerData: number, markerIndex: number, markers: number): void;
  csvParseBlock(
    ptr: number,
    len: number,
    final: boolean | number,
    maxRows: number,
    tags: number,
    vals: number,
    starts: number,
    lens: number,
  ): number;
  csvEntryCount(): number;
  csvEntryCol(e: number): number;
  csvEntryCode(e: number): number;
  csvEntryPtr(e: number): number;
  csvEntryLen(e: number): number;
  rowsOut: WasmGlobal;
  blankRows: WasmGlobal;
  shortRows: WasmGlobal;
  firstShortRow: WasmGlobal;
  longBlankRows: WasmGlobal;
  firstLongBlankRow: WasmGlobal;
  /** Taps header field `field` (-1: none): per block, row r's cell ends at UTF-16 unit ends[r] of the tapped bytes. */
  csvTap(field: number, endsPtr: number): void;
  /** The last block's tapped cells (tapBytes UTF-8 bytes, end to end). */
  csvTapPtr(): number;
  tapBytes: WasmGlobal;
  scanNumber(ptr: number, end: number): number;
  numStatus: WasmGlobal;
  numShape: WasmGlobal;
}

/** An exported wasm global (WebAssembly.Global), as far as the core reads it. */
export interface WasmGlobal {
  readonly value: number;
}
