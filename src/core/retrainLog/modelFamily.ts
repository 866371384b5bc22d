import type { ModelFamily } from '../config/types.ts';
import type { RetrainLogRow } from './types.ts';

/**
 * The family a stored value names: 'logistic' or 'gradient_boosting', or 'logistic_regression' (the
 * name logistic challengers had in retrain logs and IndexedDB entries written before the config's
 * names were used everywhere) as 'logistic'; null for anything else.
 */
export function readModelFamily(v: unknown): ModelFamily | null {
  if (v === 'logistic' || v === 'logistic_regression') return 'logistic';
  if (v === 'gradient_boosting') return 'gradient_boosting';
  return null;
}

/** A log row as stored before (IndexedDB, an imported log): its model_family under today's name. */
export function currentFamilyRow<T extends RetrainLogRow>(row: T): T {
  const family = readModelFamily(row.model_family);
  return family === null || family === row.model_family ? row : { ...row, model_family: family };
}
