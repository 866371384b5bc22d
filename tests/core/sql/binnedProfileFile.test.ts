/**
 * The binned summary in the profile file (format 2, additive `binned` key of a column): it round-trips,
 * files without it read as before, and a hostile `binned` is refused with one line.
 */
import { describe, expect, it } from 'vitest';
import { dialectOf } from '../../../src/core/sql/dialects.ts';
import { profileQuery } from '../../../src/core/sql/profileQuery.ts';
import { parseResultCsv, profileFromQueryResult } from '../../../src/core/sql/queryResultProfile.ts';
import { DEFAULT_PROFILE_CONFIG } from '../../../src/core/profile/profileBuilder.ts';
import { decodeProfile, encodeProfile } from '../../../src/core/profile/profileFile.ts';
import { columnProfileFacts } from '../../../src/core/profile/profileFacts.ts';

const { meta } = profileQuery({ dialect: dialectOf('duckdb'), table: 't', columns: ['x'], missingValues: [] });

/** 10 numbers on bins closing at 1, 5 and 9: 1 (one number, at the edge), (1, 5] (6, two at 5), (5, 9] (3, one at 9). */
const RESULT = [
  'col,kind,num,txt,n,first_row,points',
  `-2,q,,${meta.query_id},0,,0`,
  '-1,r,,,10,,0',
  '0,d,,,8,3,3',
  '0,u,1,,1,,0',
  '0,u,5,,6,,0',
  '0,u,9,,3,,0',
  '0,e,1,,1,,0',
  '0,e,5,,2,,0',
  '0,e,9,,1,,0',
].join('\n');

const binned = () => profileFromQueryResult(parseResultCsv(RESULT, 'r.csv'), meta, { file: 'r.csv', config: DEFAULT_PROFILE_CONFIG });

/** Rewrites the JSON metadata of an encoded profile. */
function withMeta(bytes: Uint8Array, edit: (m: { columns: Record<string, unknown>[] }) => void): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const len = view.getUint32(12, true);
  const meta = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + len)));
  edit(meta);
  const m = new TextEncoder().encode(JSON.stringify(meta));
  const out = new Uint8Array(16 + m.length + bytes.length - 16 - len);
  out.set(bytes.subarray(0, 16));
  new DataView(out.buffer).setUint32(12, m.length, true);
  out.set(m, 16);
  out.set(bytes.subarray(16 + len), 16 + m.length);
  return out;
}

describe('binned numbers from a query result', () => {
  it('hold the edges with bin counts, the engine facts, and the largest in-bin share as bound', () => {
    const [c] = binned().columns;
    expect(c.numbers.mode).toBe('exact');
    expect([...(c.numbers as { values: Float64Array }).values]).toEqual([1, 5, 9]);
    expect([...(c.numbers as { counts: Float64Array }).counts]).toEqual([1, 6, 3]);
    expect(c.binned).toEqual({ distinct: 8, bound: 0.4 });
    expect(c.integerValued).toBe(false);
    expect(c.numbersUnique).toBe(false);
    // Typing sees the engine's distinct count and no per-value counts (never categorical by its values).
    const facts = columnProfileFacts(c);
    expect(facts.distinctNumbersAtLeast).toBe(8);
    expect(facts.numberValues()).toBeNull();
  });

  it('round-trip through the profile file', () => {
    const p = binned();
    expect(decodeProfile(encodeProfile(p), 'b.profile').columns).toEqual(p.columns);
  });

  it('a hostile binned key is refused with one line', () => {
    const bytes = encodeProfile(binned());
    const bad = (edit: (c: Record<string, unknown>) => void) => withMeta(bytes, (m) => edit(m.columns[0]));
    expect(() =>
      decodeProfile(
        bad((c) => (c.binned = { distinct: 8, bound: 2 })),
        'b.profile',
      ),
    ).toThrow(/binned\.bound must be from 0 to 1/);
    expect(() =>
      decodeProfile(
        bad((c) => (c.binned = { distinct: 2, bound: 0.1 })),
        'b.profile',
      ),
    ).toThrow(/less than its 3 bin edges/);
    expect(() =>
      decodeProfile(
        bad((c) => (c.binned = JSON.parse('{"distinct": 8, "bound": 0.1, "__proto__": {}}'))),
        'b.profile',
      ),
    ).toThrow(/__proto__/);
    expect(() =>
      decodeProfile(
        bad((c) => (c.binned = [8, 0.1])),
        'b.profile',
      ),
    ).toThrow(/binned must be an object/);
  });
});
