/**
 * What one profile's columns would be typed as from that file alone: the `kind` written into a
 * *.profile file for people and tools reading it (`drift-monitor profile --show`). It is informational:
 * a run types each column when the two sides meet (planColumns over both sides, with the run's
 * overrides and max_categorical_unique), which can differ from this one-sided view.
 *
 * The rule is planColumns itself (planColumnsFromFacts, the code runs use), with the default
 * columns.max_categorical_unique, no label, drop or overrides, against an all-missing other side: the
 * case where planColumns types a column from one file's values alone (its rule 2).
 */
import { DEFAULT_CONFIG } from '../config/defaults.ts';
import { isInputError } from '../errors.ts';
import type { ColumnFacts } from '../table/columnFacts.ts';
import { planColumnsFromFacts } from '../table/planColumns.ts';
import type { ColumnRole } from '../table/types.ts';
import type { Profile } from './columnProfile.ts';
import { columnProfileFacts } from './profileFacts.ts';

export function profileKinds(p: Profile): ColumnRole[] {
  const cfg = {
    label: null,
    drop: [],
    numerical: [],
    categorical: [],
    maxCategoricalUnique: DEFAULT_CONFIG.columns.max_categorical_unique,
  };
  return p.columns.map((column) => {
    const facts = columnProfileFacts(column);
    const side = (c: ColumnFacts) => ({ file: 'profile', rows: p.rows, columns: [c] });
    try {
      return planColumnsFromFacts(side(facts), side(allMissing(column.name, p.rows)), cfg).plans[0].role;
    } catch (e) {
      // planColumns refuses a categorical outcome on sketched numbers (no distinct values to count).
      if (isInputError(e)) return 'categorical';
      throw e;
    }
  });
}

function allMissing(name: string, rows: number): ColumnFacts {
  return {
    name,
    missing: rows,
    nonNumeric: 0,
    firstNonNumeric: null,
    highCardinality: undefined,
    integerValued: () => true,
    numbersUnique: () => true,
    numberValues: () => new Float64Array(0),
    distinctNumbersAtLeast: 0,
    labels: () => [],
    labelCount: () => 0,
    texts: () => null,
  };
}
