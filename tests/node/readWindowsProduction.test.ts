/**
 * readProductionInHalves: the two halves of a production CSV, each with its own timestamp tap, give
 * the table and timestamps of one read with one tap (unsorted rows, missing and unparsable
 * timestamps, every cut point); a file with a quote anywhere is left to the one-piece read (null),
 * even with a quoted newline right at the split. From TypeScript sources both halves run on this
 * thread (the worker runs the same function from lib/; tests/node/runWindowsParallel.test.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvFile } from '../../src/node/readCsvFile.ts';
import { readProductionInHalves, runWindowPartHere } from '../../src/node/readWindowsProduction.ts';
import { TimestampColumn } from '../../src/core/windows/timestampColumn.ts';
import { mulberry32 as rng } from '../../src/core/samples/mulberry32.ts';

const opts = { delimiter: 'auto' as const, missingValues: ['', 'NA'], skipColumns: ['when'] };
const tap = { column: 'when', timeZone: 'Europe/Berlin', missingValues: ['', 'NA'] };

async function oneRead(path: string) {
  const t = new TimestampColumn(tap.timeZone, tap.missingValues);
  const table = await readCsvFile(path, { ...opts, cellTap: { column: 'when', add: (r, raw) => t.add(r, raw), addTime: () => {} } });
  return { table, stamps: t.finish(table.rows) };
}

function production(seed: number, rows: number): string {
  const r = rng(seed);
  const lines = ['id,when,amount,plan,flag'];
  for (let i = 0; i < rows; i++) {
    const day = 1 + Math.floor(r() * 28);
    const u = r();
    const when =
      u < 0.03 ? '' : u < 0.05 ? 'not a date' : u < 0.5 ? `2024-03-${String(day).padStart(2, '0')}T10:00:00+01:00` : `${day}/03/2024 08:30`;
    const amount = r() < 0.02 ? 'NA' : (r() * 100).toFixed(3);
    lines.push([i, when, amount, ['basic', 'plus', 'pro'][Math.floor(r() * 3)], r() < 0.5 ? 1 : 0].join(','));
  }
  return lines.join('\n') + '\n';
}

describe('readProductionInHalves (both halves on this thread)', () => {
  it('gives the table and timestamps of one read, wherever the split falls', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-halves-'));
    for (const [seed, rows] of [
      [1, 3000],
      [2, 4],
      [3, 101],
    ]) {
      const path = join(dir, `p${seed}.csv`);
      writeFileSync(path, production(seed, rows));
      const got = await readProductionInHalves(path, opts, tap, { runSecond: runWindowPartHere, minBytes: 0 });
      expect(got, `${rows} rows`).not.toBeNull();
      const want = await oneRead(path);
      expect(got!.table).toEqual(want.table);
      expect(got!.stamps).toEqual(want.stamps);
      expect(got!.stamps.missing + got!.stamps.unparsable).toBeGreaterThan(0);
    }
  });

  it('is null for a file with a quote (a quoted newline at the split), a small file, and a declined half', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-halves-'));
    const text = production(4, 2000);
    const lines = text.split('\n');
    const mid = Math.floor(lines.length / 2);
    lines[mid] = lines[mid].replace(/,(basic|plus|pro),/, ',"two\nlines",');
    const quoted = join(dir, 'q.csv');
    writeFileSync(quoted, lines.join('\n'));
    expect(await readProductionInHalves(quoted, opts, tap, { runSecond: runWindowPartHere, minBytes: 0 })).toBeNull();
    // The quote past the head is seen by the half that reads it.
    expect(
      await runWindowPartHere({ path: quoted, file: quoted, start: 0, end: text.length, index: 0, head: null!, opts, tap }),
    ).toBeNull();
    const plain = join(dir, 'p.csv');
    writeFileSync(plain, text);
    expect(await readProductionInHalves(plain, opts, tap, { runSecond: runWindowPartHere })).toBeNull();
    expect(await readProductionInHalves(plain, opts, tap, { runSecond: async () => null, minBytes: 0 })).toBeNull();
    expect(await readProductionInHalves(plain, opts, tap, { runSecond: runWindowPartHere, minBytes: 0 })).not.toBeNull();
  });
});
