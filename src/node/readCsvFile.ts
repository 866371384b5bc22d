import { createReadStream, promises as fs, type ReadStream, type Stats } from 'node:fs';
import { InputError } from '../core/errors.ts';
import { parseCsv, type ParseCsvOptions } from '../core/table/parseCsv.ts';
import type { ParsedTable } from '../core/table/types.ts';
import type { Encoding } from '../core/table/ByteDecoder.ts';
import { csvReaderInstance } from '../kernels/loadCsvReader.ts';
import { isParquetPath } from './parquetPath.ts';
import type { ParquetCellTap } from '../core/table/parquet/readParquet.ts';

export interface ReadCsvFileOptions {
  delimiter: 'auto' | ',' | ';' | '\t';
  missingValues: string[];
  /** `data.encoding` (default 'auto'). */
  encoding?: Encoding;
  /** `data.decimal` / `data.thousands` (default 'auto', see parseCsv). */
  decimal?: ParseCsvOptions['decimal'];
  thousands?: ParseCsvOptions['thousands'];
  /** Name used in messages (default: the path). */
  file?: string;
  onProgress?: (bytesRead: number) => void;
  signal?: AbortSignal;
  /** Characters per parse chunk (default 256 KiB, see parseCsv). */
  chunkSize?: number;
  /** Header names not to parse (columns.drop). */
  skipColumns?: readonly string[];
  /** Read with papaparse only, not the wasm byte reader (default false; for comparisons). */
  papaparseOnly?: boolean;
  /** Every data row's raw cell of one column (the windows' timestamps), see parseCsv `cellTap` (a Parquet file: readParquet's). */
  cellTap?: ParquetCellTap;
}

/**
 * Reads a CSV file from disk into a columnar table, streaming it through {@link parseCsv}
 * (256 KiB reads, so memory holds the columns and one chunk, never the whole text).
 * A missing file, a directory or an unreadable file is an InputError naming the path.
 */
export async function readCsvFile(path: string, opts: ReadCsvFileOptions): Promise<ParsedTable> {
  // A Parquet file (told by its first bytes or its name) is read wherever a CSV is accepted.
  // The Parquet reader (hyparquet and its codecs) is loaded only for a Parquet file.
  if (await isParquetPath(path)) return (await import('./readParquetFile.ts')).readParquetFile(path, opts);
  const stat = await statCsvPath(path);
  const stream = await openCsvStream(path, opts.chunkSize);
  const reopened: ReadStream[] = [];
  // The byte reader reads the file into its own buffer (no stream piece to copy); papaparse reads `stream`.
  const handle = opts.papaparseOnly ? null : await fs.open(path, 'r').catch(() => null);
  try {
    return await parseCsv(stream, {
      ...(opts.papaparseOnly
        ? {}
        : {
            byteReader: csvReaderInstance,
            ...(handle !== null ? { readInto: async (into: Uint8Array) => (await handle.read(into, 0, into.length, null)).bytesRead } : {}),
            reopen: () => {
              const again = createReadStream(path, { highWaterMark: opts.chunkSize ?? 256 << 10 });
              reopened.push(again);
              return again;
            },
          }),
      file: opts.file ?? path,
      delimiter: opts.delimiter,
      missingValues: opts.missingValues,
      encoding: opts.encoding,
      decimal: opts.decimal,
      thousands: opts.thousands,
      onProgress: opts.onProgress ? (bytesRead: number) => opts.onProgress!(bytesRead) : undefined,
      signal: opts.signal,
      chunkSize: opts.chunkSize,
      sizeHint: stat.size,
      skipColumns: opts.skipColumns,
      ...(opts.cellTap !== undefined ? { cellTap: opts.cellTap } : {}),
    });
  } catch (e) {
    throw asReadError(e, path);
  } finally {
    stream.destroy();
    await handle?.close();
    for (const s of reopened) s.destroy();
  }
}

/** The file's stats; a missing path or a directory is an InputError naming it. */
export async function statCsvPath(path: string): Promise<Stats> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${describe(e)}`);
  }
  if (stat.isDirectory()) throw new InputError(`cannot read ${path}: it is a directory; give the path of a CSV file`);
  return stat;
}

/**
 * A byte stream of the file (`chunkSize` bytes per read, default 256 KiB), once it is open: a file that
 * cannot be opened is an InputError naming it.
 */
export async function openCsvStream(path: string, chunkSize?: number): Promise<ReadStream> {
  // Bytes, not Node's own UTF-8 decoding: that one replaces invalid bytes with U+FFFD silently. The
  // core's ByteDecoder (fatal TextDecoder, encoding detection) costs about 0.08 s CPU more per 76 MB.
  const stream = createReadStream(path, { highWaterMark: chunkSize ?? 256 << 10 });
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
  return stream;
}

/** What to throw for an error while reading the file: a file-system error becomes an InputError naming it. */
export function asReadError(e: unknown, path: string): unknown {
  if (e instanceof Error && 'code' in e && typeof (e as NodeJS.ErrnoException).code === 'string' && e.name !== 'InputError') {
    return new InputError(`cannot read ${path}: ${describe(e)}`);
  }
  return e;
}

/** A file-system error as the end of a one-line message ("file not found; check the path"). */
export function describe(e: unknown): string {
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
