import { describe, expect, it } from 'vitest';
import { ProfileBuilder } from '../../../src/core/profile/profileBuilder.ts';
import type { Profile } from '../../../src/core/profile/columnProfile.ts';
import { readProfile, writeProfile, type ProfileMeta } from '../../../src/core/profile/profileFile.ts';
import { isInputError } from '../../../src/core/errors.ts';
import { mulberry32 } from '../../../src/core/samples/mulberry32.ts';
import { validate, type Schema } from '../../helpers/reportSchema.ts';
import { readFileSync } from 'node:fs';

const profileSchema = JSON.parse(readFileSync(new URL('../../../schema/profile.schema.json', import.meta.url), 'utf8')) as Schema;

const meta: ProfileMeta = {
  created_at: '2026-11-29T18:00:00.000Z',
  source: { file_name: 'train.csv', size_bytes: 12345, sha256: 'ab'.repeat(32) },
  settings: { thresholds: { ks_statistic: 0.1 }, bins: 10 },
};

function sampleProfile(): Profile {
  const random = mulberry32(3);
  const b = new ProfileBuilder(
    [
      { name: 'age', kind: 'numerical' },
      { name: 'income', kind: 'numerical' },
      { name: 'job', kind: 'categorical' },
    ],
    { maxExactValues: 1000 },
  );
  b.addNumbers(
    'age',
    Float64Array.from({ length: 5000 }, () => (random() < 0.05 ? NaN : Math.round(random() * 80))),
  );
  b.addNumbers(
    'income',
    Float64Array.from({ length: 5000 }, () => (random() < 0.05 ? NaN : random() * 1e5)),
  );
  b.addCategories(
    'job',
    Array.from({ length: 5000 }, () => (random() < 0.05 ? null : ['admin', 'blue-collar', 'é"\\'][Math.floor(random() * 3)])),
  );
  return b.build();
}

/** A comparable view: sketches by their serialisable state. */
const plain = (p: Profile) => ({
  config: p.config,
  columns: p.columns.map((c) => (c.kind === 'numerical' && c.mode === 'sketch' ? { ...c, sketch: c.sketch.toState() } : c)),
});

/** Writes a file from raw parts, for the hostile cases. */
function assemble(metadata: string, floats: number[], opts: { magic?: string; version?: number; metaLength?: number } = {}): Uint8Array {
  const m = new TextEncoder().encode(metadata);
  const out = new Uint8Array(16 + m.length + floats.length * 8);
  const view = new DataView(out.buffer);
  const magic = opts.magic ?? 'DMPROFIL';
  for (let i = 0; i < 8; i++) out[i] = magic.charCodeAt(i);
  view.setUint32(8, opts.version ?? 1, true);
  view.setUint32(12, opts.metaLength ?? m.length, true);
  out.set(m, 16);
  floats.forEach((x, i) => view.setFloat64(16 + m.length + i * 8, x, true));
  return out;
}

function exactFile(values: number[], counts: number[], patch: (m: Record<string, unknown>) => void = () => {}): Uint8Array {
  const rows = counts.reduce((s, c) => s + c, 0);
  const m: Record<string, unknown> = {
    format: 'drift-monitor-profile',
    version: 1,
    created_at: meta.created_at,
    source: meta.source,
    config: { max_exact_values: 100, sketch_k: 200, sketch_seed: 1 },
    settings: {},
    columns: [{ name: 'x', kind: 'numerical', rows, missing: 0, mode: 'exact', distinct: values.length }],
  };
  patch(m);
  return assemble(JSON.stringify(m), [...values, ...counts]);
}

function errorOf(bytes: Uint8Array): string {
  try {
    readProfile(bytes, 'ref.profile');
  } catch (e) {
    expect(isInputError(e)).toBe(true);
    const message = (e as Error).message;
    expect(message).not.toMatch(/\n/);
    expect(message.startsWith('ref.profile: ')).toBe(true);
    return message;
  }
  throw new Error('readProfile accepted a bad file');
}

describe('writeProfile / readProfile', () => {
  it('round-trips exact, sketch and categorical columns and the metadata', () => {
    const p = sampleProfile();
    expect(p.columns.map((c) => (c.kind === 'numerical' ? c.mode : c.kind))).toEqual(['exact', 'sketch', 'categorical']);
    const bytes = writeProfile(p, meta);
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('DMPROFIL');
    const back = readProfile(bytes, 'ref.profile');
    expect(back.meta).toEqual(meta);
    expect(plain(back.profile)).toEqual(plain(p));
    // A view into a larger buffer reads the same.
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(plain(readProfile(shifted.subarray(3), 'ref.profile').profile)).toEqual(plain(p));
    // A read profile writes back to the same bytes.
    expect(writeProfile(back.profile, back.meta)).toEqual(bytes);
  });

  it('writes metadata that follows schema/profile.schema.json', () => {
    const bytes = writeProfile(sampleProfile(), meta);
    const length = new DataView(bytes.buffer).getUint32(12, true);
    const json = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + length)));
    expect(validate(profileSchema, json)).toEqual([]);
    expect(validate(profileSchema, { ...json, version: 2 })).not.toEqual([]);
  });

  it('reads a well-formed hand-assembled file', () => {
    const { profile } = readProfile(exactFile([1, 2.5], [3, 4]), 'ref.profile');
    expect(profile.columns[0]).toMatchObject({ rows: 7, mode: 'exact' });
  });
});

