// Throwaway until h/builder's profileFromTable lands.
import type { ColumnProfile, Profile } from '../../../src/core/profile/columnProfile.ts';
import type { ParsedTable } from '../../../src/core/table/types.ts';
import { resolveNumberFormats } from '../../../src/core/table/resolveNumberFormats.ts';
import { KllSketch } from '../../../src/core/profile/kllSketch.ts';
import { allNumbersUnique, isIntegerValued } from '../../../src/core/table/distinct.ts';

export function profileFromTable(t: ParsedTable, maxExactValues = 1_000_000): Profile {
  resolveNumberFormats(t, t);
  const columns: ColumnProfile[] = t.columns.map((c) => {
    const nums = c.values.filter((v) => v === v).map((v) => (v === 0 ? 0 : v));
    const sorted = Float64Array.from(nums).sort();
    const values: number[] = [];
    const counts: number[] = [];
    for (const v of sorted) {
      if (values.length && values[values.length - 1] === v) counts[counts.length - 1]++;
      else {
        values.push(v);
        counts.push(1);
      }
    }
    let numbers: ColumnProfile['numbers'];
    if (values.length > maxExactValues) {
      const sketch = new KllSketch(200, 7);
      for (const v of nums) sketch.update(v);
      numbers = { mode: 'sketch', sketch, distinctAtLeast: maxExactValues + 1 };
    } else numbers = { mode: 'exact', values: Float64Array.from(values), counts: Float64Array.from(counts) };
    let text: Map<string, number> | null = new Map();
    if (c.codes && c.dictionary) {
      for (let r = 0; r < c.codes.length; r++) {
        if (c.codes[r] >= 0 && c.values[r] !== c.values[r]) {
          const d = c.dictionary[c.codes[r]];
          text.set(d, (text.get(d) ?? 0) + 1);
        }
      }
    } else if (c.highCardinality) text = null;
    const { numberFormat } = c;
    return {
      name: c.name,
      rows: t.rows,
      missing: c.missing,
      numbers,
      integerValued: isIntegerValued(c.values),
      numbersUnique: allNumbersUnique(c.values),
      nonNumeric: c.nonNumeric,
      firstNonNumeric: c.firstNonNumeric,
      text,
      textDistinct: text ? text.size : c.highCardinality!.distinct,
      ...(numberFormat ? { numberFormat } : {}),
    };
  });
  return {
    config: { maxExactValues, sketchK: 200, sketchSeed: 7 },
    rows: t.rows,
    columns,
    warnings: t.warnings,
    ...(t.headerIsNumbers !== undefined ? { headerIsNumbers: t.headerIsNumbers } : {}),
    source: {
      file: t.file,
      size: 0,
      sha256: null,
      delimiter: t.delimiter,
      missingValues: [],
      encoding: 'utf-8',
      decimal: '',
      thousands: '',
      dropped: t.notParsed ?? [],
      label: null,
    },
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}
