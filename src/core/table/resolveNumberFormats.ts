import { compactDictionary } from './ColumnBuilder.ts';
import type { DecidedMark } from './NumberFormatTracker.ts';
import type { ColumnNumberFormat, ParsedColumn, ParsedTable } from './types.ts';
import { numberAt } from './numericValues.ts';

type Mark = '.' | ',';

/**
 * Settles the columns whose numbers were all ambiguous ("1,234", "1.234": 1-3 digits, one separator,
 * 3 digits) in their own file, once both files are parsed, so reference and production agree. The
 * decimal mark of such a column of one file is, in this order:
 * 1. the mark most columns of this file show (its convention, e.g. a European export): the file's own
 *    cells beat the other file's, which may follow another convention (a plain reference written as
 *    "270000.0" against a ";" export of "200.000" would otherwise read it as 200);
 * 2. the mark the same column's own cells show in the other file, and
 * 3. the mark most columns of the other file show, both only when the other file uses the same
 *    delimiter: a file with another delimiter was written under another convention (a plain "270000.0"
 *    reference would otherwise turn a ";" export whose cells all read "200.000" into 200);
 * 4. the delimiter: ',' after a ';'-separated file (Excel writes ';' where ',' is the decimal mark),
 *    else '.'.
 * Cells read with ',' as decimal mark keep their decimal reading; "1.234" cells become 1234 (and
 * "1,234" cells with '.'). Mutates the tables in place and is idempotent (the noted rows are cleared).
 */
export function resolveNumberFormats(reference: ParsedTable, production: ParsedTable): void {
  for (const [here, other] of [
    [reference, production],
    [production, reference],
  ] as const) {
    const otherByName = new Map(other.columns.map((c) => [c.name, c]));
    for (const col of here.columns) {
      const f = col.numberFormat;
      if (f === undefined || f.decimal !== null) continue;
      const sameDelimiter = other.delimiter === here.delimiter;
      const twin = sameDelimiter ? ownMark(otherByName.get(col.name)?.numberFormat) : null;
      const [mark, by] =
        majority(here, col) ??
        (twin !== null ? [twin, `the same column in ${other.file}`] : null) ??
        (sameDelimiter ? majority(other, col) : null) ??
        delimiterMark(here);
      settle(col, f, mark, by);
    }
  }
}

/**
 * Settles the undecided columns of a file read on its own (a profile is made before it meets another
 * file): rule 1 of resolveNumberFormats (the mark most other columns of the file show by their own
 * cells), else rule 4 (the delimiter). For a file read in chunks (TableBuilder `chunkRows`), `table`
 * is one chunk and `earlier` holds the marks columns decided in the chunks before it, which count for
 * the columns without a decided mark in this chunk. Mutates the table in place, like resolveNumberFormats.
 */
export function resolveAlone(table: ParsedTable, earlier: ReadonlyMap<string, DecidedMark> = new Map()): void {
  for (const col of table.columns) {
    const f = col.numberFormat;
    if (f === undefined || f.decimal !== null) continue;
    const [mark, by] = majority(table, col, earlier) ?? delimiterMark(table);
    settle(col, f, mark, by);
  }
}

function ownMark(f: Pick<ColumnNumberFormat, 'decidedBy' | 'decimal'> | undefined): Mark | null {
  return f !== undefined && (f.decidedBy === 'cells' || f.decidedBy === 'config') ? f.decimal : null;
}

/** The mark most other columns of `table` show by their own cells, with the reason; null on a tie. */
function majority(table: ParsedTable, except: ParsedColumn, earlier?: ReadonlyMap<string, DecidedMark>): [Mark, string] | null {
  let point = 0;
  let comma = 0;
  for (const c of table.columns) {
    if (c === except) continue;
    let m = ownMark(c.numberFormat);
    const before = m === null ? earlier?.get(c.name) : undefined;
    if (before !== undefined) m = ownMark({ decimal: before.mark, decidedBy: before.by });
    if (m === '.') point++;
    else if (m === ',') comma++;
  }
  if (point === comma) return null;
  return [point > comma ? '.' : ',', `the other columns of ${table.file}`];
}

