/**
 * A CSV read straight into a profile, chunk by chunk: memory is bounded by the profile (and one chunk
 * of rows), not by the file. Pure core: the input is a string, a Blob/File (read through its stream)
 * or an async iterable of bytes (a Node file stream).
 */
import { parseCsvChunks, type CsvChunksSummary, type ParseCsvOptions } from '../table/parseCsv.ts';
import { resolveAlone } from '../table/resolveNumberFormats.ts';
import type { DecidedMark } from '../table/NumberFormatTracker.ts';
import type { CsvInput } from '../table/textChunks.ts';
import { TEXT_LIMIT, type Profile, type ProfileConfig, type ProfileSource } from './columnProfile.ts';
import { ProfileBuilder, type TextState } from './profileBuilder.ts';
import { ByteReaderDeclined } from '../table/csvBytes.ts';

export interface ProfileCsvOptions extends ParseCsvOptions {
  /** Profile settings (profile.max_exact_values, profile.sketch_k); defaults DEFAULT_PROFILE_CONFIG. */
  profile?: Partial<ProfileConfig>;
  /**
   * Data rows parsed into one table before it is folded into the profile (default and maximum 65536,
   * the reader's dictionary limit, so no chunk is high-cardinality and text counts stay whole).
   */
  rowsPerChunk?: number;
  /** data.label_column, recorded in the source (the label is profiled like any column). */
  label?: string | null;
  /** The time recorded in the profile (default now). */
  createdAt?: string;
}

/**
 * The profile of a CSV, read in chunks of `rowsPerChunk` rows (parseCsvChunks) folded into a
 * ProfileBuilder. Equal to `profileFromTable` of the whole file with its number formats settled as a
 * lone file's (resolveAlone), except where a column's decimal mark is decided in a later chunk than its
 * first ambiguous cell ("1,234" / "1.234"): the whole file would read the earlier cells by that later
 * decision; here the chunk that holds them settles them by the file's other columns decided so far, or
 * by the delimiter (and carries the mark on: a later cell with the other mark is a conflict). The same
 * holds when the other columns' majority changes after that chunk.
 *
 * `source` is filled with what the reader knows (sha256 null: see node/readCsvProfile.ts).
 */
export async function profileCsv(input: CsvInput, opts: ProfileCsvOptions): Promise<Profile> {
  // Only a continuation part may come without a profile.
  return (await profileCsvWithSummary(input, opts)).profile!;
}

/**
 * profileCsv, with what the parser tells about the input (counts behind the warnings, header names):
 * a part of a file read in parallel (`continuation`) is merged with the others by these. The profile
 * is null for a continuation part without data rows (blank lines only).
 */
export async function profileCsvWithSummary(
  input: CsvInput,
  opts: ProfileCsvOptions,
): Promise<{ profile: Profile | null; summary: CsvChunksSummary; textStates: (TextState | null)[] }> {
  try {
    return await profileOnce(input, opts);
  } catch (e) {
    // The byte reader declined after it handed rows over: start again from the input's start, with papaparse.
    if (e instanceof ByteReaderDeclined && opts.reopen !== undefined) return profileOnce(opts.reopen(), { ...opts, byteReader: undefined });
    throw e;
  }
}

async function profileOnce(
  input: CsvInput,
  opts: ProfileCsvOptions,
): Promise<{ profile: Profile | null; summary: CsvChunksSummary; textStates: (TextState | null)[] }> {
  const builder = new ProfileBuilder(opts.profile);
  const earlier = new Map<string, DecidedMark>();
  let bytes = 0;
  const summary = await parseCsvChunks(input, {
    ...opts,
    onProgress: (n) => {
      bytes = n;
      opts.onProgress?.(n);
    },
    rowsPerTable: Math.min(TEXT_LIMIT, Math.max(1, Math.floor(opts.rowsPerChunk ?? TEXT_LIMIT))),
    onTable(table) {
      resolveAlone(table, earlier);
      for (const c of table.columns) {
        const f = c.numberFormat;
        if (f !== undefined && f.decimal !== null && !earlier.has(c.name)) earlier.set(c.name, { mark: f.decimal, by: f.decidedBy });
      }
      builder.addTable(table);
    },
  });
  if (summary.rows === 0 && opts.continuation !== undefined) return { profile: null, summary, textStates: [] };
  builder.addWarnings(summary.warnings);
  const source: ProfileSource = {
    file: opts.file,
    size: typeof Blob !== 'undefined' && input instanceof Blob ? input.size : typeof input === 'string' ? utf8Length(input) : bytes,
    sha256: null,
    delimiter: summary.delimiter,
    missingValues: [...opts.missingValues],
    encoding: summary.encoding ?? opts.encoding ?? 'auto',
    decimal: opts.decimal ?? 'auto',
    thousands: opts.thousands ?? 'auto',
    dropped: [...(opts.skipColumns ?? [])],
    label: opts.label ?? null,
  };
  return { profile: builder.build({ source, createdAt: opts.createdAt }), summary, textStates: builder.textStates() };
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
