import type { ParsedTable } from '../core/table/types.ts';

/** The distinct ArrayBuffers behind a table's columns, for a postMessage transfer list. */
export function tableTransferList(table: ParsedTable): ArrayBuffer[] {
  const set = new Set<ArrayBuffer>();
  for (const c of table.columns) {
    set.add(c.values.buffer as ArrayBuffer);
    if (c.codes) set.add(c.codes.buffer as ArrayBuffer);
  }
  return [...set];
}
