import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isInputError } from '../../../src/core/errors.ts';
import { encodeLabels, labelKey, positiveClass, readOnnxInfo } from '../../../src/core/model/index.ts';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';

const csv = (text: string) => parseCsv(text, { file: 't.csv', delimiter: ',', missingValues: ['', 'NA'] });

describe('labelKey(text)', () => {
  it('labelKey merges 0/1, true/false and yes/no in any case, and number spellings', () => {
    expect(['1', 'true', 'TRUE', 'Yes', 'y', '1.0'].map(labelKey)).toEqual(['1', '1', '1', '1', '1', '1']);
    expect(['0', 'false', 'No', 'N', '0.00'].map(labelKey)).toEqual(['0', '0', '0', '0', '0']);
    expect(['cat', '2', ' Dog '].map(labelKey)).toEqual(['cat', '2', 'Dog']);
  });
});

describe('encodeLabels(table, column, classes)', () => {
  it('encodeLabels maps yes/no onto model classes 0/1, missing to -1', async () => {
    const t = await csv('y\nyes\nNo\nNA\nYES\n');
    expect(Array.from(encodeLabels(t, 'y', ['0', '1']))).toEqual([1, 0, -1, 1]);
  });

  it('encodeLabels prefers the exact spelling (string classes "no"/"yes")', async () => {
    const t = await csv('y\nyes\nno\n');
    expect(Array.from(encodeLabels(t, 'y', ['no', 'yes']))).toEqual([1, 0]);
  });

  it('encodeLabels refuses an unseen class in one line naming file, column and row', async () => {
    const t = await csv('y\ncat\nbird\n');
    try {
      encodeLabels(t, 'y', ['cat', 'dog']);
      throw new Error('no error');
    } catch (e) {
      expect(isInputError(e)).toBe(true);
      expect((e as Error).message).toBe(
        't.csv: label column "y" has class "bird" (row 2) that the model does not know (classes: cat, dog); fix the label or use a model trained with that class',
      );
    }
  });
});

describe('positiveClass(classes, configured)', () => {
  it('positiveClass defaults to the class meaning 1/true/yes, else the second class; null for multiclass', () => {
    expect(positiveClass(['0', '1'], null)).toMatchObject({ index: 1, name: '1' });
    expect(positiveClass(['yes', 'no'], null)).toMatchObject({ index: 0, name: 'yes' });
    expect(positiveClass(['ham', 'spam'], null)).toMatchObject({ index: 1, name: 'spam', reason: expect.stringMatching(/second class/) });
    expect(positiveClass(['a', 'b', 'c'], null)).toBeNull();
  });

  it('positiveClass honours model.positive_class and refuses one that is not a class', () => {
    expect(positiveClass(['0', '1'], 'no')).toMatchObject({ index: 0, reason: 'model.positive_class' });
    expect(() => positiveClass(['0', '1'], 'maybe')).toThrow(/model\.positive_class "maybe" is not one of the classes \(0, 1\)/);
  });
});

describe('readOnnxInfo(bytes)', () => {
  it('readOnnxInfo reads operators, metadata and class labels from the protobuf', () => {
    const read = (name: string) => readOnnxInfo(readFileSync(new URL(`../../fixtures/onnx/${name}.onnx`, import.meta.url)));
    expect(read('linear_zipmap')).toEqual({ opTypes: ['LinearClassifier', 'Normalizer', 'ZipMap'], metadata: {}, classLabels: ['0', '1'] });
    expect(read('logistic_plain')).toEqual({
      opTypes: ['MatMul', 'Add', 'Sigmoid'],
      metadata: { features: 'x0,x1,x2,x3' },
      classLabels: null,
    });
    expect(read('pipeline_strings').classLabels).toEqual(['bird', 'cat', 'dog']);
    expect(read('regressor').opTypes).toEqual(['LinearRegressor']);
  });

  it('readOnnxInfo throws on bytes that are not a protobuf model', () => {
    expect(() => readOnnxInfo(new TextEncoder().encode('id,label\n1,0\n'))).toThrow();
  });
});
