import { runJobInWorker } from './workerJob.ts';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../core/errors.ts';
import type { Profile, ProfileConfig } from '../core/profile/columnProfile.ts';
import { mergeCsvParts } from '../core/profile/mergeCsvParts.ts';
import { profileCsv, profileCsvWithSummary, type ProfileCsvOptions } from '../core/profile/profileCsv.ts';
import type { DecidedMark } from '../core/table/NumberFormatTracker.ts';
import { planCsvSplit, type CsvPart } from './planCsvSplit.ts';
import { fromTransfer, profileCsvPart, type CsvPartResult } from './profileCsvPart.ts';
import { asReadError, describe, openCsvStream, statCsvPath } from './readCsvFile.ts';
import { csvReaderInstance } from '../kernels/loadCsvReader.ts';
import type { ReadOptions } from './readTables.ts';
import { isParquetPath } from './parquetPath.ts';

/** When and how a file is split into parts profiled in parallel (see readCsvProfile). */
export interface ParallelOptions {
  /** Parts at most (default os.availableParallelism()). */
  workers?: number;
  /** Files smaller than this are read in one piece (default 64 MiB). */
  minBytes?: number;
  /** At most one part per this many bytes (default 32 MiB). */
  bytesPerPart?: number;
  /**
   * Profile the parts one after the other on this thread (the same code as the workers run): tests,
   * and sources run without a build (vitest), where the worker file is not runnable JavaScript.
   */
  inThread?: boolean;
  /** Told how the file was read: the number of parts merged, 1 when in one piece. */
  onRead?: (parts: number) => void;
}

// Compiled (lib/) builds profile parts in worker threads; from TypeScript sources (vitest) the worker
// file is not runnable JavaScript, so parts are profiled on this thread (see readTables.ts).
const WORKER_URL = new URL('./profilePartWorker.js', import.meta.url);
const canUseWorkers = import.meta.url.endsWith('.js') && existsSync(fileURLToPath(WORKER_URL));

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
  /** Splitting large files into parts profiled in parallel; false reads every file in one piece. */
  parallel?: ParallelOptions | false;
}

/**
 * Profiles a CSV file on disk, streaming: the file is read once, its bytes hashed (SHA-256) and counted
 * as they pass to {@link profileCsv}, so memory holds the profile and one chunk of rows whatever the
 * file size. The profile's source records the base name, size, hash, detected delimiter and encoding
 * and the reading settings. A missing, unreadable or directory path is an InputError naming it.
 *
 * A large file (`parallel.minBytes`, 64 MiB) is split into up to one part per core (and per
 * `bytesPerPart`) at record boundaries (planCsvSplit, which also hashes it), the parts are profiled on
 * worker threads and merged in order (mergeCsvParts). The result equals the one-piece read, warnings and
 * row numbers included; where it might not (see planCsvSplit and mergeCsvParts: non-RFC quoting,
 * UTF-16, decimal-comma or ambiguous "1,234" numbers with an automatic decimal mark, high-cardinality
 * text), or a part after the first fails, the file is read again in one piece. Numbers past
 * maxExactValues distinct values merge within their KLL sketch's error bound, not bit for bit.
 */
export async function readCsvProfile(path: string, opts: ReadCsvProfileOptions): Promise<Profile> {
  // A Parquet file (told by its first bytes or its name) is streamed row group by row group instead.
  if (await isParquetPath(path)) return (await import('./readParquetFile.ts')).readParquetProfile(path, opts);
  const stat = await statCsvPath(path);
  const parallel = opts.parallel === false ? null : (opts.parallel ?? {});
  if (parallel !== null && stat.size >= (parallel.minBytes ?? 64 << 20)) {
    const parts = Math.min(
      parallel.workers ?? availableParallelism(),
      Math.floor(stat.size / Math.max(1, parallel.bytesPerPart ?? 32 << 20)),
    );
    if (parts > 1) {
      const profile = await readInParts(path, parts, parallel.inThread === true || !canUseWorkers, opts);
      if (profile !== null) {
        parallel.onRead?.(parts);
        return profile;
      }
    }
  }
  parallel?.onRead?.(1);
  return readWhole(path, opts);
}

async function readWhole(path: string, opts: ReadCsvProfileOptions): Promise<Profile> {
  const stream = await openCsvStream(path, opts.chunkSize);
  const streams = [stream];
  let hash = createHash('sha256');
  let size = 0;
  async function* hashed(from: AsyncIterable<Buffer>): AsyncGenerator<Uint8Array> {
    // A read that starts again (see reopen) hashes the file afresh.
    hash = createHash('sha256');
    size = 0;
    for await (const chunk of from) {
      hash.update(chunk);
      size += chunk.length;
      yield chunk;
    }
  }
  // The wasm byte reader, unless it declines: then papaparse reads the file again from its start.
  const reopen = () => {
    const again = createReadStream(path, { highWaterMark: opts.chunkSize ?? 256 << 10 });
    streams.push(again);
    return hashed(again as AsyncIterable<Buffer>);
  };
  try {
    const profile = await profileCsv(hashed(stream as AsyncIterable<Buffer>), {
      ...profileCsvOptionsOf(path, opts),
      onProgress: opts.onProgress,
      signal: opts.signal,
      ...(opts.papaparseOnly ? {} : { byteReader: csvReaderInstance, reopen }),
    });
    profile.source = { ...profile.source!, file: basename(path), size, sha256: hash.digest('hex') };
    return profile;
  } catch (e) {
    throw asReadError(e, path);
  } finally {
    for (const s of streams) s.destroy();
  }
}

