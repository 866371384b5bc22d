/**
 * The typing facts (table/columnFacts.ts) of a profile, so planColumns' rules type two profiles as
 * they type two tables. What a profile cannot know as a table does, and how it answers instead:
 * - Distinct numbers of a sketched column: only a lower bound (NumberSummary.distinctAtLeast); a
 *   categorical outcome on such a column is an InputError (planColumns).
 * - A high-cardinality column's distinct cells: distinct texts plus distinct numbers (the reader
 *   hashes both; see profileFromTable for the rare cases where the two counts differ).
 * - Texts of a high-cardinality column: only the entries the timestamp rule samples (textSample).
 */
import type { ColumnFacts, TableFacts } from '../table/columnFacts.ts';
import type { ColumnProfile, NumberSummary, Profile } from './columnProfile.ts';

/** The facts of a profile; `file` names it in messages (its source file's name). */
export function profileFacts(p: Profile, file: string): TableFacts {
  return {
    file,
    rows: p.rows,
    columns: p.columns.map(columnProfileFacts),
    ...(p.source !== null && p.source.dropped.length > 0 ? { notParsed: p.source.dropped } : {}),
    ...(p.headerIsNumbers !== undefined ? { headerIsNumbers: p.headerIsNumbers } : {}),
    ...(p.unreadable !== undefined ? { unreadable: p.unreadable } : {}),
  };
}

export function columnProfileFacts(c: ColumnProfile): ColumnFacts {
  const { numbers } = c;
  return {
    name: c.name,
    missing: c.missing,
    nonNumeric: c.nonNumeric,
    firstNonNumeric: c.firstNonNumeric,
    highCardinality: c.text === null ? { distinct: c.textDistinct + (c.binned?.distinct ?? distinctNumbers(numbers)) } : undefined,
    integerValued: () => c.integerValued,
    numbersUnique: () => c.numbersUnique,
    // A binned column (ColumnProfile.binned) holds bin edges, not its values: like a sketch, no values.
    numberValues: () => (numbers.mode === 'exact' && !c.binned ? numbers.values : null),
    distinctNumbersAtLeast: c.binned ? c.binned.distinct : numbers.mode === 'sketch' ? numbers.distinctAtLeast : numbers.values.length,
    labels: () => profileLabels(c),
    labelCount: () =>
      c.binned
        ? c.binned.distinct + c.textDistinct
        : c.text === null
          ? c.textDistinct + distinctNumbers(numbers)
          : new Set(profileLabels(c)).size,
    // A high-cardinality text column keeps the entries the timestamp rule samples (textSample).
    texts: () => (c.text === null ? (c.textSample ?? null) : [...c.text.keys()]),
  };
}

function distinctNumbers(n: NumberSummary): number {
  return n.mode === 'exact' ? n.values.length : n.distinctAtLeast;
}

/**
 * Category labels as the table reader's dictionary holds them: each distinct number as String(value),
 * then each text not already one of them (with data.decimal "," a "29.85" text cell and the number
 * 29.85 read from "29,85" are one category, as in the dictionary). A sketch has no distinct values:
 * its numbers give no labels (a categorical outcome on it is refused).
 */
function* profileLabels(c: ColumnProfile): Iterable<string> {
  const seen = new Set<string>();
  if (c.numbers.mode === 'exact' && !c.binned) {
    for (const v of c.numbers.values) {
      const label = String(v);
      seen.add(label);
      yield label;
    }
  }
  if (c.text !== null) for (const t of c.text.keys()) if (!seen.has(t)) yield t;
}
