import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempPathFor, writeFileAtomic } from '../../src/node/writeFileAtomic.ts';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'atomic-'));
}

/** Leftover temporary files (".name.<pid>.<hex>.tmp") in `dir`. */
function temps(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.tmp'));
}

/** A write that puts half the bytes into the temporary file, then fails like a full disk. */
async function failHalfway(handle: FileHandle, data: Uint8Array): Promise<void> {
  await handle.write(data, 0, data.length >> 1);
  throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
}

describe('writeFileAtomic(path, data)', () => {
  it('creates the file and its folder, leaving no temporary file', async () => {
    const dir = folder();
    const path = join(dir, 'out', 'report.json');
    await writeFileAtomic(path, '{"a":1}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}\n');
    expect(temps(join(dir, 'out'))).toEqual([]);
  });

  it('replaces an existing file and keeps its permission bits', async () => {
    const dir = folder();
    const path = join(dir, 'scores.csv');
    writeFileSync(path, 'old\n');
    chmodSync(path, 0o640);
    await writeFileAtomic(path, Buffer.from('new\n'));
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(temps(dir)).toEqual([]);
  });

  it('a write failing halfway leaves the old file whole and no temporary file', async () => {
    const dir = folder();
    const path = join(dir, 'report.json');
    writeFileSync(path, 'the previous report\n');
    await expect(writeFileAtomic(path, 'x'.repeat(100_000), { write: failHalfway })).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(path, 'utf8')).toBe('the previous report\n');
    expect(temps(dir)).toEqual([]);
  });

  it('a write failing halfway to a new path creates nothing', async () => {
    const dir = folder();
    await expect(writeFileAtomic(join(dir, 'new.json'), 'x'.repeat(1000), { write: failHalfway })).rejects.toThrow(/ENOSPC/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a rename that fails (the target is a folder) leaves the folder and no temporary file', async () => {
    const dir = folder();
    const target = join(dir, 'report.json');
    mkdirSync(target);
    writeFileSync(join(target, 'inside.txt'), 'kept\n');
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(statSync(target).isDirectory()).toBe(true);
    expect(readFileSync(join(target, 'inside.txt'), 'utf8')).toBe('kept\n');
    expect(temps(dir)).toEqual([]);
  });

  it('beforeRename throwing cancels the write', async () => {
    const dir = folder();
    const path = join(dir, 'log.csv');
    writeFileSync(path, 'old\n');
    await expect(
      writeFileAtomic(path, 'new\n', {
        beforeRename: async () => {
          throw new Error('changed');
        },
      }),
    ).rejects.toThrow('changed');
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    expect(temps(dir)).toEqual([]);
  });

  it('writes through a symlink: the link stays, its destination gets the bytes', async () => {
    const dir = folder();
    const real = join(dir, 'real.json');
    const link = join(dir, 'link.json');
    writeFileSync(real, 'old\n');
    symlinkSync(real, link);
    await writeFileAtomic(link, 'new\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(real, 'utf8')).toBe('new\n');
    expect(temps(dir)).toEqual([]);
  });

  it('temporary names are hidden, in the same folder, unique per call', () => {
    const a = tempPathFor('/x/y/report.json');
    const b = tempPathFor('/x/y/report.json');
    expect(dirname(a)).toBe('/x/y');
    expect(basename(a)).toMatch(new RegExp(`^\\.report\\.json\\.${process.pid}\\.[0-9a-f]{12}\\.tmp$`));
    expect(a).not.toBe(b);
    expect(existsSync(a)).toBe(false);
  });
});
