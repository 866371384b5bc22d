import { InputError } from '../errors.ts';
import { labelKey } from './labelKey.ts';

export interface PositiveClass {
  index: number;
  name: string;
  reason: string;
}

/**
 * The class binary metrics count as positive: `model.positive_class` when set (matched like labels),
 * else the class that means 1/true/yes, else the second class in order (scikit-learn's classes_[1]).
 * Null for multiclass (macro averages then).
 */
export function positiveClass(classes: readonly string[], configured: string | null): PositiveClass | null {
  if (configured !== null) {
    const i =
      classes.indexOf(configured) >= 0 ? classes.indexOf(configured) : classes.findIndex((c) => labelKey(c) === labelKey(configured));
    if (i < 0)
      throw new InputError(`model.positive_class "${configured}" is not one of the classes (${classes.join(', ')}); set it to one of them`);
    return { index: i, name: classes[i], reason: 'model.positive_class' };
  }
  if (classes.length !== 2) return null;
  const one = classes.findIndex((c) => labelKey(c) === '1');
  if (one >= 0) return { index: one, name: classes[one], reason: `default: the class that means 1/true/yes` };
  return { index: 1, name: classes[1], reason: 'default: the second class in order (set model.positive_class to change)' };
}