function delimiterMark(table: ParsedTable): [Mark, string] {
  return table.delimiter === ';'
    ? [',', `the ";" delimiter of ${table.file}`]
    : ['.', `the ${table.delimiter === '\t' ? 'tab' : `"${table.delimiter}"`} delimiter of ${table.file}`];
}

function settle(col: ParsedColumn, f: ColumnNumberFormat, mark: Mark, by: string): void {
  const grouped = mark === '.' ? f.pendingComma : f.pendingPoint;
  const decimals = mark === ',' ? (f.pendingComma?.length ?? 0) : 0;
  if (grouped !== undefined && grouped.length > 0) {
    // Pending cells are numbers, so the column has values.
    const values = col.values!;
    for (const r of grouped) {
      values[r] = Math.round(values[r] * 1000);
      if (col.codes !== null && col.codes[r] >= 0) col.codes[r] = codeOf(col, String(values[r]));
    }
    if (col.codes !== null && col.dictionary !== null) compactDictionary(col.codes, col.dictionary, col.codes.length);
    f.thousands = [...new Set(f.thousands + (mark === '.' ? ',' : '.'))].sort().join('');
    f.localeCells += grouped.length;
  }
  f.localeCells += decimals;
  f.decimal = mark;
  f.decidedBy = by;
  delete f.pendingPoint;
  delete f.pendingComma;
}

function codeOf(col: ParsedColumn, text: string): number {
  const dict = col.dictionary!;
  const at = dict.indexOf(text);
  if (at >= 0) return at;
  dict.push(text);
  return dict.length - 1;
}

/**
 * One warning per column whose numbers were not plain decimals (decimal comma, thousands separators),
 * stating the interpretation with a cell of the file as the example, e.g.
 * `column "amount" in reference.csv: read "1.234,5" as 1234.5 (decimal comma, "." thousands)`;
 * and one per column that mixes both decimal marks.
 */
export function numberFormatWarnings(table: ParsedTable): string[] {
  return columnFormatWarnings(table.file, table.columns, numberAt);
}

/**
 * numberFormatWarnings for any columns with a number format (a table's, a profile's): `valueAt` gives
 * the number the example cell (f.example.row) was read as.
 */
export function columnFormatWarnings<C extends { name: string; numberFormat?: ColumnNumberFormat }>(
  file: string,
  columns: readonly C[],
  valueAt: (col: C, row: number) => number,
): string[] {
  const warnings: string[] = [];
  for (const col of columns) {
    const f = col.numberFormat;
    if (f === undefined) continue;
    const where = `column "${col.name}" in ${file}`;
    const notable = f.decimal === ',' || f.thousands !== '';
    if (notable && f.example !== undefined) {
      const value = valueAt(col, f.example.row);
      const parts = [f.decimal === ',' ? 'decimal comma' : f.decimal === '.' ? 'decimal point' : null, thousandsText(f.thousands)];
      const how = parts.filter((p) => p !== null).join(', ');
      const decided =
        f.ambiguousCells > 0 && f.decidedBy !== 'cells' && f.decidedBy !== 'config'
          ? `; cells such as "1,234" or "1.234" read by ${f.decidedBy}`
          : '';
      const shown = value === value ? String(value) : 'text';
      warnings.push(`${where}: read "${f.example.text}" as ${shown} (${how}${decided}); set data.decimal / data.thousands to override`);
    }
    if (f.conflicts !== undefined) {
      warnings.push(
        `${where} mixes decimal points and decimal commas: ${f.conflicts.count} cell(s) disagree with the column's "${f.decimal}" (first: "${f.conflicts.text}" in data row ${f.conflicts.row}); each was read as written`,
      );
    }
  }
  return warnings;
}

function thousandsText(chars: string): string | null {
  if (chars === '') return null;
  const names = [...chars].map((c) => (c === ' ' ? 'space' : `"${c}"`));
  return `${names.join(' and ')} thousands`;
}
