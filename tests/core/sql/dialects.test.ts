/**
 * Quoting per dialect: every name and text comes back unchanged when read by the dialect's own rules
 * (written here from each engine's documentation: DuckDB and PostgreSQL double the quote; Spark doubles
 * a backquote in identifiers and reads backslash escapes in strings; BigQuery reads backslash escapes
 * in both), and no quoted form can end early. DuckDB and PostgreSQL also run these names for real
 * (tests/node/sql).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dialectOf } from '../../../src/core/sql/dialects.ts';
import { DIALECTS } from '../../../src/core/sql/dialect.ts';
import { checkWhere, profileQuery, tableParts } from '../../../src/core/sql/profileQuery.ts';
import { isInputError } from '../../../src/core/errors.ts';

/** Reads a quoted token the way the engine's lexer does; returns the text and where the token ended. */
function unquote(token: string, quote: string, mode: 'double' | 'backslash'): { text: string; end: number } {
  expect(token[0]).toBe(quote);
  let out = '';
  for (let i = 1; i < token.length; i++) {
    const c = token[i];
    if (mode === 'backslash' && c === '\\') {
      const e = token[++i];
      if (e === 'u') {
        out += String.fromCharCode(parseInt(token.slice(i + 1, i + 5), 16));
        i += 4;
      } else out += e;
    } else if (c === quote) {
      if (mode === 'double' && token[i + 1] === quote) {
        out += quote;
        i++;
      } else return { text: out, end: i };
    } else out += c;
  }
  throw new Error(`unterminated ${token}`);
}

const RULES = {
  duckdb: { ident: ['"', 'double'], string: ["'", 'double'] },
  postgres: { ident: ['"', 'double'], string: ["'", 'double'] },
  spark: { ident: ['`', 'double'], string: ["'", 'backslash'] },
  bigquery: { ident: ['`', 'backslash'], string: ["'", 'backslash'] },
} as const;

const HOSTILE = [
  'a"b',
  "it's",
  'tick`x',
  'back\\slash\\',
  '\\',
  "\\'",
  '`',
  '""',
  "''",
  'semi;colon',
  'new\nline\r\t',
  'ünï 名前 🚀',
  'select',
  ' ',
];

describe('quoted names and texts read back unchanged', () => {
  for (const name of DIALECTS) {
    const d = dialectOf(name);
    const rules = RULES[name];
    it(`${name}: hostile examples`, () => {
      for (const s of HOSTILE) {
        for (const [kind, quoted] of [
          ['ident', d.ident(s)],
          ['string', d.string(s)],
        ] as const) {
          const [quote, mode] = rules[kind];
          const { text, end } = unquote(quoted, quote, mode);
          expect(text).toBe(s);
          expect(end).toBe(quoted.length - 1);
        }
      }
    });
    it(`${name}: any text`, () => {
      fc.assert(
        fc.property(
          fc.string({ unit: 'binary' }).filter((s) => !s.includes('\u0000')),
          (s) => {
            for (const kind of ['ident', 'string'] as const) {
              const quoted = kind === 'ident' ? d.ident(s) : d.string(s);
              const [quote, mode] = rules[kind];
              const { text, end } = unquote(quoted, quote, mode);
              if (text !== s || end !== quoted.length - 1) return false;
              // BigQuery and Spark strings hold no raw line break (one-line literals).
              if (mode === 'backslash' && /[\n\r]/.test(quoted)) return false;
            }
            return true;
          },
        ),
      );
    });
  }

  it('a NUL character is refused with the name', () => {
    expect(() => dialectOf('postgres').ident('a\u0000b')).toThrow(/contains a NUL character/);
  });
});

describe('inputs the query refuses', () => {
  it('an unknown dialect names the known ones', () => {
    expect(() => dialectOf('mysql')).toThrow('unknown SQL dialect "mysql"; use one of duckdb, postgres, spark, bigquery');
    expect(() => dialectOf('__proto__')).toThrow(/unknown SQL dialect/);
  });

  it('--where cannot end the statement or open a comment', () => {
    for (const w of ['a = 1; DROP TABLE t', 'a = 1 -- x', 'a /* x */ = 1', '  ']) {
      let error: unknown;
      try {
        checkWhere(w);
      } catch (e) {
        error = e;
      }
      expect(isInputError(error)).toBe(true);
    }
    expect(checkWhere("day >= DATE '2024-01-01'")).toBe("day >= DATE '2024-01-01'");
  });

  it('table names: dotted parts are quoted one by one; empty parts are refused', () => {
    expect(tableParts('proj.ds.t')).toEqual(['proj', 'ds', 't']);
    expect(() => tableParts('a..b')).toThrow(/not a table name/);
    const { sql } = profileQuery({ dialect: dialectOf('postgres'), table: 'my schema.t"x', columns: ['a'], missingValues: [] });
    expect(sql).toContain('FROM "my schema"."t""x"');
  });

  it('a column listed twice, or none, is refused', () => {
    const d = dialectOf('duckdb');
    expect(() => profileQuery({ dialect: d, table: 't', columns: ['a', 'a'], missingValues: [] })).toThrow(/listed twice/);
    expect(() => profileQuery({ dialect: d, table: 't', columns: [], missingValues: [] })).toThrow(/at least one column/);
  });

  it('the where condition is pasted in parentheses after the table', () => {
    const { sql, meta } = profileQuery({
      dialect: dialectOf('duckdb'),
      table: 't',
      columns: ['a'],
      missingValues: [],
      where: 'a > 1 OR b < 2',
    });
    expect(sql).toContain('WHERE (a > 1 OR b < 2)');
    expect(meta.where).toBe('a > 1 OR b < 2');
  });
});
