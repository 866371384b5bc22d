import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';
import { planColumns } from '../../../src/core/table/planColumns.ts';
import { trainChallenger } from '../../../src/core/train/trainChallenger.ts';

async function pair(refText: string, prodText: string) {
  const opts = { delimiter: 'auto' as const, missingValues: [''] };
  const ref = await parseCsv(refText, { file: 'ref.csv', ...opts });
  const prod = await parseCsv(prodText, { file: 'prod.csv', ...opts });
  const { plans } = planColumns(ref, prod, { label: 'y', drop: [], numerical: [], categorical: [], maxCategoricalUnique: 2 });
  return { ref, prod, plans };
}
const rows = (n: number, label: (i: number) => string) => Array.from({ length: n }, (_, i) => `${i * 1.5},${label(i)}`).join('\n');

describe('trainChallenger errors (one line, InputError)', () => {
  it('explains that production labels are needed', async () => {
    const { ref, prod, plans } = await pair(`x,y\n${rows(20, (i) => String(i % 2))}`, `x,y\n${rows(20, () => '')}`);
    await expect(trainChallenger(ref, prod, plans, 'y')).rejects.toThrow(
      'cannot retrain: prod.csv has 0 labelled row(s) in "y"; retraining holds out labelled production rows to compare models, so it needs production labels',
    );
  });
  it('refuses a label with three classes', async () => {
    const { ref, prod, plans } = await pair(`x,y\n${rows(20, (i) => 'abc'[i % 3])}`, `x,y\n${rows(20, (i) => 'ab'[i % 2])}`);
    await expect(trainChallenger(ref, prod, plans, 'y')).rejects.toThrow(
      /label column "y" has 3 classes \("a", "b", "c"\); the built-in trainer fits binary labels only/,
    );
  });
  it('picks the positive class by name (yes/true/1) or by model.positive_class', async () => {
    const { ref, prod, plans } = await pair(
      `x,y\n${rows(30, (i) => (i % 3 ? 'yes' : 'no'))}`,
      `x,y\n${rows(30, (i) => (i % 2 ? 'yes' : 'no'))}`,
    );
    expect((await trainChallenger(ref, prod, plans, 'y')).model.classes).toEqual(['no', 'yes']);
    expect((await trainChallenger(ref, prod, plans, 'y', { positiveClass: 'no' })).model.classes).toEqual(['yes', 'no']);
    await expect(trainChallenger(ref, prod, plans, 'y', { positiveClass: 'maybe' })).rejects.toThrow(
      /model.positive_class "maybe" is not a class/,
    );
  });
  it('with data = production, ignores reference rows (which need no label column)', async () => {
    // The reference's labels are all missing: with data = production they are not needed.
    const p = await pair(`x,y\n${rows(20, () => '')}`, `x,y\n${rows(40, (i) => String(i % 2))}`);
    const r = await trainChallenger(p.ref, p.prod, p.plans, 'y', { data: 'production' });
    expect(r.rows).toEqual({ train: 32, trainReference: 0, trainProduction: 32, holdout: 8 });
  });
});
