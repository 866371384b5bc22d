import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { numberCell, textCell } from '../../../src/core/report/csvCell.ts';
import { reportToJson } from '../../../src/core/report/reportToJson.ts';
import { SCORES_CSV_COLUMNS, scoresCsv } from '../../../src/core/report/scoresCsv.ts';
import { sampleReport } from './sampleReport.ts';

const HEADER =
  'feature,type,drift_score,drifted,flagged_by,ks_statistic,ks_p_value,ks_method,chi2_statistic,chi2_p_value,' +
  'chi2_p_value_adjusted,chi2_dof,psi,missing_reference,missing_production,error';

function parseCsv(text: string): Record<string, string>[] {
  const result = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('scoresCsv(report)', () => {
  it('scoresCsv writes the header and one row per feature, ending with a newline', () => {
    const text = scoresCsv(sampleReport());
    expect(text.split('\n')[0]).toBe(HEADER);
    expect(SCORES_CSV_COLUMNS.join(',')).toBe(HEADER);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd().split('\n')).toHaveLength(3);
  });

  it('holds the same numbers as the JSON report, to the last bit', () => {
    const report = sampleReport();
    const json = JSON.parse(reportToJson(report));
    const rows = parseCsv(scoresCsv(report));
    rows.forEach((row, i) => {
      const f = json.features[i];
      const num = (cell: string) => (cell === '' ? null : Number(cell));
      expect(row.feature).toBe(f.name);
      expect(num(row.drift_score)).toBe(f.drift_score);
      expect(num(row.ks_statistic)).toBe(f.ks?.statistic ?? null);
      expect(num(row.ks_p_value)).toBe(f.ks?.p_value ?? null);
      expect(num(row.chi2_statistic)).toBe(f.chi2?.statistic ?? null);
      expect(num(row.chi2_p_value)).toBe(f.chi2?.p_value ?? null);
      expect(num(row.chi2_p_value_adjusted)).toBe(f.chi2?.p_value_adjusted ?? null);
      expect(num(row.chi2_dof)).toBe(f.chi2?.dof ?? null);
      expect(num(row.psi)).toBe(f.psi?.value ?? null);
      expect(num(row.missing_reference)).toBe(f.missing.reference);
      expect(num(row.missing_production)).toBe(f.missing.production);
      expect(row.drifted).toBe(String(f.drifted));
    });
    expect(rows[0]).toMatchObject({ ks_method: 'asymp', flagged_by: 'ks;psi', chi2_statistic: '', error: '' });
    expect(rows[0].drift_score).toBe('0.30000000000000004');
    expect(rows[1]).toMatchObject({ ks_method: '', flagged_by: 'chi2', ks_p_value: '' });
  });

  it('quotes per RFC 4180 and guards text cells against formula injection', () => {
    const report = sampleReport();
    report.features[0].name = '=HYPERLINK("http://x","y")';
    report.features[1].name = 'a,b\n"c"';
    report.features[1].error = '@SUM(1)';
    const text = scoresCsv(report);
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")",numerical,`);
    const rows = parseCsv(text);
    expect(rows[0].feature).toBe(`'=HYPERLINK("http://x","y")`);
    expect(rows[1].feature).toBe('a,b\n"c"');
    expect(rows[1].error).toBe("'@SUM(1)");
  });

  it('textCell(value) prefixes = + - @ tab and CR; numberCell(value) leaves negative numbers alone', () => {
    for (const s of ['=1', '+1', '-1', '@a', '\tx', '\rx']) expect(textCell(s).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(textCell('tenure')).toBe('tenure');
    expect(textCell('a b')).toBe('a b');
    expect(textCell(null)).toBe('');
    expect(numberCell(-0.5)).toBe('-0.5');
    expect(numberCell(1e-300)).toBe('1e-300');
    expect(numberCell(NaN)).toBe('');
    expect(numberCell(Infinity)).toBe('');
    expect(numberCell(null)).toBe('');
  });
});
