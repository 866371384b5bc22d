/**
 * A Blob (a dropped File in the browser) as hyparquet's AsyncBuffer: each slice reads that range of the
 * file only (File.slice), so a Parquet file is read row group by row group, never whole.
 */
import { hasParquetExtension, hasParquetMagic, type AsyncBuffer } from './readParquet.ts';

export function blobBuffer(blob: Blob): AsyncBuffer {
  return { byteLength: blob.size, slice: (start, end) => blob.slice(start, end).arrayBuffer() };
}

/** True when the blob is a Parquet file: it starts with "PAR1", or its name ends in .parquet (.parq, .pq). */
export async function isParquetBlob(blob: Blob, name: string): Promise<boolean> {
  return hasParquetExtension(name) || hasParquetMagic(new Uint8Array(await blob.slice(0, 4).arrayBuffer()));
}
