import type { ParsedTable } from './types.ts';

/**
 * The ArrayBuffers behind a table's typed columns, each once (two views on one buffer must not be listed
 * twice in a transfer list), for Comlink.transfer / postMessage: columns move, they are not copied.
 */
export function tableBuffers(table: ParsedTable): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const c of table.columns) {
    if (c.values && c.values.buffer instanceof ArrayBuffer) buffers.add(c.values.buffer);
    if (c.codes && c.codes.buffer instanceof ArrayBuffer) buffers.add(c.codes.buffer);
  }
  return [...buffers];
}
