import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  currentFamilyRow,
  parseRetrainLogJson,
  readModelFamily,
  type RetrainLogRow,
  RETRAIN_LOG_COLUMNS,
  retrainLogCsvAppendText,
  retrainLogCsvHeader,
  retrainLogToCsv,
  retrainLogToJson,
} from '../../../src/core/retrainLog/index.ts';
import { row } from './sampleRow.ts';

describe('retrain log CSV', () => {
  it('retrainLogCsvHeader() starts with the plain log columns timestamp,reason,pre_f1,post_f1', () => {
    expect(retrainLogCsvHeader().startsWith('timestamp,reason,pre_f1,post_f1,')).toBe(true);
  });

  it('retrainLogToCsv(rows) quotes per RFC 4180 and parses back to the same cells', () => {
    const rows = [row(), row({ reason: '=cmd|evil', pre_f1: null, promoted: false, trigger: 'manual' })];
    const text = retrainLogToCsv(rows);
    const parsed = Papa.parse<string[]>(text.trimEnd(), { header: false }).data;
    expect(parsed[0]).toEqual([...RETRAIN_LOG_COLUMNS]);
    expect(parsed[1][RETRAIN_LOG_COLUMNS.indexOf('drifted_features')]).toBe('["num_1","cat, with comma","say \\"hi\\""]');
    expect(parsed[1][2]).toBe('0.74');
    expect(parsed[2][1]).toBe("'=cmd|evil"); // spreadsheet formula guard
    expect(parsed[2][2]).toBe(''); // null F1
    expect(parsed[2][RETRAIN_LOG_COLUMNS.indexOf('promoted')]).toBe('false');
    expect(parsed[1][RETRAIN_LOG_COLUMNS.indexOf('champion_version')]).toBe('');
    expect(parsed.every((r) => r.length === RETRAIN_LOG_COLUMNS.length)).toBe(true);
  });

  it('retrainLogCsvAppendText(head, endsWithNewline, rows) only ever adds text after the old bytes', () => {
    let file = '';
    for (let i = 0; i < 4; i++) {
      const before = file;
      file += retrainLogCsvAppendText(file === '' ? null : file, file.endsWith('\n'), [row({ seed: i })]);
      expect(file.startsWith(before)).toBe(true);
    }
    expect(file.split('\n').filter((l) => l.startsWith('timestamp,')).length).toBe(1);
    expect(file.trimEnd().split('\n').length).toBe(5);
    // An unterminated last line gets its newline first, so the new row starts a line of its own.
    const cut = file.slice(0, -1);
    const appended = cut + retrainLogCsvAppendText(cut, false, [row()]);
    expect(appended.startsWith(cut)).toBe(true);
    expect(Papa.parse<string[]>(appended.trimEnd()).data.every((r) => r.length === RETRAIN_LOG_COLUMNS.length)).toBe(true);
  });

  it('retrainLogCsvAppendText refuses a file with other columns (a plain four-column log) with one line', () => {
    expect(() => retrainLogCsvAppendText('timestamp,reason,pre_f1,post_f1\n', true, [row()], 'logs/retrain_log.csv')).toThrow(
      /^logs\/retrain_log\.csv has columns "timestamp,reason,pre_f1,post_f1", not the retrain log's .*output\.retrain_log_path/,
    );
  });
});

describe('retrain log JSON', () => {
  it('parseRetrainLogJson(retrainLogToJson(rows)) round-trips', () => {
    const rows = [row(), row({ pre_f1: null, champion_version: null, promoted: false, drifted_features: [] })];
    expect(parseRetrainLogJson(retrainLogToJson(rows), 'log.json')).toEqual(rows);
    expect(parseRetrainLogJson(JSON.stringify(rows), 'log.json')).toEqual(rows); // a bare array
  });

  it('parseRetrainLogJson names the file, entry and field in one line', () => {
    const bad = (entries: unknown[]) => JSON.stringify({ format: 'drift-monitor retrain log', version: 1, entries });
    expect(() => parseRetrainLogJson('{', 'log.json')).toThrow(/^log\.json is not JSON \(.*\); choose a retrain log exported as JSON$/);
    expect(() => parseRetrainLogJson('{"a":1}', 'x.json')).toThrow(/^x\.json is not a retrain log/);
    expect(() => parseRetrainLogJson(bad([row(), { ...row(), pre_f1: 'high' }]), 'log.json')).toThrow(
      'log.json: entry 2: "pre_f1" must be a number from 0 to 1 or null (got "high")',
    );
    const { seed: _omit, ...noSeed } = row();
    expect(() => parseRetrainLogJson(bad([noSeed]), 'log.json')).toThrow('log.json: entry 1: field "seed" is missing');
    expect(() => parseRetrainLogJson(bad([row({ trigger: 'cron' as 'auto' })]), 'l.json')).toThrow('"trigger" must be "auto" or "manual"');
    expect(() => parseRetrainLogJson(JSON.stringify({ format: 'drift-monitor retrain log', version: 9, entries: [] }), 'l.json')).toThrow(
      /version 9/,
    );
    for (const f of [() => parseRetrainLogJson('{', 'a'), () => parseRetrainLogJson(bad([{ ...row(), rows_train: -1 }]), 'a')]) {
      expect(f).toThrow(expect.objectContaining({ name: 'InputError', message: expect.not.stringContaining('\n') }));
    }
  });
});

describe('retrain log: model family names', () => {
  it("an exported log from before the config's family names imports 'logistic_regression' as 'logistic'", () => {
    const old = JSON.parse(retrainLogToJson([row(), row({ model_family: 'gradient_boosting' })]));
    old.entries[0].model_family = 'logistic_regression';
    const rows = parseRetrainLogJson(JSON.stringify(old), 'old.json');
    expect(rows.map((r) => r.model_family)).toEqual(['logistic', 'gradient_boosting']);
  });

  it('an unknown family is refused with one line naming the entry and field', () => {
    const bad = JSON.parse(retrainLogToJson([row()]));
    bad.entries[0].model_family = 'random_forest';
    expect(() => parseRetrainLogJson(JSON.stringify(bad), 'log.json')).toThrow(
      'log.json: entry 1: "model_family" must be "logistic" or "gradient_boosting" (got "random_forest")',
    );
  });

  it('a stored row (IndexedDB) with the old name reads under the current one; others are kept as they are', () => {
    const stored = { ...row(), model_family: 'logistic_regression' } as unknown as RetrainLogRow;
    expect(currentFamilyRow(stored)).toEqual(row({ model_family: 'logistic' }));
    const gbt = row({ model_family: 'gradient_boosting' });
    expect(currentFamilyRow(gbt)).toBe(gbt);
    expect(['logistic', 'logistic_regression', 'gradient_boosting', 'lr', null].map(readModelFamily)).toEqual([
      'logistic',
      'logistic',
      'gradient_boosting',
      null,
      null,
    ]);
  });
});
