/**
 * A query's result is read only with its own query's metadata, and a result that does not add up is
 * refused with one line naming the file; result files in CSV and JSON (array or lines) read alike.
 */
import { describe, expect, it } from 'vitest';
import { dialectOf } from '../../../src/core/sql/dialects.ts';
import { profileQuery } from '../../../src/core/sql/profileQuery.ts';
import { parseResultCsv, parseResultJson, profileFromQueryResult, type ResultRow } from '../../../src/core/sql/queryResultProfile.ts';
import { parseSqlMeta } from '../../../src/core/sql/sqlMeta.ts';
import { DEFAULT_PROFILE_CONFIG } from '../../../src/core/profile/profileBuilder.ts';
import { encodeProfile, decodeProfile } from '../../../src/core/profile/profileFile.ts';

const { meta } = profileQuery({ dialect: dialectOf('postgres'), table: 't', columns: ['x', 'y'], missingValues: ['NA'] });
const id = meta.query_id;

/** A result for 4 rows: x = 1, 1, 2.5, NA; y = a, b, a, 7. */
const GOOD = [
  'col,kind,num,txt,n,first_row,points',
  `-2,q,,${id},0,,0`,
  '-1,r,,,4,,0',
  '0,n,1,,2,,0',
  '0,n,2.5,,1,,1',
  '0,m,,,1,,0',
  '1,t,,a,2,1,0',
  '1,t,,b,1,2,0',
  '1,n,7,,1,,0',
].join('\n');

const opts = { file: 'result.csv', config: DEFAULT_PROFILE_CONFIG, createdAt: '2026-01-01T00:00:00.000Z' };
const read = (csv: string) => profileFromQueryResult(parseResultCsv(csv, 'result.csv'), meta, opts);

describe('a result that matches its query', () => {
  it('becomes the profile of those cells', () => {
    const p = read(GOOD);
    expect(p.rows).toBe(4);
    const [x, y] = p.columns;
    expect([...(x.numbers as { values: Float64Array }).values]).toEqual([1, 2.5]);
    expect(x.missing).toBe(1);
    expect(x.integerValued).toBe(false);
    expect(x.numberFormat?.decimal).toBe('.');
    expect([...y.text!]).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(y.firstNonNumeric).toEqual({ row: 1, value: 'a' });
    // It round-trips through the profile file format (its checks pass).
    expect(decodeProfile(encodeProfile(p), 'x.profile').columns).toEqual(p.columns);
  });

  it('reads the same from JSON arrays, JSON lines (integers as strings, upper-case keys) and CSV', () => {
    const rows = parseResultCsv(GOOD, 'r.csv');
    const asJson = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.toUpperCase(), v])));
    const fromArray = profileFromQueryResult(parseResultJson(JSON.stringify(asJson), 'r.json'), meta, opts);
    const fromLines = profileFromQueryResult(parseResultJson(asJson.map((o) => JSON.stringify(o)).join('\n'), 'r.json'), meta, opts);
    expect(fromArray).toEqual(read(GOOD));
    expect(fromLines).toEqual(read(GOOD));
  });
});

describe('a result that does not match its query is refused with one line', () => {
  const cases: [string, string, RegExp][] = [
    ['another query id', GOOD.replace(id, '0123456789abcdef'), /does not match its query \(its query id is "0123456789abcdef"/],
    [
      'no id row',
      GOOD.split('\n')
        .filter((l) => !l.includes(',q,'))
        .join('\n'),
      /no query id row/,
    ],
    [
      'counts that do not add up',
      GOOD.replace('0,n,1,,2,,0', '0,n,1,,3,,0'),
      /column "x": 1 missing \+ 4 numbers \+ 0 texts is not the 4 rows/,
    ],
    ['a column the query does not have', GOOD + '\n5,n,1,,1,,0', /column number 5, the query has 2 columns/],
    ['an unknown kind', GOOD + '\n0,z,1,,1,,0', /unknown kind "z"/],
    ['a text twice', GOOD + '\n1,t,,a,1,3,0', /lists the text "a" twice/],
    ['not a number', GOOD.replace('0,n,2.5', '0,n,abc'), /number "abc" is not a finite number/],
    ['missing result columns', 'col,kind,n\n0,m,1', /has no column "num"/],
  ];
  for (const [what, csv, message] of cases)
    it(what, () => {
      expect(() => read(csv)).toThrow(message);
      expect(() => read(csv)).toThrow(/^result\.csv: /);
    });

  it('JSON rows that are not objects, and keys that could reach a prototype, are refused', () => {
    expect(() => parseResultJson('[1, 2]', 'r.json')).toThrow('r.json: row 1 is not a JSON object');
    const rows = parseResultJson(
      JSON.stringify([{ __proto__: { polluted: 1 }, col: 0, kind: 'm', num: null, txt: null, n: 1, first_row: null, points: 0 }]),
      'r.json',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(rows[0] as ResultRow)).toBeNull();
  });
});

describe('the query metadata file', () => {
  it('round-trips, and an edited one is refused', () => {
    expect(parseSqlMeta(JSON.stringify(meta), 'q.json')).toEqual(meta);
    expect(() => parseSqlMeta(JSON.stringify({ ...meta, columns: ['x', 'z'] }), 'q.json')).toThrow(/was changed after the query was made/);
    expect(() => parseSqlMeta(JSON.stringify({ ...meta, dialect: 'oracle' }), 'q.json')).toThrow(/unknown dialect "oracle"/);
    expect(() => parseSqlMeta('{"__proto__": {}}', 'q.json')).toThrow(/unknown key "__proto__"/);
    expect(() => parseSqlMeta('nope', 'q.json')).toThrow(/^q\.json: is not JSON/);
  });
});
