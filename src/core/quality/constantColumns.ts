/**
 * Columns with exactly one distinct non-missing value in a file, read from the typing facts
 * (table/columnFacts.ts), so tables and profiles answer alike. A column with no value at all is not
 * constant (it is all missing, which the missing-share rule reports).
 */
import type { ColumnFacts, TableFacts } from '../table/columnFacts.ts';
import type { ConstantColumn } from '../report/types.ts';
import { countDistinctNumbers } from '../table/distinct.ts';

export function constantColumns(ref: TableFacts, prod: TableFacts, names: readonly string[]): ConstantColumn[] {
  const refBy = new Map(ref.columns.map((c) => [c.name, c]));
  const prodBy = new Map(prod.columns.map((c) => [c.name, c]));
  const out: ConstantColumn[] = [];
  for (const name of names) {
    const r = refBy.get(name);
    const p = prodBy.get(name);
    const inRef = r !== undefined && isConstant(r);
    const inProd = p !== undefined && isConstant(p);
    if (inRef || inProd) out.push({ name, reference: inRef, production: inProd });
  }
  return out;
}

function isConstant(c: ColumnFacts): boolean {
  if (c.highCardinality) return false;
  // A column with text cells: its labels are the distinct cells (numbers as String(value)).
  if (c.nonNumeric > 0) return c.labelCount() === 1;
  const values = c.numberValues();
  // A sketch holds many distinct values (it took over past max_exact_values).
  if (values === null) return c.distinctNumbersAtLeast === 1;
  return countDistinctNumbers([values], 1) === 1;
}
