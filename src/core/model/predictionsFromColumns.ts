import { InputError } from '../errors.ts';
import { columnHint } from '../config/suggestColumn.ts';
import type { ParsedTable } from '../table/types.ts';
import { numberAt } from '../table/numericValues.ts';
import { cellText } from './cellText.ts';
import { labelKey } from './labelKey.ts';
import type { Predictions } from './scoreTable.ts';

/**
 * Predictions already logged in the CSV (data.prediction_column, data.probability_column) instead of
 * running a model. The probability column is the positive class's probability; without a prediction
 * column the predicted class is the argmax of [1 - p, p].
 *
 * @param classes the class list (labels and predictions of both files, see predictionClasses)
 * @param positive index of the positive class (needed with a probability column)
 */
export function predictionsFromColumns(
  table: ParsedTable,
  columns: { prediction: string | null; probability: string | null },
  classes: readonly string[],
  positive: number | null,
): Predictions {
  const n = table.rows;
  const find = (name: string, key: string) => {
    const c = table.columns.find((x) => x.name === name);
    if (!c)
      throw new InputError(
        `${table.file}: column "${name}" (${key}) is not in the file; ${columnHint(
          name,
          table.columns.map((x) => x.name),
        )}`,
      );
    return c;
  };
  let proba: Float64Array | null = null;
  if (columns.probability) {
    if (classes.length !== 2 || positive === null)
      throw new InputError(
        `data.probability_column needs a binary label (found classes ${classes.join(', ')}); use prediction_column for multiclass`,
      );
    const col = find(columns.probability, 'data.probability_column');
    proba = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) {
      const p = numberAt(col, i);
      if (!(p >= 0 && p <= 1))
        throw new InputError(
          `${table.file}: column "${columns.probability}" row ${i + 1} is ${cellText(col, i) ?? 'missing'}; probabilities must be numbers between 0 and 1`,
        );
      proba[i * 2 + positive] = p;
      proba[i * 2 + 1 - positive] = 1 - p;
    }
  }
  const predicted = new Int32Array(n);
  if (columns.prediction) {
    const col = find(columns.prediction, 'data.prediction_column');
    const byKey = new Map(classes.map((c, i) => [labelKey(c), i]));
    for (let i = 0; i < n; i++) {
      const t = cellText(col, i);
      const c = t === null ? undefined : classes.indexOf(t) >= 0 ? classes.indexOf(t) : byKey.get(labelKey(t));
      if (c === undefined)
        throw new InputError(
          `${table.file}: column "${columns.prediction}" row ${i + 1} is ${t === null ? 'missing' : `"${t}"`}, not one of the classes (${classes.join(', ')}); every row needs a prediction`,
        );
      predicted[i] = c;
    }
  } else if (proba) {
    for (let i = 0; i < n; i++) predicted[i] = proba[i * 2 + 1] > proba[i * 2] ? 1 : 0;
  } else throw new InputError('set data.prediction_column or data.probability_column, or pass a model');
  const used = [columns.prediction, columns.probability].filter(Boolean).join(', ');
  return { classes: [...classes], predicted, proba, source: `columns ${used}`, warnings: [] };
}

/**
 * The class list when no model gives one: every label and prediction seen in either file, spellings
 * of one label (yes/true/1) merged, sorted like scikit-learn's classes_ (numerically when all are numbers).
 */
export function predictionClasses(tables: readonly ParsedTable[], columns: readonly (string | null)[]): string[] {
  const byKey = new Map<string, string>();
  for (const t of tables) {
    for (const name of columns) {
      const col = name ? t.columns.find((c) => c.name === name) : undefined;
      if (!col) continue;
      // Each dictionary code and each number once (first-seen order kept), not a string per row.
      const seenCode = new Uint8Array(col.dictionary?.length ?? 0);
      const seenNumber = new Set<number>();
      for (let i = 0; i < t.rows; i++) {
        const c = col.codes ? col.codes[i] : -1;
        if (c >= 0) {
          if (seenCode[c]) continue;
          seenCode[c] = 1;
        } else {
          const x = numberAt(col, i);
          if (Number.isNaN(x) || seenNumber.has(x)) continue;
          seenNumber.add(x);
        }
        const v = cellText(col, i)!;
        if (!byKey.has(labelKey(v))) byKey.set(labelKey(v), v);
      }
    }
  }
  // Numerically when every key is a number (sklearn's classes_ for numeric labels: 2 before 10), else by key.
  const keys = [...byKey.keys()];
  const numeric = keys.every((k) => k !== '' && Number.isFinite(Number(k)));
  keys.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return keys.map((k) => byKey.get(k)!);
}
