import type { ParsedColumn } from '../table/types.ts';
import { numberAt } from '../table/numericValues.ts';

/**
 * The text of one cell as the model or the label logic sees it: the dictionary entry for text columns,
 * the number written back as text otherwise (1 -> "1", 2.5 -> "2.5"); null when missing.
 */
export function cellText(column: ParsedColumn, row: number): string | null {
  if (column.codes) {
    const c = column.codes[row];
    if (c >= 0) return column.dictionary![c];
    const v = numberAt(column, row);
    return Number.isNaN(v) ? null : String(v);
  }
  const v = numberAt(column, row);
  return Number.isNaN(v) ? null : String(v);
}
