/**
 * What one profile's column would be typed as from that file alone: the `kind` written into a
 * *.profile file for people and tools reading it (`drift-monitor profile --show`). It is informational:
 * a run types each column when the two sides meet (planColumns rules over both files, with the run's
 * overrides and max_categorical_unique), which can differ from this one-sided view.
 *
 * The rule mirrors planColumns rules 2-7 (table/planColumns.ts) on one file, with the default
 * columns.max_categorical_unique and no overrides.
 */
import { DEFAULT_CONFIG } from '../config/defaults.ts';
import { looksLikeTimestamp } from '../table/looksLikeTimestamp.ts';
import type { ColumnRole } from '../table/types.ts';
import { numberCount, type ColumnProfile } from './columnProfile.ts';

/** Text values examined by the timestamp rule (planColumns samples the same number). */
const TIMESTAMP_SAMPLE = 200;

export function profileKind(c: ColumnProfile, max: number = DEFAULT_CONFIG.columns.max_categorical_unique): ColumnRole {
  const present = c.rows - c.missing;
  if (present === 0) return 'skipped';
  const numbers = numberCount(c);
  const distinctNumbers = c.numbers.mode === 'exact' ? c.numbers.values.length : c.numbers.distinctAtLeast;
  if (numbers === 0 && c.text !== null && allTimestamps([...c.text.keys()])) return 'skipped';
  // Rule 4: every value unique (integers, or text) and more of them than categories allow: an identifier.
  const unique =
    c.nonNumeric === 0 ? c.integerValued && c.numbersUnique : c.textDistinct === c.nonNumeric && (numbers === 0 || c.numbersUnique);
  if (unique && present > max) return 'skipped';
  if (c.nonNumeric === 0) return distinctNumbers > max ? 'numerical' : 'categorical';
  if (c.nonNumeric < numbers && distinctNumbers > max) return 'numerical';
  if (c.text === null) return 'skipped';
  return 'categorical';
}

function allTimestamps(texts: string[]): boolean {
  const step = Math.max(1, Math.floor(texts.length / TIMESTAMP_SAMPLE));
  for (let i = 0; i < texts.length; i += step) if (!looksLikeTimestamp(texts[i])) return false;
  return texts.length > 0;
}
