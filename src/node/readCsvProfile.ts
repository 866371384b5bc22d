import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../core/errors.ts';
import type { Profile, ProfileConfig } from '../core/profile/columnProfile.ts';
import { profileCsv } from '../core/profile/profileCsv.ts';
import { describe } from './readCsvFile.ts';
import type { ReadOptions } from './readTables.ts';

export interface ReadCsvProfileOptions extends ReadOptions {
  /** profile.max_exact_values / profile.sketch_k (see profileConfigOf). */
  profile?: Partial<ProfileConfig>;
  /** data.label_column, recorded in the profile's source. */
  label?: string | null;
  /** Name used in messages (default: the path). The profile records the base name. */
  file?: string;
  onProgress?: (bytesRead: number) => void;
  signal?: AbortSignal;
  /** Bytes per read and characters per parse chunk (default 256 KiB, see parseCsv). */
  chunkSize?: number;
  /** Rows per parsed table folded into the profile (default 65536, see profileCsv). */
  rowsPerChunk?: number;
  /** The time recorded in the profile (default now). */
  createdAt?: string;
}

/**
 * Profiles a CSV file on disk, streaming: the file is read once, its bytes hashed (SHA-256) and counted
 * as they pass to {@link profileCsv}, so memory holds the profile and one chunk of rows whatever the
 * file size. The profile's source records the base name, size, hash, detected delimiter and encoding
 * and the reading settings. A missing, unreadable or directory path is an InputError naming it.
 */
export async function readCsvProfile(path: string, opts: ReadCsvProfileOptions): Promise<Profile> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${describe(e)}`);
  }
  if (stat.isDirectory()) throw new InputError(`cannot read ${path}: it is a directory; give the path of a CSV file`);
  const stream = createReadStream(path, { highWaterMark: opts.chunkSize ?? 256 << 10 });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  try {
    await opened;
  } catch (e) {
    stream.destroy();
    throw new InputError(`cannot read ${path}: ${describe(e)}`);
  }
  const hash = createHash('sha256');
  let size = 0;
  async function* hashed(): AsyncGenerator<Uint8Array> {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
      yield chunk;
    }
  }
  try {
    const profile = await profileCsv(hashed(), {
      file: opts.file ?? path,
      delimiter: opts.delimiter,
      missingValues: opts.missingValues,
      encoding: opts.encoding,
      decimal: opts.decimal,
      thousands: opts.thousands,
      skipColumns: opts.skipColumns,
      onProgress: opts.onProgress,
      signal: opts.signal,
      chunkSize: opts.chunkSize,
      profile: opts.profile,
      rowsPerChunk: opts.rowsPerChunk,
      label: opts.label,
      createdAt: opts.createdAt,
    });
    profile.source = { ...profile.source!, file: basename(path), size, sha256: hash.digest('hex') };
    return profile;
  } catch (e) {
    if (e instanceof Error && 'code' in e && typeof (e as NodeJS.ErrnoException).code === 'string' && e.name !== 'InputError') {
      throw new InputError(`cannot read ${path}: ${describe(e)}`);
    }
    throw e;
  } finally {
    stream.destroy();
  }
}
