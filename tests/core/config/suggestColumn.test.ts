import { describe, expect, it } from 'vitest';
import { closestName, columnHint, listColumns } from '../../../src/core/config/suggestColumn.ts';

const TELCO = ['customerID', 'gender', 'SeniorCitizen', 'tenure', 'MonthlyCharges', 'TotalCharges', 'Churn'];

describe('closestName(name, columns)', () => {
  it('matches up to case and separators first', () => {
    expect(closestName('churn', TELCO)).toBe('Churn');
    expect(closestName('customer_id', TELCO)).toBe('customerID');
    expect(closestName('monthly-charges', TELCO)).toBe('MonthlyCharges');
  });
  it('else the nearest name within a few edits', () => {
    expect(closestName('tenur', TELCO)).toBe('tenure');
    expect(closestName('Chrn', TELCO)).toBe('Churn');
    expect(closestName('lable', ['x', 'label'])).toBe('label');
  });
  it('nothing when no name is close, and never one short name for another', () => {
    expect(closestName('income', TELCO)).toBeNull();
    expect(closestName('x', ['y', 'z'])).toBeNull();
    expect(closestName('nope', ['name', 'id'])).toBeNull();
  });
});

describe('listColumns / columnHint', () => {
  it('lists every column of a narrow file', () => {
    expect(columnHint('churn', TELCO)).toBe(
      'did you mean "Churn"? Columns: customerID, gender, SeniorCitizen, tenure, MonthlyCharges, TotalCharges, Churn',
    );
    expect(columnHint('income', ['a', 'b'])).toBe('Columns: a, b');
  });
  it('cuts a wide file to its first 20 columns and says how many there are; clips long names', () => {
    const wide = Array.from({ length: 300 }, (_, i) => `f${i}`);
    expect(listColumns(wide)).toBe(`${wide.slice(0, 20).join(', ')}, ... (300 columns)`);
    expect(listColumns(['x'.repeat(100)])).toBe(`${'x'.repeat(39)}…`);
  });
});
