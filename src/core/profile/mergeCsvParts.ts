/**
 * Merges the profiles of consecutive parts of one CSV (split at record boundaries and profiled in
 * parallel) into the profile of the whole file, or says the merge would not be exact.
 */
import type { CsvChunksSummary, ParseTally } from '../table/parseCsv.ts';
import { parseWarnings } from '../table/parseCsv.ts';
import { TextHashSet } from '../table/TextHashSet.ts';
import { TEXT_DISTINCT_CAP, TEXT_LIMIT, type ColumnProfile, type Profile } from './columnProfile.ts';
import type { DecidedMark } from '../table/NumberFormatTracker.ts';
import { applyTextLimit, mergeProfiles, sampleOf, type TextState } from './profileBuilder.ts';

export interface CsvPartProfile {
  /** Null for a part without data rows. */
  profile: Profile | null;
  summary: CsvChunksSummary;
  /** Per column, the text cells as the part's builder counted them (ProfileBuilder.textStates). */
  textStates: (TextState | null)[];
}

/**
 * The profile of the whole file from its parts' (in file order), equal to profileCsv of the whole
 * file; null when it might not be, and the file must be read in one piece:
 * - a decoder warning (a UTF-8 file falling back to Windows-1252 reads its later parts differently);
 * - with an automatic decimal mark (`decimalFixed` false), number formats a part read on its own might
 *   read otherwise than one reader, who carries a column's decided mark into the later rows and settles
 *   ambiguous cells ("1,234") by what it has seen so far: see formatsExact;
 * Text counts merge exactly from the parts' text states (counts, or past TEXT_LIMIT distinct texts
 * the first ones in order and the distinct hashes), replayed as one reader would have met them.
 * Numbers past maxExactValues distinct values (sketch mode) merge within the sketch's error bound, not
 * bit for bit: the KLL compaction history differs from one reader's (n, min and max stay exact).
 *
 * `rowsBefore[k]` is the data rows the caller told part k came after; it must be what the parts
 * before it hold (else null: blank lines the split did not count).
 */
