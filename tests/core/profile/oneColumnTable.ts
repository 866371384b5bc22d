import type { ParsedTable } from '../../../src/core/table/types.ts';

/**
 * A one-column table as the reader would give it for these cells: numbers (null = missing), or
 * text (null = missing; dictionary-coded in order of first appearance).
 */
export function oneColumnTable(file: string, cells: readonly (number | null)[] | readonly (string | null)[]): ParsedTable {
  const rows = cells.length;
  const values = new Float64Array(rows).fill(NaN);
  let missing = 0;
  let codes: Int32Array | null = null;
  let dictionary: string[] | null = null;
  let nonNumeric = 0;
  let firstNonNumeric: { row: number; value: string } | null = null;
  const index = new Map<string, number>();
  cells.forEach((c, i) => {
    if (c === null) {
      missing++;
      if (codes) codes[i] = -1;
    } else if (typeof c === 'number') values[i] = c;
    else {
      codes ??= new Int32Array(rows).fill(-1);
      dictionary ??= [];
      nonNumeric++;
      firstNonNumeric ??= { row: i + 1, value: c };
      let code = index.get(c);
      if (code === undefined) {
        code = dictionary.length;
        dictionary.push(c);
        index.set(c, code);
      }
      codes[i] = code;
    }
  });
  return {
    file,
    rows,
    delimiter: ',',
    columns: [{ name: 'x', values, codes, dictionary, missing, nonNumeric, firstNonNumeric }],
    warnings: [],
  };
}
