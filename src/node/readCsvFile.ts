import { createReadStream, promises as fs } from 'node:fs';
import { InputError } from '../core/errors.ts';
import { parseCsv } from '../core/table/parseCsv.ts';
import type { ParsedTable } from '../core/table/types.ts';

export interface ReadCsvFileOptions {
  delimiter: 'auto' | ',' | ';' | '\t';
  missingValues: string[];
  /** Name used in messages (default: the path). */
  file?: string;
  onProgress?: (bytesRead: number) => void;
  signal?: AbortSignal;
  /** Characters per parse chunk (default 256 KiB, see parseCsv). */
  chunkSize?: number;
  /** Header names not to parse (columns.drop). */
  skipColumns?: readonly string[];
}

/**
 * Reads a CSV file from disk into a columnar table, streaming it through {@link parseCsv}
 * (256 KiB reads, so memory holds the columns and one chunk, never the whole text).
 * A missing file, a directory or an unreadable file is an InputError naming the path.
 */
export async function readCsvFile(path: string, opts: ReadCsvFileOptions): Promise<ParsedTable> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${describe(e)}`);
  }
  if (stat.isDirectory()) throw new InputError(`cannot read ${path}: it is a directory; give the path of a CSV file`);
  // Node's own UTF-8 decoding of the stream is cheaper than a TextDecoder over Buffers (measured
  // about 0.35 s CPU less on a 149 MB file); progress then comes from the stream's byte count.
  const stream = createReadStream(path, { highWaterMark: opts.chunkSize ?? 256 << 10, encoding: 'utf8' });
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
  try {
    return await parseCsv(stream, {
      file: opts.file ?? path,
      delimiter: opts.delimiter,
      missingValues: opts.missingValues,
      onProgress: opts.onProgress ? () => opts.onProgress!(stream.bytesRead) : undefined,
      signal: opts.signal,
      chunkSize: opts.chunkSize,
      sizeHint: stat.size,
      skipColumns: opts.skipColumns,
    });
  } catch (e) {
    if (e instanceof Error && 'code' in e && typeof (e as NodeJS.ErrnoException).code === 'string' && e.name !== 'InputError') {
      throw new InputError(`cannot read ${path}: ${describe(e)}`);
    }
    throw e;
  } finally {
    stream.destroy();
  }
}

function describe(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'file not found; check the path';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied; check the file permissions';
    case 'EISDIR':
      return 'it is a directory; give the path of a CSV file';
    default:
      return `${(e as Error)?.message ?? String(e)}; check the path`;
  }
}