export function mergeCsvParts(
  parts: readonly CsvPartProfile[],
  opts: { rowsBefore: readonly number[]; decimalFixed: boolean; decided: Readonly<Record<string, DecidedMark>>; createdAt?: string },
): Profile | null {
  let rows = 0;
  for (let k = 0; k < parts.length; k++) {
    if (k > 0 && opts.rowsBefore[k] !== rows) return null;
    rows += parts[k].summary.rows;
  }
  if (parts.some((p) => p.summary.tally.decodeWarnings.length > 0)) return null;
  if (!opts.decimalFixed && !formatsExact(parts, opts.decided)) return null;
  const profiles = parts.map((p) => p.profile).filter((p): p is Profile => p !== null);
  const first = parts[0].profile;
  if (first === null) return null;
  let merged = profiles[0];
  for (let k = 1; k < profiles.length; k++) merged = mergeProfiles(merged, profiles[k], { createdAt: opts.createdAt });
  const withRows = parts.filter((p) => p.profile !== null);
  const columns: ColumnProfile[] = [];
  for (let i = 0; i < merged.columns.length; i++) {
    const states = withRows.map((p) => p.textStates[i]);
    if (states.some((t) => t === null || t === undefined)) return null;
    const text = mergeTextStates(states as TextState[]);
    const { textSample: _s, ...c } = merged.columns[i];
    // A sketch knows its numbers are unique only when they came in ascending order, across the parts.
    if (c.numbers.mode === 'sketch') c.numbersUnique = ascending(states as TextState[]);
    columns.push(applyTextLimit({ ...c, text: text.map, textDistinct: text.distinct }, text.sample));
  }
  merged = { ...merged, columns };
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

/**
 * The text state of consecutive parts read as one, replayed as TextAccumulator would meet their texts:
 * counts per text until TEXT_LIMIT distinct texts, then the first TEXT_LIMIT (the sample's source) and
 * the distinct hashes, up to TEXT_DISTINCT_CAP.
 */
function mergeTextStates(states: readonly TextState[]): { map: Map<string, number> | null; distinct: number; sample: string[] | null } {
  let map: Map<string, number> | null = null;
  let firstKeys: string[] = [];
  let hashes: TextHashSet | null = null;
  const drop = () => {
    firstKeys = [...map!.keys()];
    hashes = new TextHashSet(Math.max(1 << 16, firstKeys.length * 2));
    for (const k of firstKeys) hashes.add(k);
    map = null;
  };
  const add = (k: string, n: number) => {
    if (map !== null) {
      const before = map.get(k);
      if (before !== undefined) {
        map.set(k, before + n);
        return;
      }
      if (map.size < TEXT_LIMIT) {
        map.set(k, n);
        return;
      }
      drop();
    }
    (hashes as TextHashSet | null)?.add(k);
  };
  states.forEach((s, i) => {
    if (i === 0) {
      if (s.map !== null) map = new Map(s.map);
      else {
        firstKeys = s.firstKeys ?? [];
        if (s.hashes !== null) {
          hashes = new TextHashSet(s.hashes.length);
          hashes.addHashes(s.hashes);
        }
      }
      return;
    }
    if (s.map !== null) {
      for (const [k, n] of s.map) add(k, n);
      return;
    }
    // s passed TEXT_LIMIT on its own, so the parts together do: its first texts complete the first
    // TEXT_LIMIT of all, then its hashes cover the rest.
    if (map !== null) {
      for (const k of s.firstKeys ?? []) add(k, 1);
      if (map !== null) drop();
    }
    if (s.hashes === null) hashes = null;
    else (hashes as TextHashSet | null)?.addHashes(s.hashes);
  });
  if (map !== null) return { map, distinct: (map as Map<string, number>).size, sample: null };
  const h = hashes as TextHashSet | null;
  return { map: null, distinct: h === null ? TEXT_DISTINCT_CAP + 1 : Math.min(TEXT_DISTINCT_CAP + 1, h.size), sample: sampleOf(firstKeys) };
}

/**
 * Whether the parts' number formats are what one reader would have found. Later parts start with the
 * marks `decided` by cells in the file's head; such a column is exact when the first part decided it
 * the same way, by cells (one reader carries it on from there, as the parts did). Any other column
 * must show, in later parts, no locale-formatted ("3,14", "1 234") or ambiguous ("1,234") cells, and
 * one mark in all parts (plain "3.14" cells decide '.' alike anywhere). The first part is one
 * reader's start, except where it ends: a column it decided otherwise than by cells (settled at a
 * chunk's end, which the part's end may have moved) is not taken.
 */
function formatsExact(parts: readonly CsvPartProfile[], decided: Readonly<Record<string, DecidedMark>>): boolean {
  const first = parts[0].profile!;
  for (let i = 0; i < first.columns.length; i++) {
    const name = first.columns[i].name;
    const f0 = first.columns[i].numberFormat;
    if (f0 !== undefined && f0.decimal !== null && f0.decidedBy !== 'cells') return false;
    const seeded = Object.hasOwn(decided, name) ? decided[name] : undefined;
    if (seeded !== undefined) {
      if (f0?.decimal !== seeded.mark || f0.decidedBy !== 'cells') return false;
      continue;
    }
    let mark = f0?.decimal ?? null;
    for (const p of parts.slice(1)) {
      const f = p.profile?.columns[i].numberFormat;
      if (f === undefined) continue;
      if (f.localeCells > 0 || f.ambiguousCells > 0) return false;
      if (f.decimal !== null) {
        if (mark !== null && f.decimal !== mark) return false;
        mark = f.decimal;
      }
    }
  }
  return true;
}

/** The numbers of consecutive parts came in strictly ascending order (parts without numbers skipped). */
function ascending(states: readonly TextState[]): boolean {
  let last = -Infinity;
  for (const s of states) {
    if (s.first === undefined || s.first !== s.first) continue;
    if (s.ascending !== true || !(s.first > last)) return false;
    last = s.last!;
  }
  return true;
}
