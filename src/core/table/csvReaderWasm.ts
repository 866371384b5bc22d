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
  /**
   * The blocks' outputs: `stride` cell slots per kept column of tags, vals, starts, lens, codes, hashes
   * (two i32 per slot) and CSV_TALLY i32 per kept column (see wasm/csv/parseBlock.ts).
   */
  csvOutputs(stride: number, tags: number, vals: number, starts: number, lens: number, codes: number, hashes: number, tally: number): void;
  csvParseBlock(ptr: number, len: number, final: boolean | number, maxRows: number): number;
  /** Dictionary entry e's text has code `code` in its column's builder (the reader then writes it to codes). */
  csvMapEntry(e: number, code: number): void;
  /** Forgets all builder codes (the column builders started afresh). */
  csvMapReset(): void;
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
  /** Kept column `col`'s texts are hashed (tag -16, TextHashSet hash pair in its vals slot) from the next block on (1), or coded (0). */
  csvHashing(col: number, on: number): void;
  scanNumber(ptr: number, end: number): number;
  numStatus: WasmGlobal;
  numShape: WasmGlobal;
}

/** Counters per kept column in the reader's tally (wasm/csv/parseBlock.ts TALLY). */
export const CSV_TALLY = 8;

/** An exported wasm global (WebAssembly.Global), as far as the core reads it. */
export interface WasmGlobal {
  readonly value: number;
}
