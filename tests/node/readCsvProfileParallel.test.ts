import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCsvProfile, type ReadCsvProfileOptions } from '../../src/node/readCsvProfile.ts';
import { planCsvSplit } from '../../src/node/planCsvSplit.ts';
import { realPair } from '../helpers/realPairs.ts';

const base = { delimiter: 'auto' as const, missingValues: ['', 'NA', 'NaN', 'null', '?'], createdAt: '2026-01-01T00:00:00.000Z' };
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'profile-parallel-'));
let files = 0;
function write(text: string | Buffer): string {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, text);
  return path;
}

/** Sequential and in-thread split reads of `path`; returns both and the parts used. */
async function both(path: string, opts: Partial<ReadCsvProfileOptions> = {}, parts = 7) {
  let used = 0;
  const whole = await readCsvProfile(path, { ...base, rowsPerChunk: 50, ...opts, parallel: false });
  const split = await readCsvProfile(path, {
    ...base,
    rowsPerChunk: 50,
    ...opts,
    parallel: { workers: parts, minBytes: 0, bytesPerPart: 1, inThread: true, onRead: (n) => (used = n) },
  });
  return { whole, split, used };
}

/** Rows with quoted delimiters, doubled quotes, newlines in quotes, missing markers and ragged rows. */
function generated(rows: number, eol = '\n'): string {
  const lines = ['id,price,city,note,flag'];
  for (let i = 0; i < rows; i++) {
    const price = i % 17 === 0 ? 'NA' : (i * 1.37).toFixed(2);
    const city = ['Köln', '"Paris, FR"', '"New\nYork"', 'Oslo', '"say ""hi"""'][i % 5];
    const note = i % 11 === 0 ? '' : i % 23 === 0 ? 'n/a' : `${i % 9}`;
    const row = [i, price, city, note, i % 2];
    lines.push((i % 31 === 5 ? row.slice(0, 3) : row).join(','));
  }
  return lines.join(eol) + eol;
}

