/**
 * A Parquet file read straight into a profile, row group by row group (readParquetChunks): memory holds
 * the profile and one row group, not the file. Equal to `profileFromTable` of the whole file read by
 * readParquetTable (a Parquet column has no number format to settle, so nothing depends on the chunks).
 */
import { PARQUET_FORMAT, readParquetChunks, type AsyncBuffer, type ReadParquetOptions } from '../table/parquet/readParquet.ts';
import { TEXT_LIMIT, type Profile, type ProfileConfig, type ProfileSource } from './columnProfile.ts';
import { ProfileBuilder } from './profileBuilder.ts';

export interface ProfileParquetOptions extends ReadParquetOptions {
  /** Profile settings (profile.max_exact_values, profile.sketch_k). */
  profile?: Partial<ProfileConfig>;
  /** Rows per table folded into the profile (default and maximum 65536, as profileCsv). */
  rowsPerChunk?: number;
  /** data.label_column, recorded in the source. */
  label?: string | null;
  /** The time recorded in the profile (default now). */
  createdAt?: string;
}

/** `source.delimiter` and `source.encoding` of a profile made from a Parquet file. */
export const PARQUET_SOURCE = PARQUET_FORMAT;

/** The profile of a Parquet file; `source.sha256` is null (the caller hashes the bytes if it can). */
export async function profileParquet(buffer: AsyncBuffer, opts: ProfileParquetOptions): Promise<Profile> {
  const builder = new ProfileBuilder(opts.profile);
  const summary = await readParquetChunks(buffer, {
    ...opts,
    rowsPerTable: Math.min(TEXT_LIMIT, Math.max(1, Math.floor(opts.rowsPerChunk ?? TEXT_LIMIT))),
    onTable: (table) => builder.addTable(table),
  });
  builder.addWarnings(summary.warnings);
  const source: ProfileSource = {
    file: opts.file,
    size: buffer.byteLength,
    sha256: null,
    delimiter: PARQUET_SOURCE,
    missingValues: [...opts.missingValues],
    encoding: PARQUET_SOURCE,
    decimal: 'auto',
    thousands: 'auto',
    dropped: [...(opts.skipColumns ?? [])],
    label: opts.label ?? null,
  };
  const profile = builder.build({ source, createdAt: opts.createdAt });
  // A file whose every column is nested or dropped gives no table: its unreadable columns still count.
  if (profile.unreadable === undefined && summary.unread.length > 0) profile.unreadable = summary.unread;
  return profile;
}
