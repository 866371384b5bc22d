/**
 * A window's rows as a table of their own: the rows of one or more tables (the production files end
 * to end), in the order given, with each column as the table reader would have built it from those
 * rows alone (tables/ColumnBuilder.ts): a dictionary of the texts the rows use in order of first
 * appearance, and no dictionary when every non-missing cell is a number. High-cardinality columns
 * (IDs, timestamps: their texts are not kept) and columns not asked for are left out.
 */
import type { ParsedColumn, ParsedTable } from '../table/types.ts';
import { keptValues, numberAt } from '../table/numericValues.ts';

/** The rows numbered end to end over `tables`: row r is tables[t] row r - offsets[t]. */
export function rowOffsets(tables: readonly ParsedTable[]): Int32Array {
  const out = new Int32Array(tables.length + 1);
  tables.forEach((t, i) => (out[i + 1] = out[i] + t.rows));
  return out;
}

/**
 * @param tables   the tables, end to end (same column names; checked by the caller)
 * @param offsets  rowOffsets(tables)
 * @param rows     the rows, numbered end to end
 * @param columns  the column names to keep
 */
export function sliceTables(
  tables: readonly ParsedTable[],
  offsets: Int32Array,
  rows: Int32Array,
  columns: readonly string[],
  file: string,
): ParsedTable {
  const byName = tables.map((t) => new Map(t.columns.map((c) => [c.name, c])));
  const out: ParsedColumn[] = [];
  for (const name of columns) {
    const sources = byName.map((m) => m.get(name));
    if (sources.some((c) => c === undefined || c.highCardinality !== undefined)) continue;
    out.push(sliceColumn(name, sources as ParsedColumn[], offsets, rows));
  }
  return { file, rows: rows.length, delimiter: tables[0]?.delimiter ?? ',', columns: out, warnings: [] };
}

function sliceColumn(name: string, sources: ParsedColumn[], offsets: Int32Array, rows: Int32Array): ParsedColumn {
  if (sources.every((c) => c.codes === null)) return sliceNumbers(name, sources, offsets, rows);
  const n = rows.length;
  const values = new Float64Array(n);
  const codes = new Int32Array(n);
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  // Per source: its code -> the slice's code (-2 = not yet seen).
  const remap = sources.map((c) => (c.dictionary !== null && c.codes !== null ? new Int32Array(c.dictionary.length).fill(-2) : null));
  let missing = 0;
  let nonNumeric = 0;
  let anyText = false;
  let firstNonNumeric: ParsedColumn['firstNonNumeric'] = null;
  let t = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    while (r >= offsets[t + 1]) t++;
    while (r < offsets[t]) t--;
    const c = sources[t];
    const local = r - offsets[t];
    const v = numberAt(c, local);
    values[i] = v;
    let code: number;
    let text: string | null = null;
    if (c.codes !== null) {
      const sc = c.codes[local];
      if (sc < 0) code = -1;
      else {
        const m = remap[t]!;
        if (m[sc] === -2) m[sc] = codeOf(c.dictionary![sc], dictionary, index);
        code = m[sc];
        if (v !== v) text = c.dictionary![sc];
      }
    } else code = v === v ? codeOf(String(v), dictionary, index) : -1;
    codes[i] = code;
    if (code < 0) missing++;
    else if (v !== v) {
      nonNumeric++;
      anyText = true;
      firstNonNumeric ??= { row: i + 1, value: text ?? '' };
    }
  }
  // The reader keeps codes only once a non-missing cell is not a number (ColumnBuilder).
  return {
    name,
    values: keptValues(values, anyText ? codes : null, missing, nonNumeric),
    codes: anyText ? codes : null,
    dictionary: anyText ? dictionary : null,
    missing,
    nonNumeric,
    firstNonNumeric,
  };
}

function codeOf(text: string, dictionary: string[], index: Map<string, number>): number {
  let code = index.get(text);
  if (code === undefined) {
    code = dictionary.length;
    dictionary.push(text);
    index.set(text, code);
  }
  return code;
}

/** A column of numbers only in every source: NaN is missing. */
function sliceNumbers(name: string, sources: ParsedColumn[], offsets: Int32Array, rows: Int32Array): ParsedColumn {
  const n = rows.length;
  const values = new Float64Array(n);
  let missing = 0;
  let t = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    while (r >= offsets[t + 1]) t++;
    while (r < offsets[t]) t--;
    const v = sources[t].values![r - offsets[t]]; // without codes a column has values
    values[i] = v;
    if (v !== v) missing++;
  }
  return { name, values, codes: null, dictionary: null, missing, nonNumeric: 0, firstNonNumeric: null };
}
