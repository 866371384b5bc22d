/**
 * Column names typed by a person (--label, --drop, columns.*, model.features, data.*_column) that the
 * files lack: the closest real name and the list of columns, so a typo ("churn" for "Churn") is a
 * one-glance fix. Shared by the CLI and the dashboard (both report the engine's messages).
 */
import { editDistance } from './editDistance.ts';

/** Columns listed in a message at most; wide files (hundreds of columns) would make the line unreadable. */
const LISTED = 20;
/** A name longer than this is clipped in lists (column names come from files and can be anything). */
const CLIP = 40;

/** "Default.Payment" -> "defaultpayment": case and separators are the usual difference in a typed name. */
function loose(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The column `name` most likely meant: one equal up to case and separators, else the nearest by
 * Levenshtein distance on lower-case names when it is close: at most one edit per three characters
 * (rounded, so a swapped pair in "lable" still finds "label"), stricter than suggestKey's half, since
 * column names are short and many ("nope" must not suggest "name"), and never a whole-name rewrite.
 * @example closestName('churn', ['customerID', 'Churn']) // 'Churn'
 */
export function closestName(name: string, columns: readonly string[]): string | null {
  const key = loose(name);
  if (key !== '') {
    const same = columns.find((c) => loose(c) === key);
    if (same !== undefined) return same;
  }
  const lower = name.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of columns) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  const closeEnough = Math.max(1, Math.floor((name.length + 1) / 3));
  return best !== null && bestDistance <= closeEnough && bestDistance < name.length ? best : null;
}

/** `a, b, c, ... (312 columns)`: the first LISTED names, clipped, with the count when some are left out. */
export function listColumns(columns: readonly string[]): string {
  const clip = (c: string) => (c.length > CLIP ? `${c.slice(0, CLIP - 1)}…` : c);
  const shown = columns.slice(0, LISTED).map(clip).join(', ');
  return columns.length > LISTED ? `${shown}, ... (${columns.length} columns)` : shown;
}

/** `did you mean "Churn"? Columns: customerID, gender, ...` (without the question when nothing is close). */
export function columnHint(name: string, columns: readonly string[]): string {
  const close = closestName(name, columns);
  const list = `Columns: ${listColumns(columns)}`;
  return close === null ? list : `did you mean "${close}"? ${list}`;
}
