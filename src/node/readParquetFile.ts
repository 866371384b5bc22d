/**
 * Parquet files from disk: an AsyncBuffer over a file handle (hyparquet reads the footer and each
 * column chunk by range, so the file is never in memory whole), read into a table or streamed into a
 * profile by the core reader (core/table/parquet/readParquet.ts).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../core/errors.ts';
import type { Profile, ProfileConfig } from '../core/profile/columnProfile.ts';
import { profileParquet } from '../core/profile/profileParquet.ts';
import { readParquetTable, type AsyncBuffer, type ParquetCellTap } from '../core/table/parquet/readParquet.ts';
import type { ParsedTable } from '../core/table/types.ts';
import { describe, statCsvPath } from './readCsvFile.ts';

export interface ReadParquetFileOptions {
  missingValues: string[];
  skipColumns?: readonly string[];
  /** Name used in messages (default: the path). */
  file?: string;
  onProgress?: (bytesRead: number) => void;
  signal?: AbortSignal;
  /** Every row's cell of one column (the windows' timestamps), see readParquet `cellTap`. */
  cellTap?: ParquetCellTap;
}

/** A Parquet file on disk as one table. */
export async function readParquetFile(path: string, opts: ReadParquetFileOptions): Promise<ParsedTable> {
  return withBuffer(path, (buffer) => readParquetTable(buffer, { ...opts, file: opts.file ?? path }));
}

export interface ReadParquetProfileOptions extends ReadParquetFileOptions {
  profile?: Partial<ProfileConfig>;
  label?: string | null;
  createdAt?: string;
  rowsPerChunk?: number;
}

/**
 * A Parquet file on disk streamed into a profile (memory: the profile and one row group). The source
 * records the base name, size and SHA-256 of the bytes (hashed in a separate sequential read).
 */
export async function readParquetProfile(path: string, opts: ReadParquetProfileOptions): Promise<Profile> {
  const profile = await withBuffer(path, (buffer) => profileParquet(buffer, { ...opts, file: opts.file ?? path }));
  const sha256 = await hashFile(path);
  profile.source = { ...profile.source!, file: basename(path), sha256 };
  return profile;
}

async function withBuffer<T>(path: string, read: (buffer: AsyncBuffer) => Promise<T>): Promise<T> {
  const stat = await statCsvPath(path);
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${describe(e)}`);
  }
  try {
    return await read(fileBuffer(handle, stat.size));
  } finally {
    await handle.close();
  }
}

/** hyparquet's AsyncBuffer over an open file: each slice is one positioned read. */
function fileBuffer(handle: FileHandle, size: number): AsyncBuffer {
  return {
    byteLength: size,
    async slice(start: number, end?: number): Promise<ArrayBuffer> {
      const from = Math.max(0, Math.min(size, start));
      const to = Math.max(from, Math.min(size, end ?? size));
      const out = new Uint8Array(to - from);
      let done = 0;
      while (done < out.length) {
        const { bytesRead } = await handle.read(out, done, out.length - done, from + done);
        if (bytesRead === 0)
          throw new Error(`the file ended at byte ${from + done} while ${to} were expected (did it change while being read?)`);
        done += bytesRead;
      }
      return out.buffer;
    },
  };
}

function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', (e) => reject(new InputError(`cannot read ${path}: ${describe(e)}`)))
      .on('end', () => resolve(hash.digest('hex')));
  });
}