describe('readCsvProfile split into parts', () => {
  it('gives the one-piece profile for quoted fields with delimiters, doubled quotes and newlines, ragged rows and missing markers', async () => {
    const path = write(generated(3000));
    const { whole, split, used } = await both(path);
    expect(used).toBe(7);
    expect(split).toEqual(whole);
    expect(whole.warnings.join('\n')).toMatch(/fewer fields than the header \(first: data row 6\)/);
    expect(whole.columns[3].firstNonNumeric).toEqual({ row: 24, value: 'n/a' });
  });

  it('gives the one-piece profile for CRLF with a BOM, and with firstNonNumeric in a later part', async () => {
    const text = '\ufeff' + generated(2000, '\r\n').replace('\r\n1999,', '\r\n1999x,');
    const path = write(text);
    const { whole, split, used } = await both(path, {}, 4);
    expect(used).toBe(4);
    expect(split).toEqual(whole);
    expect(whole.columns[0].firstNonNumeric).toEqual({ row: 2000, value: '1999x' });
  });

  it('merges high-cardinality text exactly: distinct counts, first texts, numbers and text past the limit together', async () => {
    const lines = ['ts,mixed,cat'];
    for (let i = 0; i < 160_000; i++) {
      // ts: distinct until row 140000, then repeats of early texts; mixed: distinct numbers and a few texts.
      const ts = `t${(i < 140_000 ? i : i - 140_000) * 7}`;
      lines.push(`${ts},${i % 1000 === 0 ? 'n/a' : i % 30 === 0 ? `x${i % 5}` : i * 3},c${i % 4}`);
    }
    const path = write(lines.join('\n') + '\n');
    // 2 parts: each past the text limit on its own; 6 parts: none is, together they are.
    for (const parts of [2, 6]) {
      const { whole, split, used } = await both(path, { rowsPerChunk: 16_384 }, parts);
      expect(used).toBe(parts);
      expect(split).toEqual(whole);
    }
    const { whole } = await both(path, { rowsPerChunk: 16_384 }, 1);
    expect(whole.columns[0].text).toBeNull();
    expect(whole.columns[0].textDistinct).toBe(140_000);
    expect(whole.columns[0].textSample!.length).toBeGreaterThan(100);
    expect(whole.columns[1].text).toBeNull();
    expect(whole.columns[1].textDistinct).toBe(2);
  });

  it('sketch mode: n, min, max and rank bounds of merged parts are right', async () => {
    const lines = ['v'];
    for (let i = 0; i < 20_000; i++) lines.push(String((i * 7919) % 20_000));
    const path = write(lines.join('\n') + '\n');
    const { whole, split, used } = await both(path, { profile: { maxExactValues: 500 } }, 4);
    expect(used).toBe(4);
    const a = whole.columns[0].numbers;
    const b = split.columns[0].numbers;
    if (a.mode !== 'sketch' || b.mode !== 'sketch') throw new Error('expected sketches');
    expect(b.sketch.n).toBe(20_000);
    expect([b.sketch.min, b.sketch.max]).toEqual([a.sketch.min, a.sketch.max]);
    for (const q of [0.1, 0.25, 0.5, 0.75, 0.9]) expect(Math.abs(b.sketch.quantile(q) / 20_000 - q)).toBeLessThan(0.0165);
    expect({ ...split, columns: [] }).toEqual({ ...whole, columns: [] });
    expect(split.columns[0].numbersUnique).toBe(whole.columns[0].numbersUnique);
    // Unique numbers in ascending order (row ids) stay unique in a sketch; others cannot be told, even
    // when each part's are unique and above the part's before: two descending halves, the second above
    // (6-byte lines, so the 2 parts split between the halves; each part stays exact, the whole does not).
    const ids = write(['id', ...Array.from({ length: 5000 }, (_, i) => String(10_000 + i))].join('\n') + '\n');
    const halves = write(['id', ...Array.from({ length: 5000 }, (_, i) => String(i < 2500 ? 12_499 - i : 17_499 - i))].join('\n') + '\n');
    for (const [path, unique] of [
      [ids, true],
      [halves, false],
    ] as const) {
      const r = await both(path, { profile: { maxExactValues: 4000 } }, 2);
      expect(r.used).toBe(2);
      expect(r.whole.columns[0].numbers.mode).toBe('sketch');
      expect(r.whole.columns[0].numbersUnique).toBe(unique);
      expect(r.split.columns[0].numbersUnique).toBe(unique);
    }
  });

  it('splits only just after a newline outside quotes', async () => {
    const text = generated(3000);
    const path = write(text);
    const plan = await planCsvSplit(path, { parts: 9, delimiter: 'auto' });
    expect(plan.parts).toHaveLength(9);
    const bytes = readFileSync(path);
    for (const p of plan.parts!.slice(1)) {
      expect(bytes[p.start - 1]).toBe(0x0a);
      let quotes = 0;
      for (let i = 0; i < p.start; i++) if (bytes[i] === 0x22) quotes++;
      expect(quotes % 2).toBe(0);
      let lines = 0;
      for (let i = 0, q = 0; i < p.start; i++) {
        if (bytes[i] === 0x22) q ^= 1;
        else if (bytes[i] === 0x0a && q === 0) lines++;
      }
      expect(p.linesBefore).toBe(lines);
    }
  });

  it('reads a file with a stray quote, UTF-16 or old Mac line endings in one piece', async () => {
    for (const text of [
      'id,price,city,note,flag\n1,5" screen,x,y,1\n' + generated(300).split('\n').slice(1).join('\n'),
      generated(300)
        .replace(/\n/g, '\r')
        .replace(/"New\rYork"/g, 'NY'),
    ]) {
      const { whole, split, used } = await both(write(text));
      expect(used).toBe(1);
      expect(split).toEqual(whole);
    }
    const { used } = await both(fixture('csv/utf16le_bom.csv'));
    expect(used).toBe(1);
  });

  it('decimal-comma files: in parts when the first part decides the mark, in one piece when a later part does', async () => {
    const lines = ['x;y;z'];
    for (let i = 0; i < 2000; i++) lines.push(`${i};${(i / 7).toFixed(2).replace('.', ',')};${i < 1500 ? i : `${i},5`}`);
    const early = write(lines.slice(0, 1501).join('\n') + '\n');
    const auto = await both(early);
    expect(auto.used).toBe(7);
    expect(auto.split).toEqual(auto.whole);
    expect(auto.whole.columns[1].numberFormat?.decimal).toBe(',');
    // z decides ',' only in its last rows: the parts before could not know.
    const late = write(lines.join('\n') + '\n');
    const lateAuto = await both(late);
    expect(lateAuto.used).toBe(1);
    expect(lateAuto.split).toEqual(lateAuto.whole);
    const fixed = await both(late, { decimal: ',' });
    expect(fixed.used).toBe(7);
    expect(fixed.split).toEqual(fixed.whole);
  });

  it('ambiguous "1,234" cells after a column decided: in parts (the head decides it), equal to one piece', async () => {
    const lines = ['a,b'];
    for (let i = 0; i < 3000; i++) lines.push(`${i},"${i % 50 === 0 ? '2.5' : `${1 + (i % 9)},${100 + (i % 900)}`}"`);
    const path = write(lines.join('\n') + '\n');
    const { whole, split, used } = await both(path);
    expect(used).toBe(7);
    expect(whole.columns[1].numberFormat?.ambiguousCells).toBeGreaterThan(0);
    expect(split).toEqual(whole);
  });

  it('gives the one-piece profile for the CSV fixtures and real pairs', async () => {
    const skip = /^(binary|empty|header_only|not_csv|unterminated|mixed_encodings|ragged_long)/;
    const names = readdirSync(fixture('csv')).filter((n) => /\.(csv|tsv)$/.test(n) && !skip.test(n));
    const usedParts: Record<string, number> = {};
    for (const n of names) {
      const { whole, split, used } = await both(fixture(`csv/${n}`), {}, 3);
      expect(split, n).toEqual(whole);
      usedParts[n] = used;
    }
    // Small files: most still split (a file of a couple of lines cannot).
    expect(usedParts['quoted.csv']).toBe(3);
    for (const name of ['adult', 'bank', 'electricity', 'bike', 'generated']) {
      const pair = realPair(name);
      for (const path of [pair.reference, pair.production]) {
        const { whole, split, used } = await both(path, { skipColumns: pair.drop, label: pair.label }, 5);
        expect(split, path).toEqual(whole);
        usedParts[`${name}/${path.endsWith('reference.csv') ? 'reference' : 'production'}`] = used;
      }
    }
    expect(Object.values(usedParts).filter((n) => n > 1).length).toBeGreaterThan(Object.keys(usedParts).length / 2);
  });

  it('a cancelled read rejects with an AbortError', async () => {
    const controller = new AbortController();
    controller.abort();
    const path = write(generated(500));
    const read = readCsvProfile(path, { ...base, signal: controller.signal, parallel: { minBytes: 0, bytesPerPart: 1, inThread: true } });
    await expect(read).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('a later part that fails gives the one-piece error', async () => {
    const text = generated(2000).replace('\n1500,', '\n1500,1,2,3,4,5,6,');
    const path = write(text);
    const opts = { ...base, parallel: { workers: 4, minBytes: 0, bytesPerPart: 1, inThread: true } };
    const whole = readCsvProfile(path, { ...base, parallel: false });
    await expect(whole).rejects.toThrow(/data row 1501 has 11 fields/);
    const message = await whole.then(
      () => '',
      (e: Error) => e.message,
    );
    await expect(readCsvProfile(path, opts)).rejects.toThrow(message);
  });
});
