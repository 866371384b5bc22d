/**
 * binaryLabels (retraining) reads labels like the metrics do (predictionClasses, encodeLabels,
 * positiveClass): 1/true/yes and 0/false/no are one class whatever the spelling in each file.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';
import { binaryLabels } from '../../../src/core/train/binaryLabels.ts';
import { encodeLabels } from '../../../src/core/model/encodeLabels.ts';
import { predictionClasses } from '../../../src/core/model/predictionsFromColumns.ts';
import { positiveClass } from '../../../src/core/model/positiveClass.ts';
import { planColumns } from '../../../src/core/table/planColumns.ts';
import { trainChallenger } from '../../../src/core/train/trainChallenger.ts';

const parse = (text: string, file: string) => parseCsv(text, { file, delimiter: 'auto', missingValues: [''] });
const csv = (labels: string[]) => 'x,y\n' + labels.map((l, i) => `${i * 1.5},${l}`).join('\n') + '\n';

describe('binaryLabels: spellings of one label are one class, as in the metrics', () => {
  it('reference Yes/No and production 1/0: two classes, Yes and 1 positive', async () => {
    const ref = await parse(csv(['Yes', 'No', 'No', '', 'Yes']), 'ref.csv');
    const prod = await parse(csv(['1', '0', '1', '0']), 'prod.csv');
    const b = binaryLabels(ref, prod, 'y');
    expect(b.classes).toEqual(['No', 'Yes']);
    expect(Array.from(b.y)).toEqual([1, 0, 0, 255, 1, 1, 0, 1, 0]);
  });

  it('reference 1/0 and production true/FALSE', async () => {
    const ref = await parse(csv(['1', '0', '0']), 'ref.csv');
    const prod = await parse(csv(['true', 'FALSE', 'true']), 'prod.csv');
    const b = binaryLabels(ref, prod, 'y');
    expect(b.classes).toEqual(['0', '1']);
    expect(Array.from(b.y)).toEqual([1, 0, 0, 1, 0, 1]);
  });

  it('model.positive_class "1" picks "Yes"; "no" picks "No" (matched like the metrics match it)', async () => {
    const ref = await parse(csv(['Yes', 'No', 'No']), 'ref.csv');
    const prod = await parse(csv(['Yes', 'No']), 'prod.csv');
    expect(binaryLabels(ref, prod, 'y', '1').classes).toEqual(['No', 'Yes']);
    const b = binaryLabels(ref, prod, 'y', 'no');
    expect(b.classes).toEqual(['Yes', 'No']);
    expect(Array.from(b.y)).toEqual([0, 1, 1, 0, 1]);
    expect(() => binaryLabels(ref, prod, 'y', 'maybe')).toThrow(
      'model.positive_class "maybe" is not a class of label column "y" ("No", "Yes"); set it to one of them',
    );
  });

  it('gives the classes, positive class and codes the metrics give for the same files', async () => {
    const ref = await parse(csv(['cat', 'dog', 'dog', '', 'cat']), 'ref.csv');
    const prod = await parse(csv(['dog', 'cat', 'cat']), 'prod.csv');
    const classes = predictionClasses([ref, prod], ['y']);
    const pos = positiveClass(classes, null)!.index;
    const b = binaryLabels(ref, prod, 'y');
    expect(b.classes).toEqual([classes[1 - pos], classes[pos]]);
    const codes = [...encodeLabels(ref, 'y', classes), ...encodeLabels(prod, 'y', classes)];
    expect(Array.from(b.y)).toEqual(codes.map((c) => (c < 0 ? 255 : c === pos ? 1 : 0)));
  });

  it('numeric labels 2 and 10 sort numerically (scikit-learn classes_ = [2, 10]): 10 is positive', async () => {
    const ref = await parse(csv(['2', '10', '10']), 'ref.csv');
    const prod = await parse(csv(['10', '2']), 'prod.csv');
    expect(predictionClasses([ref, prod], ['y'])).toEqual(['2', '10']);
    expect(binaryLabels(ref, prod, 'y').classes).toEqual(['2', '10']);
  });

  it('trainChallenger retrains on reference Yes/No with production 1/0', async () => {
    const n = 40;
    const ref = await parse(csv(Array.from({ length: n }, (_, i) => (i % 3 ? 'Yes' : 'No'))), 'ref.csv');
    const prod = await parse(csv(Array.from({ length: n }, (_, i) => (i % 2 ? '1' : '0'))), 'prod.csv');
    const { plans } = planColumns(ref, prod, { label: 'y', drop: [], numerical: [], categorical: [], maxCategoricalUnique: 2 });
    const r = await trainChallenger(ref, prod, plans, 'y');
    expect(r.model.classes).toEqual(['No', 'Yes']);
    expect(r.rows.train + r.rows.holdout).toBe(2 * n);
  });
});
