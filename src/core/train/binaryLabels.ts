import { InputError } from '../errors.ts';
import { encodeLabels } from '../model/encodeLabels.ts';
import { labelKey } from '../model/labelKey.ts';
import { positiveClass as pickPositive } from '../model/positiveClass.ts';
import { predictionClasses } from '../model/predictionsFromColumns.ts';
import type { ParsedTable } from '../table/types.ts';

export interface BinaryLabels {
  /** [negative, positive] as text. */
  classes: [string, string];
  /** Stacked rows (reference then production): 1 positive, 0 negative, 255 missing. */
  y: Uint8Array;
}

/**
 * The label column of both tables as 0/1, rows stacked reference then production, read exactly as the
 * metrics read it (performance.ts): classes from predictionClasses (spellings of one label, 1/true/yes
 * or 0/false/no in any case, are one class, written as first seen), rows coded by encodeLabels, the
 * positive class by positiveClass (`positiveClass` matched by text or label key, else the class that
 * means 1/true/yes, else the second in sorted order: sklearn's `classes_[1]`).
 * Throws InputError when the column is missing or does not have exactly 2 classes.
 */
export function binaryLabels(
  ref: ParsedTable,
  prod: ParsedTable,
  label: string,
  positiveClass: string | null = null,
  referenceNeeded = true,
): BinaryLabels {
  const r = ref.columns.find((c) => c.name === label);
  const p = prod.columns.find((c) => c.name === label);
  if (!p) {
    throw new InputError(`cannot retrain: ${prod.file} has no label column "${label}"; retraining needs labelled production rows`);
  }
  if (!r && referenceNeeded)
    throw new InputError(`cannot retrain: ${ref.file} has no label column "${label}"; add it or set retraining.data to production`);
  const tables = r ? [ref, prod] : [prod];
  const many = tables.map((t) => t.columns.find((c) => c.name === label)!.highCardinality?.distinct ?? 0).find((d) => d > 0);
  const classes = predictionClasses(tables, [label]);
  if (classes.length !== 2 || many) {
    const shown = classes
      .slice(0, 5)
      .map((c) => `"${c}"`)
      .join(', ');
    throw new InputError(
      `cannot retrain: label column "${label}" has ${many ?? classes.length} classes (${shown}${(many ?? classes.length) > 5 ? ', ...' : ''}); the built-in trainer fits binary labels only`,
    );
  }
  if (positiveClass !== null && !classes.some((c) => c === positiveClass || labelKey(c) === labelKey(positiveClass))) {
    throw new InputError(
      `model.positive_class "${positiveClass}" is not a class of label column "${label}" ("${classes[0]}", "${classes[1]}"); set it to one of them`,
    );
  }
  const pos = pickPositive(classes, positiveClass)!.index;
  const y = new Uint8Array(ref.rows + prod.rows).fill(255);
  const put = (codes: Int32Array, at: number) => {
    for (let i = 0; i < codes.length; i++) y[at + i] = codes[i] < 0 ? 255 : codes[i] === pos ? 1 : 0;
  };
  if (r) put(encodeLabels(ref, label, classes, 'retraining'), 0);
  put(encodeLabels(prod, label, classes, 'retraining'), ref.rows);
  return { classes: [classes[1 - pos], classes[pos]], y };
}
