/** Whether a path is a Parquet file, told without loading the Parquet reader (hyparquet). */
import { open, type FileHandle } from 'node:fs/promises';
import { hasParquetExtension, hasParquetMagic } from '../core/table/parquet/parquetFormat.ts';

/**
 * True when the file is Parquet: it starts with "PAR1", or its name ends in .parquet (then a file that
 * does not start so is reported as a damaged Parquet file rather than read as a CSV). False for a path
 * that cannot be read (the CSV reader reports that).
 */
export async function isParquetPath(path: string): Promise<boolean> {
  if (hasParquetExtension(path)) return true;
  let handle: FileHandle | null = null;
  try {
    handle = await open(path, 'r');
    const head = new Uint8Array(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return hasParquetMagic(head.subarray(0, bytesRead));
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}
