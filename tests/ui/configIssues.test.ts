import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config/defaults.ts';
import { configIssues } from '../../src/ui/state/configIssues.ts';

const columns = ['customerID', 'tenure', 'Contract', 'Churn'];
const ctx = { columns, file: 'telco.csv', modelChosen: false };

describe('configIssues(config, context)', () => {
  it('no loaded config, or one that fits the file: nothing to say', () => {
    expect(configIssues(null, ctx)).toEqual([]);
    const ok = defaultConfig();
    ok.data.label_column = 'Churn';
    expect(configIssues(ok, ctx)).toEqual([]);
  });

  it('a label column the file lacks: named, with the closest name and the columns', () => {
    const c = defaultConfig();
    c.data.label_column = 'churn';
    expect(configIssues(c, ctx)).toEqual([
      'Config: data.label_column "churn" is not a column of telco.csv; did you mean "Churn"? Columns: customerID, tenure, Contract, Churn.',
    ]);
    // Before a file is chosen there is nothing to compare with.
    expect(configIssues(c, { ...ctx, columns: [], file: null })).toEqual([]);
  });

  it('type overrides and prediction columns the file lacks', () => {
    const c = defaultConfig();
    c.columns.categorical = ['contract'];
    c.data.prediction_column = 'pred';
    expect(configIssues(c, ctx)).toEqual([
      'Config: data.prediction_column "pred" is not a column of telco.csv; Columns: customerID, tenure, Contract, Churn.',
      'Config: columns.categorical "contract" is not a column of telco.csv; did you mean "Contract"? Columns: customerID, tenure, Contract, Churn.',
    ]);
  });

  it('a columns.drop name the file lacks: named, with the closest name, like the CLI warning', () => {
    const c = defaultConfig();
    c.columns.drop = ['customerId', 'tenure'];
    expect(configIssues(c, ctx)).toEqual([
      'Config: columns.drop "customerId" is not a column of telco.csv, so it drops nothing; did you mean "customerID"? Columns: customerID, tenure, Contract, Churn.',
    ]);
  });

  it('a model path asks for the Model input until a model file is chosen', () => {
    const c = defaultConfig();
    c.model.path = 'models/churn.onnx';
    expect(configIssues(c, ctx)).toEqual([
      'Config: model.path is "models/churn.onnx", but this page cannot open files by path: choose the model file with the Model (ONNX) input.',
    ]);
    expect(configIssues(c, { ...ctx, modelChosen: true })).toEqual([]);
  });
});