describe('readProfile refuses hostile files with one InputError naming the file', () => {
  const good = writeProfile(sampleProfile(), meta);
  const cases: [string, () => Uint8Array, RegExp][] = [
    ['an empty file', () => new Uint8Array(0), /is truncated \(0 bytes/],
    ['a cut header', () => good.slice(0, 10), /is truncated/],
    ['cut arrays', () => good.slice(0, good.length - 8), /only \d+ bytes follow it \(truncated\?\)/],
    ['cut metadata', () => good.slice(0, 40), /declares \d+ bytes of metadata but only 24/],
    ['bytes after the arrays', () => Uint8Array.from([...good, 0, 0, 0, 0, 0, 0, 0, 0]), /8 bytes after the declared arrays/],
    ['a wrong magic', () => assemble('{}', [], { magic: 'PK\x03\x04abcd' }), /is not a drift-monitor profile/],
    ['an unsupported version', () => assemble('{}', [], { version: 2 }), /format version 2; this drift-monitor reads version 1/],
    ['an absurd metadata length', () => assemble('{}', [], { metaLength: 2 ** 31 }), /declares 2147483648 bytes of metadata/],
    [
      'an absurd distinct count',
      () => exactFile([1], [1], (m) => ((m.columns as Record<string, unknown>[])[0].distinct = 2 ** 40)),
      /distinct must be an integer from 0 to 2147483648/,
    ],
    [
      'more declared numbers than bytes',
      () => exactFile([1], [1], (m) => ((m.columns as Record<string, unknown>[])[0].distinct = 1000)),
      /declares 2000 numbers/,
    ],
    ['NaN in the sorted values', () => exactFile([1, NaN], [1, 1]), /the distinct values holds NaN at position 2/],
    ['unsorted values', () => exactFile([2, 1], [1, 1]), /the distinct values is not sorted ascending at position 2/],
    ['repeated values', () => exactFile([1, 1], [1, 1]), /not sorted ascending at position 2/],
    ['a negative count', () => exactFile([1, 2], [3, -1]), /count -1 at position 2 is not a positive integer/],
    ['a fractional count', () => exactFile([1, 2], [0.5, 1.5]), /count 0.5 at position 1 is not a positive integer/],
    [
      'counts not adding up',
      () => exactFile([1, 2], [1, 1], (m) => ((m.columns as Record<string, unknown>[])[0].rows = 5)),
      /counts add up to 2, not rows - missing = 5/,
    ],
    ['a __proto__ key', () => assemble('{"settings":{"__proto__":{"polluted":true}}}', []), /contains the key "__proto__"/],
    [
      'a constructor key',
      () => exactFile([1], [1], (m) => (m.settings = JSON.parse('{"constructor":{"prototype":{}}}'))),
      /contains the key "(constructor|prototype)"/,
    ],
    ['invalid JSON', () => assemble('{"format":', []), /metadata is not valid JSON/],
    ['invalid UTF-8', () => assemble('{}', []).map((b, i) => (i === 16 ? 0xff : b)), /not valid UTF-8/],
    ['a JSON array as metadata', () => assemble('[]', []), /: metadata must be an object/],
    [
      'a version that differs from the header',
      () => exactFile([1], [1], (m) => (m.version = 3)),
      /version \(3\) differs from the header's version 1/,
    ],
    [
      'a bad sha256',
      () => exactFile([1], [1], (m) => (m.source = { ...meta.source, sha256: 'x' })),
      /sha256 must be 64 lowercase hex digits/,
    ],
    [
      'an unknown kind',
      () => exactFile([1], [1], (m) => ((m.columns as Record<string, unknown>[])[0].kind = 'date')),
      /kind must be "numerical" or "categorical"/,
    ],
    [
      'missing above rows',
      () => exactFile([1], [1], (m) => ((m.columns as Record<string, unknown>[])[0].missing = 9)),
      /more missing values \(9\) than rows \(1\)/,
    ],
    [
      'a duplicate column',
      () => exactFile([1], [1], (m) => (m.columns = [...(m.columns as unknown[]), ...(m.columns as unknown[])])),
      /lists column "x" twice/,
    ],
  ];
  for (const [name, make, expected] of cases) it(name, () => expect(errorOf(make())).toMatch(expected));

  it('refuses a sketch whose weights do not add up to n', () => {
    const bytes = writeProfile(sampleProfile(), meta);
    const length = new DataView(bytes.buffer).getUint32(12, true);
    const json = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + length)));
    json.columns[1].n += 1;
    const floats = new Float64Array(bytes.slice(16 + length).buffer);
    expect(errorOf(assemble(JSON.stringify(json), Array.from(floats)))).toMatch(
      /column "income": the sketch holds \d+ values and declares n = \d+/,
    );
  });
});
