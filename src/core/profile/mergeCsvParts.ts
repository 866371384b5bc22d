/**
 * Merges the profiles of consecutive parts of one CSV (split at record boundaries and profiled in
 * parallel) into the profile of the whole file, or says the merge would not be exact.
 */
import type { CsvChunksSummary, ParseTally } from '../table/parseCsv.ts';
import { parseWarnings } from '../table/parseCsv.ts';
import type { Profile } from './columnProfile.ts';
import { mergeProfiles } from './profileBuilder.ts';

export interface CsvPartProfile {
  /** Null for a part without data rows. */
  profile: Profile | null;
  summary: CsvChunksSummary;
}

/**
 * The profile of the whole file from its parts' (in file order), equal to profileCsv of the whole
 * file; null when it might not be, and the file must be read in one piece:
 * - a decoder warning (a UTF-8 file falling back to Windows-1252 reads its later parts differently);
 * - with an automatic decimal mark (`decimalFixed` false), any column with locale-formatted cells
 *   ("1.234,5", "3,14", "1 234") or ambiguous ones ("1,234") in any part: one reader carries a
 *   column's decided mark into the later rows and settles ambiguous cells by what it has seen so far,
 *   which a part read on its own cannot know. Plain "3.14" cells decide '.' alike in every part;
 * - a column whose text counts a part dropped (more distinct texts than the text limit, or numbers and
 *   texts together past it): the parts' distinct counts would only add up to an upper bound.
 * Numbers past maxExactValues distinct values (sketch mode) merge within the sketch's error bound, not
 * bit for bit: the KLL compaction history differs from one reader's (n, min and max stay exact).
 *
 * `rowsBefore[k]` is the data rows the caller told part k came after; it must be what the parts
 * before it hold (else null: blank lines the split did not count).
 */
export function mergeCsvParts(
  parts: readonly CsvPartProfile[],
  opts: { rowsBefore: readonly number[]; decimalFixed: boolean; createdAt?: string },
): Profile | null {
  let rows = 0;
  for (let k = 0; k < parts.length; k++) {
    if (k > 0 && opts.rowsBefore[k] !== rows) return null;
    rows += parts[k].summary.rows;
  }
  if (parts.some((p) => p.summary.tally.decodeWarnings.length > 0)) return null;
  for (const { profile } of parts) {
    if (profile === null) continue;
    for (const c of profile.columns) {
      if (c.text === null) return null;
      const f = c.numberFormat;
      if (!opts.decimalFixed && f !== undefined && (f.localeCells > 0 || f.ambiguousCells > 0 || (f.decimal !== null && f.decimal !== '.')))
        return null;
    }
  }
  const profiles = parts.map((p) => p.profile).filter((p): p is Profile => p !== null);
  const first = parts[0].profile;
  if (first === null) return null;
  let merged = profiles[0];
  for (let k = 1; k < profiles.length; k++) merged = mergeProfiles(merged, profiles[k], { createdAt: opts.createdAt });
  const file = first.source?.file ?? '';
  const tally = mergeTallies(parts.map((p) => p.summary.tally));
  const { mergedFrom: _m, ...rest } = merged;
  return {
    ...rest,
    warnings: parseWarnings(file, tally),
    ...(first.headerIsNumbers ? { headerIsNumbers: true } : {}),
    source: first.source,
    createdAt: opts.createdAt ?? first.createdAt,
  };
}

/** The tally of consecutive parts read as one (counts add up; the first row is the first part's that has one). */
function mergeTallies(tallies: readonly ParseTally[]): ParseTally {
  const t: ParseTally = { ...tallies[0], decodeWarnings: [...tallies[0].decodeWarnings] };
  for (const u of tallies.slice(1)) {
    if (t.shortRows === 0) t.firstShortRow = u.firstShortRow;
    t.shortRows += u.shortRows;
    if (t.longBlankRows === 0) t.firstLongBlankRow = u.firstLongBlankRow;
    t.longBlankRows += u.longBlankRows;
    if (t.invalidQuotes === 0) t.firstInvalidQuoteRow = u.firstInvalidQuoteRow;
    t.invalidQuotes += u.invalidQuotes;
  }
  return t;
}
