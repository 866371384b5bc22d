import { runJobInWorker } from './workerJob.ts';
import { createReadStream, existsSync, promises as fs } from 'node:fs';
import { isParquetPath } from './parquetPath.ts';
import { fileURLToPath } from 'node:url';
import { InputError } from '../core/errors.ts';
import type { ParseCsvOptions } from '../core/table/parseCsv.ts';
import { mergeTableParts, parseTablePart, readCsvHead, splitOffsets, type CsvHead, type TablePart } from '../core/table/tableParts.ts';
import { tableBuffers } from '../core/table/tableBuffers.ts';
import type { ParsedTable } from '../core/table/types.ts';
import { csvReaderInstance } from '../kernels/loadCsvReader.ts';
import type { ReadOptions } from './readTables.ts';

/** One part of a file for parseTablePart: its byte range and the file's head. */
export interface PartJob {
  path: string;
  file: string;
  start: number;
  /** Exclusive. */
  end: number;
  index: number;
  head: CsvHead;
  opts: ReadOptions;
}

/** Runs a part somewhere (this thread, a worker); null when the reader declined. */
export type PartRunner = (job: PartJob) => Promise<TablePart | null>;

const HEAD = 1 << 20;
const WINDOW = 64 << 10;

/**
 * Reads a CSV file in `parts` parts (src/core/table/tableParts.ts), each run by `run`, and merges them
 * into the table a one-piece read gives; null when the file is to be read in one piece (the byte
 * reader declines, a quote in the file, a merge that would not be exact).
 */
export async function readCsvFileInParts(
  path: string,
  opts: ReadOptions & { file?: string },
  parts: number,
  run: PartRunner = runPartHere,
): Promise<ParsedTable | null> {
  // A Parquet file has its own reader (readCsvFile hands it over): never split its bytes as CSV.
  if (await isParquetPath(path)) return null;
  const file = opts.file ?? path;
  const handle = await fs.open(path, 'r').catch((e: Error) => {
    throw new InputError(`cannot read ${path}: ${e.message}`);
  });
  let head: CsvHead | null;
  let offsets: number[];
  let size: number;
  try {
    size = (await handle.stat()).size;
    const read = async (at: number, n: number) => {
      const buf = Buffer.allocUnsafe(Math.min(n, Math.max(0, size - at)));
      const { bytesRead } = await handle.read(buf, 0, buf.length, at);
      return new Uint8Array(buf.buffer, buf.byteOffset, bytesRead);
    };
    head = await readCsvHead(await read(0, HEAD), parseOptions(file, opts), await csvReaderInstance());
    if (head === null) return null;
    const h = head;
    offsets = await splitOffsets(size, parts, (at) => read(at, WINDOW), h.dataStart);
  } finally {
    await handle.close();
  }
  const results = await Promise.all(
    offsets.map((start, index) => run({ path, file, start, end: offsets[index + 1] ?? size, index, head: head!, opts })),
  );
  if (results.some((r) => r === null)) return null;
  return mergeTableParts(
    results.map((r) => r!),
    { file },
  );
}

/** Parses a part on this thread, streaming its byte range. */
export async function runPartHere(job: PartJob): Promise<TablePart | null> {
  if (job.end <= job.start) return null;
  const stream = createReadStream(job.path, { start: job.start, end: job.end - 1, highWaterMark: 1 << 20 });
  try {
    return await parseTablePart(
      stream as AsyncIterable<Buffer>,
      parseOptions(job.file, job.opts),
      { index: job.index, head: job.head },
      await csvReaderInstance(),
    );
  } finally {
    stream.destroy();
  }
}

/** The parse settings of `opts` a part's reader takes (no progress callback or signal: workers cannot take them). */
export function parseOptions(file: string, opts: ReadOptions): ParseCsvOptions {
  return {
    file,
    delimiter: opts.delimiter,
    missingValues: opts.missingValues,
    encoding: opts.encoding,
    decimal: opts.decimal,
    thousands: opts.thousands,
    skipColumns: opts.skipColumns,
  };
}

const WORKER_URL = new URL('./partWorker.js', import.meta.url);
/** Compiled (lib/) builds can run parts on worker threads; from TypeScript sources parts run here. */
export const canRunPartWorkers = import.meta.url.endsWith('.js') && existsSync(fileURLToPath(WORKER_URL));

/** Runs a part on a new worker thread (partWorker.ts); its table's buffers are transferred back. */
export const runPartInWorker: PartRunner = (job) => runJobInWorker(WORKER_URL, job);

/** The buffers of a part's table, to transfer. */
export function partBuffers(part: TablePart | null): ArrayBuffer[] {
  return part === null ? [] : tableBuffers(part.table);
}