/** The profiling settings of `opts`, without the progress callback and signal (which workers cannot take). */
function profileCsvOptionsOf(path: string, opts: ReadCsvProfileOptions): ProfileCsvOptions {
  return {
    file: opts.file ?? path,
    delimiter: opts.delimiter,
    missingValues: opts.missingValues,
    encoding: opts.encoding,
    decimal: opts.decimal,
    thousands: opts.thousands,
    skipColumns: opts.skipColumns,
    chunkSize: opts.chunkSize,
    profile: opts.profile,
    rowsPerChunk: opts.rowsPerChunk,
    label: opts.label,
    createdAt: opts.createdAt,
  };
}

/** readCsvProfile in parts; null when the file is to be read in one piece after all. */
async function readInParts(path: string, parts: number, inThread: boolean, opts: ReadCsvProfileOptions): Promise<Profile | null> {
  let split;
  try {
    split = await planCsvSplit(path, { parts, delimiter: opts.delimiter, encoding: opts.encoding, signal: opts.signal });
  } catch (e) {
    if (opts.signal?.aborted) throw abortError(opts.file ?? path);
    throw new InputError(`cannot read ${path}: ${describe(e)}`);
  }
  if (split.parts === null) return null;
  const base = profileCsvOptionsOf(path, opts);
  // Later parts need the header's names, and the decimal marks decided before them: those the head
  // decides by its cells (checked against the first part's in mergeCsvParts).
  const head = await readHead(path, split.headEnd, base);
  if (head === null) return null;
  const { header, decided } = head;
  const rowsBefore = split.parts.map((p) => Math.max(0, p.linesBefore - 1));
  const optsOf = (k: number): ProfileCsvOptions =>
    k === 0
      ? base
      : {
          ...base,
          delimiter: split.delimiter,
          encoding: split.encoding,
          continuation: { header, dataRowsBefore: rowsBefore[k], rowsSeenBefore: split.parts![k].linesBefore, decided },
        };
  const settled = inThread
    ? await inSequence(split.parts.map((p, k) => () => profileCsvPart(path, p, { ...optsOf(k), signal: opts.signal })))
    : // The first part on this thread, which would otherwise only wait: one worker fewer to start.
      await Promise.allSettled(
        split.parts.map((p, k) =>
          k === 0 ? profileCsvPart(path, p, { ...optsOf(k), signal: opts.signal }) : inWorker(path, p, optsOf(k), opts.signal),
        ),
      );
  if (opts.signal?.aborted) throw abortError(base.file);
  const results: CsvPartResult[] = [];
  for (let k = 0; k < settled.length; k++) {
    const s = settled[k];
    // A part's error may depend on what came before it (encoding, blank lines, a part without data
    // rows): the one-piece read gives the whole file's error, as far into the file as it is.
    if (s.status === 'rejected') return null;
    results.push(s.value);
  }
  const decimalFixed = (opts.decimal !== undefined && opts.decimal !== 'auto') || opts.thousands === ',' || opts.thousands === '.';
  const profile = mergeCsvParts(results, { rowsBefore, decimalFixed, decided, createdAt: opts.createdAt });
  if (profile === null) return null;
  if (results[0].summary.delimiter !== split.delimiter) return null;
  profile.source = { ...profile.source!, file: basename(path), size: split.size, sha256: split.sha256 };
  opts.onProgress?.(split.size);
  return profile;
}

/**
 * The header names of the file and the decimal marks its head decides by its cells (profiled on its
 * own, as the whole-file read starts), or null when that fails (the whole-file read reports it).
 */
async function readHead(
  path: string,
  headEnd: number,
  opts: ProfileCsvOptions,
): Promise<{ header: string[]; decided: Record<string, DecidedMark> } | null> {
  const stream = createReadStream(path, { start: 0, end: headEnd - 1 });
  try {
    const { profile, summary } = await profileCsvWithSummary(stream as AsyncIterable<Buffer>, opts);
    const decided: Record<string, DecidedMark> = {};
    for (const c of profile!.columns) {
      const f = c.numberFormat;
      if (f?.decimal != null && f.decidedBy === 'cells') decided[c.name] = { mark: f.decimal, by: f.decidedBy };
    }
    return { header: summary.header, decided };
  } catch {
    return null;
  } finally {
    stream.destroy();
  }
}

/** Runs the tasks one after the other, settling each (as Promise.allSettled). */
async function inSequence<T>(tasks: (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
  const out: PromiseSettledResult<T>[] = [];
  for (const t of tasks) {
    try {
      out.push({ status: 'fulfilled', value: await t() });
    } catch (reason) {
      out.push({ status: 'rejected', reason });
    }
  }
  return out;
}

/** Profiles a part on a worker thread; `signal` (not cloneable) stops the worker. */
async function inWorker(path: string, part: CsvPart, opts: ProfileCsvOptions, signal?: AbortSignal): Promise<CsvPartResult> {
  const aborted = () => abortError(opts.file);
  return fromTransfer(await runJobInWorker<CsvPartResult>(WORKER_URL, { path, part, opts }, { signal, aborted }));
}

/** As parseCsv's: an Error named 'AbortError'. */
function abortError(file: string): Error {
  const e = new Error(`reading ${file} was cancelled`);
  e.name = 'AbortError';
  return e;
}
