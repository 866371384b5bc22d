import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';
import { planColumns } from '../../../src/core/table/planColumns.ts';
import { columnsToSkip } from '../../../src/core/table/columnsToSkip.ts';
import { defaultConfig } from '../../../src/core/config/defaults.ts';
import { numericValues } from '../../../src/core/table/numericValues.ts';

const opts = { file: 'f.csv', delimiter: 'auto' as const, missingValues: [''] };
const text = 'id,when,x,c\n1,2024-01-01,1.5,a\n2,2024-01-02,2.5,b\n3,2024-01-03\n';

describe('parseCsv(input, { skipColumns })', () => {
  it('parseCsv leaves skipped columns out and lists them in notParsed', async () => {
    const t = await parseCsv(text, { ...opts, skipColumns: ['id', 'when'] });
    expect(t.columns.map((c) => c.name)).toEqual(['x', 'c']);
    expect(t.notParsed).toEqual(['id', 'when']);
    expect([...numericValues(t.columns[0])]).toEqual([1.5, 2.5, NaN]);
    expect(t.columns[1].dictionary).toEqual(['a', 'b']);
    expect(t.columns[1].missing).toBe(1);
    expect(t.rows).toBe(3);
  });
  it('parseCsv gives the same kept columns with and without skipping', async () => {
    const all = await parseCsv(text, opts);
    const some = await parseCsv(text, { ...opts, skipColumns: ['when'] });
    expect(some.columns).toEqual(all.columns.filter((c) => c.name !== 'when'));
    expect(all.notParsed).toBeUndefined();
  });
  it('still rejects a row with too many fields when a column is skipped', async () => {
    await expect(parseCsv('a,b\n1,2,3\n', { ...opts, skipColumns: ['a'] })).rejects.toThrow(/data row 1 has 3 fields/);
  });
});

describe('planColumns with columns not parsed', () => {
  it('planColumns counts a not-parsed column as existing (no "in neither file" warning)', async () => {
    const ref = await parseCsv(text, { ...opts, skipColumns: ['id', 'when'] });
    const prod = await parseCsv(text, { ...opts, file: 'g.csv', skipColumns: ['id', 'when'] });
    const { plans, warnings } = planColumns(ref, prod, {
      label: null,
      drop: ['id', 'when', 'ghost'],
      numerical: [],
      categorical: ['x'],
      maxCategoricalUnique: 20,
    });
    expect(plans.map((p) => p.name)).toEqual(['x', 'c']);
    expect(warnings.join('\n')).toContain('"ghost"');
    expect(warnings.join('\n')).not.toContain('"when"');
  });
});

describe('columnsToSkip(config, withModel)', () => {
  it('columnsToSkip is columns.drop minus the label and prediction columns, and nothing with a model', () => {
    const c = defaultConfig();
    c.columns.drop = ['id', 'y', 'pred', 'ts'];
    c.data.label_column = 'y';
    c.data.prediction_column = 'pred';
    expect(columnsToSkip(c, false)).toEqual(['id', 'ts']);
    expect(columnsToSkip(c, true)).toEqual([]);
  });
});

describe("the windows' timestamp column (windows.column)", () => {
  // Daily dates plus one unparsable cell: typed alone, this column is categorical and every production
  // day is a category the reference never had.
  const ref = 'when,x\n2024-01-01,1\n2024-01-01,2\n2024-01-02,3\n';
  const prod = 'when,x\n2024-03-04,1\n2024-03-05,2\nlater,3\n';
  const base = { label: null, drop: [], numerical: [], categorical: [], maxCategoricalUnique: 20 };

  it('is skipped by planColumns with its reason, parsed or not, and no warning', async () => {
    const r = await parseCsv(ref, opts);
    const p = await parseCsv(prod, { ...opts, file: 'g.csv' });
    expect(planColumns(r, p, base).plans.find((x) => x.name === 'when')!.role).toBe('categorical');
    const typed = planColumns(r, p, { ...base, timestamp: 'when' });
    expect(typed.plans.map((x) => [x.name, x.role])).toEqual([
      ['x', 'categorical'],
      ['when', 'skipped'],
    ]);
    expect(typed.plans[1].reason).toBe("the windows' timestamp column (windows.column)");
    expect(typed.warnings.join('\n')).not.toContain('when');
    const skipped = { ...opts, skipColumns: ['when'] };
    const unparsed = planColumns(await parseCsv(ref, skipped), await parseCsv(prod, { ...skipped, file: 'g.csv' }), {
      ...base,
      timestamp: 'when',
    });
    expect(unparsed.plans).toEqual(typed.plans);
  });

  it('may be missing from the reference; a user drop list still wins (no plan); an override naming it is refused', async () => {
    const r = await parseCsv('x\n1\n2\n', opts);
    const p = await parseCsv(prod, { ...opts, file: 'g.csv' });
    expect(() => planColumns(r, p, base)).toThrow(/column "when" is in g.csv but missing from f.csv/);
    expect(planColumns(r, p, { ...base, timestamp: 'when' }).plans.map((x) => x.name)).toEqual(['x', 'when']);
    expect(planColumns(r, p, { ...base, drop: ['when'], timestamp: 'when' }).plans.map((x) => x.name)).toEqual(['x']);
    expect(() => planColumns(r, p, { ...base, categorical: ['when'], timestamp: 'when' })).toThrow(
      `columns.categorical names "when", the windows' timestamp column (windows.column), which is never a feature; remove it from columns.categorical`,
    );
  });

  it('columnsToSkip skips it (the cell tap still reads it), except for a profile file', async () => {
    const c = defaultConfig();
    c.columns.drop = ['id'];
    c.windows.column = 'when';
    expect(columnsToSkip(c, false)).toEqual(['id', 'when']);
    expect(columnsToSkip(c, false, { keepTimestamp: true })).toEqual(['id']);
    expect(columnsToSkip(c, true)).toEqual([]);
    c.data.label_column = 'when';
    expect(columnsToSkip(c, false)).toEqual(['id']);
    const seen: string[] = [];
    const t = await parseCsv(prod, {
      ...opts,
      skipColumns: columnsToSkip({ ...c, data: { ...c.data, label_column: null } }, false),
      cellTap: { column: 'when', add: (row, raw) => (seen[row] = raw) },
    });
    expect(t.notParsed).toEqual(['when']);
    expect(seen).toEqual(['2024-03-04', '2024-03-05', 'later']);
  });
});
