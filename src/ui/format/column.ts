import type { SortValue } from './sortRows.ts';

/** One column of a DataTable (DataTable.svelte): header, sort value and cell text of a row. */
export interface Column<T> {
  key: string;
  label: string;
  /** The value to sort by. */
  value: (row: T) => SortValue;
  /** The cell text (default: String(value)); 'flag' columns show a drifted / ok badge instead. */
  text?: (row: T) => string;
  kind?: 'text' | 'number' | 'flag';
}
