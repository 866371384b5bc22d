// The CSV reader module (csv_reader.wasm): see parseBlock.ts. JS side: src/kernels/loadCsvReader.ts and
// src/core/table/csvBytes.ts.
export { alloc, free } from '../memory';
export {
  csvInit,
  csvOutputs,
  csvParseBlock,
  csvMapEntry,
  csvMapReset,
  csvEntryCount,
  csvEntryCol,
  csvEntryCode,
  csvEntryPtr,
  csvEntryLen,
  rowsOut,
  blankRows,
  shortRows,
  firstShortRow,
  longBlankRows,
  firstLongBlankRow,
  csvTap,
  csvHashing,
  csvTapPtr,
  tapBytes,
} from './parseBlock';
export { scanNumber, numStatus, numShape } from './parseDecimal';
