/**
 * A production CSV with its windows' timestamp column, read in two halves at once: the first half on
 * this thread, the second on a worker (windowPartWorker.ts), each with its own timestamp tap, then
 * joined into the table and timestamps a one-piece read gives (core/table/tableParts.ts for the
 * table, TimestampColumn.joined for the timestamps). The halves meet just after a '\n'; a file with a
 * '"' anywhere (a quoted field might hold the newline the split fell on), a reader that declines, or
 * a table the parts cannot give exactly is read in one piece instead (null here).
 */
import { parseOptions, type PartJob } from './readCsvParts.ts';
import { runJobInWorker } from './workerJob.ts';
import { trace } from './threadTrace.ts';
import { existsSync, promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mergeTableParts, parseTablePart, readCsvHead, splitOffsets, type CsvHead, type TablePart } from '../core/table/tableParts.ts';
import type { ParsedTable } from '../core/table/types.ts';
import { tableBuffers } from '../core/table/tableBuffers.ts';
import { TimestampColumn, type TimestampState, type TimestampValues } from '../core/windows/timestampColumn.ts';
import { csvReaderInstance } from '../kernels/loadCsvReader.ts';
import { isParquetPath } from './parquetPath.ts';
import type { ReadOptions } from './readTables.ts';

/** Files smaller than this are read in one piece (a worker costs tens of milliseconds to start). */
export const SPLIT_MIN_BYTES = 16 << 20;
const HEAD = 1 << 20;
const WINDOW = 64 << 10;
const QUOTE = 0x22;

const WORKER_URL = new URL('./windowPartWorker.js', import.meta.url);
/** Compiled (lib/) builds only: from TypeScript sources (vitest) the worker file is not runnable. */
export const canRunWindowPartWorker = import.meta.url.endsWith('.js') && existsSync(fileURLToPath(WORKER_URL));

/** The timestamp tap of a part: windows.column, windows.timezone, data.missing_values. */
export interface TapSpec {
  column: string;
  timeZone: string;
  missingValues: string[];
}

/** One half: its byte range, the file's head, how to read it. */
export interface WindowPartJob extends PartJob {
  tap: TapSpec;
}

export interface WindowPartResult {
  part: TablePart;
  stamps: TimestampState;
}

/** Runs a half somewhere; null when the reader declined or the bytes hold a quote. */
export type WindowPartRunner = (job: WindowPartJob) => Promise<WindowPartResult | null>;

/**
 * The table and timestamps of `path` read in two halves (the second by `runSecond`, by default on a
 * worker thread); null: read it in one piece. `minBytes`: smaller files are null at once.
 */
export async function readProductionInHalves(
  path: string,
  opts: ReadOptions & { file?: string },
  tap: TapSpec,
  options: { runSecond?: WindowPartRunner; minBytes?: number } = {},
): Promise<{ table: ParsedTable; stamps: TimestampValues } | null> {
  const runSecond = options.runSecond ?? (canRunWindowPartWorker ? runWindowPartInWorker : null);
  if (runSecond === null || opts.papaparseOnly === true || (await isParquetPath(path))) return null;
  const file = opts.file ?? path;
  const handle = await fs.open(path, 'r').catch(() => null);
  if (handle === null) return null; // the one-piece read names the error
  let head: CsvHead | null;
  let offsets: number[];
  let size: number;
  try {
    size = (await handle.stat()).size;
    if (size < (options.minBytes ?? SPLIT_MIN_BYTES)) return null;
    const read = async (at: number, n: number) => {
      const buf = Buffer.allocUnsafe(Math.min(n, Math.max(0, size - at)));
      const { bytesRead } = await handle.read(buf, 0, buf.length, at);
      return new Uint8Array(buf.buffer, buf.byteOffset, bytesRead);
    };
    const first = await read(0, HEAD);
    // A quote in the head: the file quotes fields, and a split could fall inside one.
    if (hasByte(first, first.length, QUOTE)) return null;
    head = await readCsvHead(first, parseOptions(file, opts), await csvReaderInstance());
    if (head === null) return null;
    offsets = await splitOffsets(size, 2, (at) => read(at, WINDOW), head.dataStart);
  } finally {
    await handle.close();
  }
  if (offsets.length !== 2) return null;
  const jobs = offsets.map((start, index): WindowPartJob => ({
    path,
    file,
    start,
    end: offsets[index + 1] ?? size,
    index,
    head: head!,
    opts,
    tap,
  }));
  trace('head read');
  const second = runSecond(jobs[1]);
  // The second half's failure is the one-piece read's to report.
  second.catch(() => null);
  const here = await runWindowPartHere(jobs[0]);
  trace('parsed my half');
  const results = [here, await second.catch(() => null)];
  trace('got second half');
  if (results.some((r) => r === null)) return null;
  const parts = results.map((r) => r!);
  const table = mergeTableParts(
    parts.map((r) => r.part),
    { file },
  );
  trace('merged');
  if (table === null) return null;
  const rowsBefore = [0, parts[0].part.table.rows];
  const stamps = TimestampColumn.joined(
    tap.timeZone,
    tap.missingValues,
    parts.map((r) => r.stamps),
    rowsBefore,
  ).finish(table.rows);
  trace('stamps joined');
  return { table, stamps };
}

/** Parses a half on this thread, reading its byte range straight into the reader's buffer, with its own tap. */
export async function runWindowPartHere(job: WindowPartJob): Promise<WindowPartResult | null> {
  if (job.end <= job.start) return null;
  const handle = await fs.open(job.path, 'r');
  let at = job.start;
  let hasQuote = false;
  const tap = new TimestampColumn(job.tap.timeZone, job.tap.missingValues, 1 << 16);
  try {
    const part = await parseTablePart(
      new Uint8Array(0),
      {
        ...parseOptions(job.file, job.opts),
        sizeHint: job.end - job.start,
        readInto: async (into: Uint8Array) => {
          const n = Math.min(into.length, job.end - at);
          if (n <= 0) return 0;
          const { bytesRead } = await handle.read(into, 0, n, at);
          at += bytesRead;
          if (!hasQuote && hasByte(into, bytesRead, QUOTE)) hasQuote = true;
          return bytesRead;
        },
        cellTap: { column: job.tap.column, add: (row, raw) => tap.add(row, raw) },
      },
      { index: job.index, head: job.head },
      await csvReaderInstance(),
    );
    if (part === null || hasQuote) return null;
    return { part, stamps: tap.state() };
  } finally {
    await handle.close();
  }
}

/** Runs a half on a new worker thread (windowPartWorker.ts); the table's and timestamps' buffers are transferred back. */
export const runWindowPartInWorker: WindowPartRunner = (job) => runJobInWorker(WORKER_URL, job);

/** The buffers of a half's table and timestamps, to transfer. */
export function windowPartBuffers(r: WindowPartResult | null): ArrayBuffer[] {
  if (r === null) return [];
  const out = new Set(tableBuffers(r.part.table));
  for (const a of [r.stamps.local, r.stamps.alt]) if (a !== null && a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  return [...out];
}

/**
 * Whether `bytes[0..n)` holds `byte`: Buffer's indexOf (a memchr) instead of Uint8Array's, an element
 * by element loop that took about 70 ms over the 150 MB bench file.
 */
export function hasByte(bytes: Uint8Array, n: number, byte: number): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, n).indexOf(byte) >= 0;
}
