/**
 * How a Parquet file is told from a CSV, kept apart from the reader so that telling does not load
 * hyparquet (the CLI and its worker threads import the reader only for a Parquet file).
 */

/** The `delimiter` of a table read from a Parquet file (it has none; messages and profiles show this). */
export const PARQUET_FORMAT = 'parquet';

/** "PAR1", the first and last four bytes of every Parquet file. */
const MAGIC = [0x50, 0x41, 0x52, 0x31];

/** True when the bytes start with the Parquet magic "PAR1" (how a Parquet file is told from a CSV). */
export function hasParquetMagic(head: Uint8Array): boolean {
  return head.length >= 4 && MAGIC.every((b, i) => head[i] === b);
}

/** True for a file name ending in .parquet / .parq / .pq (any case). */
export function hasParquetExtension(name: string): boolean {
  return /\.(parquet|parq|pq)$/i.test(name);
}
