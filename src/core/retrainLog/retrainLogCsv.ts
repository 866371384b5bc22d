import { InputError } from '../errors.ts';
import { booleanCell, numberCell, textCell } from '../report/csvCell.ts';
import { RETRAIN_LOG_COLUMNS, type RetrainLogRow } from './types.ts';

/** The header line (no newline). */
export function retrainLogCsvHeader(): string {
  return RETRAIN_LOG_COLUMNS.join(',');
}

/**
 * One CSV line per row (each ending in "\n"), cells per RFC 4180 with the report's formula guard
 * (textCell); `drifted_features` is a JSON array in one cell, so names with commas survive; null
 * numbers are empty cells.
 */
export function retrainLogCsvLines(rows: readonly RetrainLogRow[]): string {
  let out = '';
  for (const row of rows) {
    const cells = RETRAIN_LOG_COLUMNS.map((key) => {
      const v = row[key];
      if (Array.isArray(v)) return textCell(JSON.stringify(v));
      if (typeof v === 'number') return numberCell(v);
      if (typeof v === 'boolean') return booleanCell(v);
      return textCell(v); // text, or null -> empty cell
    });
    out += cells.join(',') + '\n';
  }
  return out;
}

/** The whole log as a CSV file: header, then one line per row. */
export function retrainLogToCsv(rows: readonly RetrainLogRow[]): string {
  return retrainLogCsvHeader() + '\n' + retrainLogCsvLines(rows);
}

/**
 * The text to append to an existing CSV log so that it gains `rows` and nothing before changes:
 * the header when the file is new or empty, a "\n" first when its last line is unterminated.
 * `existingHead` is the start of the file (at least its first line) or null when there is no file;
 * `endsWithNewline` says whether its last byte is "\n". Throws InputError when the file's header
 * is not ours (e.g. a plain log with only timestamp,reason,pre_f1,post_f1): appending would
 * misalign the columns.
 */
export function retrainLogCsvAppendText(
  existingHead: string | null,
  endsWithNewline: boolean,
  rows: readonly RetrainLogRow[],
  file = 'the retrain log',
): string {
  if (existingHead === null || existingHead.length === 0) return retrainLogToCsv(rows);
  const firstLine = existingHead.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  if (firstLine !== retrainLogCsvHeader()) {
    throw new InputError(
      `${file} has columns "${firstLine.slice(0, 120)}", not the retrain log's (${retrainLogCsvHeader()}); move it away or set output.retrain_log_path to another file`,
    );
  }
  return (endsWithNewline ? '' : '\n') + retrainLogCsvLines(rows);
}
