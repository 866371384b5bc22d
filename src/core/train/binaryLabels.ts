import { InputError } from '../errors.ts';
import { alignCategories } from '../table/categories.ts';
import type { ParsedColumn, ParsedTable } from '../table/types.ts';

/** Texts (any case) that name the positive class when no `model.positive_class` is given. */
const POSITIVE_TEXTS = ['1', 'true', 'yes', 'y', 't'];

export interface BinaryLabels {
  /** [negative, positive] as text. */
  classes: [string, string];
  /** Stacked rows (reference then production): 1 positive, 0 negative, 255 missing. */
  y: Uint8Array;
}

/**
 * The label column of both tables as 0/1, rows stacked reference then production.
 * Positive class: `positiveClass` when given (must be one of the two), else the class whose text
 * is 1 / true / yes / y / t (any case), else the later of the two in sorted order (sklearn's
 * `classes_[1]`). Throws InputError when the column is missing or does not have exactly 2 classes.
 */
export function binaryLabels(
  ref: ParsedTable,
  prod: ParsedTable,
  label: string,
  positiveClass: string | null = null,
  referenceNeeded = true,
): BinaryLabels {
  const r = ref.columns.find((c) => c.name === label) ?? (referenceNeeded ? undefined : unlabelled(label, ref.rows));
  const p = prod.columns.find((c) => c.name === label);
  if (!p) {
    throw new InputError(`cannot retrain: ${prod.file} has no label column "${label}"; retraining needs labelled production rows`);
  }
  if (!r) throw new InputError(`cannot retrain: ${ref.file} has no label column "${label}"; add it or set retraining.data to production`);
  const aligned = alignCategories(r, p);
  const classes = aligned.categories;
  if (classes.length !== 2) {
    const shown = classes.slice(0, 5).map((c) => `"${c}"`).join(', ');
    throw new InputError(
      `cannot retrain: label column "${label}" has ${classes.length} classes (${shown}${classes.length > 5 ? ', ...' : ''}); the built-in trainer fits binary labels only`,
    );
  }
  let pos: number;
  if (positiveClass !== null) {
    pos = classes.indexOf(positiveClass);
    if (pos < 0) {
      throw new InputError(`model.positive_class "${positiveClass}" is not a class of label column "${label}" ("${classes[0]}", "${classes[1]}"); set it to one of them`);
    }
  } else {
    const byText = classes.findIndex((c) => POSITIVE_TEXTS.includes(c.toLowerCase()));
    pos = byText >= 0 ? byText : 1;
  }
  const y = new Uint8Array(ref.rows + prod.rows);
  const put = (codes: Int32Array, n: number, at: number) => {
    for (let i = 0; i < n; i++) y[at + i] = codes[i] < 0 ? 255 : codes[i] === pos ? 1 : 0;
  };
  put(aligned.refCodes, ref.rows, 0);
  put(aligned.prodCodes, prod.rows, ref.rows);
  return { classes: [classes[1 - pos], classes[pos]], y };
}

function unlabelled(name: string, rows: number): ParsedColumn {
  return { name, values: new Float64Array(rows).fill(NaN), codes: null, dictionary: null, missing: rows, nonNumeric: 0, firstNonNumeric: null };
}
