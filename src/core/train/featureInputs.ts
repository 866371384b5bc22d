import { alignCategories } from '../table/categories.ts';
import { columnRows, numberAt, numericValues } from '../table/numericValues.ts';
import type { ColumnPlan, ParsedColumn, ParsedTable } from '../table/types.ts';
import type { FeatureInput } from './types.ts';

/**
 * The planned numerical and categorical features of two tables as one stacked table: rows
 * 0..ref.rows-1 are the reference's, then the production's. Categoricals are coded over the union
 * of both files' levels (alignCategories: numbers as `String(value)`, text as trimmed), skipped
 * columns are left out, plan order is kept.
 */
export function featureInputs(ref: ParsedTable, prod: ParsedTable, plans: ColumnPlan[]): FeatureInput[] {
  const inputs: FeatureInput[] = [];
  for (const plan of plans) {
    if (plan.role === 'skipped') continue;
    const r = column(ref, plan.name);
    const p = column(prod, plan.name);
    if (plan.role === 'numerical') {
      const values = new Float64Array(ref.rows + prod.rows);
      values.set(numericValues(r).subarray(0, ref.rows));
      values.set(numericValues(p).subarray(0, prod.rows), ref.rows);
      inputs.push({ name: plan.name, kind: 'numerical', values });
    } else {
      const aligned = alignCategories(r, p);
      const codes = new Int32Array(ref.rows + prod.rows);
      codes.set(aligned.refCodes.subarray(0, ref.rows));
      codes.set(aligned.prodCodes.subarray(0, prod.rows), ref.rows);
      inputs.push({ name: plan.name, kind: 'categorical', categories: aligned.categories, codes });
    }
  }
  return inputs;
}

/**
 * One table's column as the exported ONNX model's string input wants it: per row the level text
 * as the trainer saw it (dictionary text, or `String(value)` for numbers), "" for missing.
 * @example categoricalStrings(col) // ['A', '', 'B', ...]
 */
export function categoricalStrings(col: ParsedColumn, rows = columnRows(col)): string[] {
  const out = new Array<string>(rows);
  const { codes, dictionary } = col;
  for (let i = 0; i < rows; i++) {
    if (codes !== null && dictionary !== null) out[i] = codes[i] < 0 ? '' : dictionary[codes[i]];
    else {
      const v = numberAt(col, i);
      out[i] = v === v ? String(v) : '';
    }
  }
  return out;
}

export function column(table: ParsedTable, name: string): ParsedColumn {
  const c = table.columns.find((x) => x.name === name);
  if (!c) throw new Error(`featureInputs: column "${name}" is not in ${table.file}`);
  return c;
}
