/**
 * Column names a person types (--label, --drop, columns.*, model.features, data.prediction_column) that
 * the files lack: one `error:` line (a warning for columns.drop) with the closest real name and the columns.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/types.ts';
import { ROOT, runCli, tempDir } from './runCli.ts';

const dir = tempDir('dm-colnames-');
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
function csv(header: string, rows: number, f: (i: number) => string): string {
  return [header, ...Array.from({ length: rows }, (_, i) => f(i))].join('\n') + '\n';
}
const HEADER = 'customerID,tenure,Contract,MonthlyCharges,Churn';
const row = (shift: number) => (i: number) =>
  `c${i},${(i % 60) + shift},${['Month', 'Year', 'Two'][i % 3]},${(i * 7) % 100},${i % 2 ? 'Yes' : 'No'}`;
const ref = file('reference.csv', csv(HEADER, 300, row(0)));
const prod = file('production.csv', csv(HEADER, 300, row(5)));
const COLUMNS = 'Columns: customerID, tenure, Contract, MonthlyCharges, Churn';
const out = ['-o', join(dir, 'r.json')];

function oneLineError(r: { code: number; stderr: string }): string {
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  return lines[0];
}

describe('drift-monitor: a column name that is not in the files', () => {
  it('--label churn suggests "Churn" and lists the columns', () => {
    const line = oneLineError(runCli(['-r', ref, '-p', prod, '--label', 'churn', ...out]));
    expect(line).toBe(
      `error: label column "churn" (--label / data.label_column) is not in ${ref} or ${prod}; did you mean "Churn"? ${COLUMNS}`,
    );
  });

  it('data.label_column in a config, the same way', () => {
    const cfg = file('label.yaml', 'data:\n  label_column: chrn\n');
    expect(oneLineError(runCli(['-c', cfg, '-r', ref, '-p', prod, ...out]))).toContain(
      `"chrn" (--label / data.label_column) is not in ${ref} or ${prod}; did you mean "Churn"?`,
    );
  });

  it('columns.categorical / columns.numerical overrides', () => {
    const cat = file('cat.yaml', 'data:\n  label_column: Churn\ncolumns:\n  categorical: [contract]\n');
    expect(oneLineError(runCli(['-c', cat, '-r', ref, '-p', prod, ...out]))).toBe(
      `error: column "contract" (columns.categorical) is not in ${ref} or ${prod}; did you mean "Contract"? ${COLUMNS}`,
    );
    const num = file('num.yaml', 'data:\n  label_column: Churn\ncolumns:\n  numerical: [monthly_charges]\n');
    expect(oneLineError(runCli(['-c', num, '-r', ref, '-p', prod, ...out]))).toContain(
      `"monthly_charges" (columns.numerical) is not in ${ref} or ${prod}; did you mean "MonthlyCharges"?`,
    );
  });

  it('--drop with a misspelt name warns with the suggestion (a drop list may name columns of other files)', () => {
    const r = runCli(['-r', ref, '-p', prod, '-l', 'Churn', '--drop', 'customerId', ...out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      `columns.drop names "customerId", which is in neither ${ref} nor ${prod}; ignored; did you mean "customerID"? ${COLUMNS}`,
    );
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as Report;
    expect(report.warnings.some((w) => w.includes('did you mean "customerID"?'))).toBe(true);
  });

  it('data.prediction_column', () => {
    const cfg = file('pred.yaml', 'data:\n  label_column: Churn\n  prediction_column: contrct\n');
    expect(oneLineError(runCli(['-c', cfg, '-r', ref, '-p', prod, ...out]))).toBe(
      `error: ${ref}: column "contrct" (data.prediction_column) is not in the file; did you mean "Contract"? ${COLUMNS}`,
    );
  });

  it('model.features', () => {
    const fix = join(ROOT, 'tests/fixtures/onnx');
    const cfg = file('features.yaml', 'data:\n  label_column: y\nmodel:\n  features: [x0, x1, X2, x3]\n');
    const line = oneLineError(
      runCli(['-c', cfg, '-r', join(fix, 'reference.csv'), '-p', join(fix, 'production.csv'), '--model', join(fix, 'forest.onnx'), ...out]),
    );
    expect(line).toBe(
      `error: ${join(fix, 'reference.csv')}: column "X2" (config model.features) is not in the file; did you mean "x2"? Columns: x0, x1, x2, x3, color, size, y, kind`,
    );
  });

  it('a wide file lists its first 20 columns and the count', () => {
    const header = Array.from({ length: 120 }, (_, i) => `feature_${i}`).join(',') + ',Churn';
    const body = (shift: number) => (i: number) => [...Array.from({ length: 120 }, (_, j) => (i * (j + 1) + shift) % 97), i % 2].join(',');
    const a = file('wide_ref.csv', csv(header, 50, body(0)));
    const b = file('wide_prod.csv', csv(header, 50, body(3)));
    const line = oneLineError(runCli(['-r', a, '-p', b, '-l', 'churn', ...out]));
    const first20 = Array.from({ length: 20 }, (_, i) => `feature_${i}`).join(', ');
    expect(line).toBe(
      `error: label column "churn" (--label / data.label_column) is not in ${a} or ${b}; did you mean "Churn"? Columns: ${first20}, ... (121 columns)`,
    );
  });
});
