import { readFileSync } from 'node:fs';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';
import { planColumns } from '../../../src/core/table/planColumns.ts';
import type { ColumnPlan, ParsedTable } from '../../../src/core/table/types.ts';

export const FIXTURES = new URL('../../fixtures/train/', import.meta.url);

export interface ExpectedCase {
  name: string;
  data: 'reference+production' | 'production';
  seed: number;
  holdout_fraction: number;
  C: number;
  min_frequency: number;
  classes: [string, string];
  rows: { train: number; holdout: number };
  holdout_rows: number[];
  preprocessing: (
    | { name: string; kind: 'numerical'; median: number; mean: number; scale: number }
    | { name: string; kind: 'categorical'; levels: string[] }
  )[];
  coef: number[];
  intercept: number;
  holdout_probabilities: number[];
  holdout_f1: number;
  holdout_accuracy: number;
}

export const expected = JSON.parse(readFileSync(new URL('expected.json', FIXTURES), 'utf8')) as {
  versions: Record<string, string>;
  label: string;
  cases: ExpectedCase[];
};

/** The fixture pair, parsed and planned as the pipeline does (default missing markers, max 20 categories). */
export async function fixturePair(): Promise<{ ref: ParsedTable; prod: ParsedTable; plans: ColumnPlan[] }> {
  const read = (name: string) =>
    parseCsv(readFileSync(new URL(name, FIXTURES), 'utf8'), {
      file: name,
      delimiter: 'auto',
      missingValues: ['', 'NA', 'NaN', 'null', 'None'],
    });
  const ref = await read('reference.csv');
  const prod = await read('production.csv');
  const { plans } = planColumns(ref, prod, { label: expected.label, drop: [], numerical: [], categorical: [], maxCategoricalUnique: 20 });
  return { ref, prod, plans };
}
