import { existsSync, linkSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldName, foldsCase, pathIdentity, sameIdentity, swapCase } from '../../src/node/pathIdentity.ts';

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'identity-'));
  writeFileSync(join(dir, 'ref.csv'), 'x\n1\n');
  return dir;
}

async function same(a: string, b: string): Promise<boolean> {
  return sameIdentity(await pathIdentity(a), await pathIdentity(b));
}

describe('pathIdentity / sameIdentity', () => {
  it('one file under a symlink, "..", a symlinked folder and a hard link', async () => {
    const dir = folder();
    const ref = join(dir, 'ref.csv');
    mkdirSync(join(dir, 'sub'));
    symlinkSync(ref, join(dir, 'link.csv'));
    symlinkSync(dir, join(dir, 'alias'));
    linkSync(ref, join(dir, 'hard.csv'));
    expect(await same(ref, join(dir, 'link.csv'))).toBe(true);
    expect(await same(ref, join(dir, 'sub/../ref.csv'))).toBe(true);
    expect(await same(ref, join(dir, 'alias/ref.csv'))).toBe(true);
    expect(await same(ref, join(dir, 'hard.csv'))).toBe(true);
    expect(await same(ref, join(dir, 'sub/ref.csv'))).toBe(false);
  });

  it('files not yet there: equal when they resolve to the same name in the same folder', async () => {
    const dir = folder();
    symlinkSync(dir, join(dir, 'alias'));
    expect(await same(join(dir, 'new/r.json'), join(dir, 'alias/new/./r.json'))).toBe(true);
    expect(await same(join(dir, 'new/r.json'), join(dir, 'new/s.json'))).toBe(false);
    const id = await pathIdentity(join(dir, 'new/r.json'));
    expect(id.exists).toBe(false);
    expect(id.rest).toEqual(['new', 'r.json']);
  });

  it('case: the same file where the folder folds case, two files where it does not', async () => {
    const dir = folder();
    const folds = existsSync(join(dir, 'REF.CSV')); // what the OS says about this folder
    expect(await foldsCase(dir)).toBe(folds);
    expect(await same(join(dir, 'ref.csv'), join(dir, 'REF.CSV'))).toBe(folds);
    expect(await same(join(dir, 'new.json'), join(dir, 'NEW.JSON'))).toBe(folds);
  });

  it('a case-sensitive folder holding both spellings is told apart', async () => {
    const dir = folder();
    if (existsSync(join(dir, 'REF.CSV'))) return; // only on a case-sensitive file system
    writeFileSync(join(dir, 'REF.CSV'), 'other\n');
    expect(await foldsCase(dir)).toBe(false);
    expect(await same(join(dir, 'ref.csv'), join(dir, 'REF.CSV'))).toBe(false);
  });

  it('swapCase and foldName', () => {
    expect(swapCase('Ref.csv')).toBe('rEF.CSV');
    expect(swapCase('123_.')).toBe('123_.');
    expect(foldName('Caf\u0065\u0301.CSV')).toBe(foldName('café.csv')); // NFD and NFC, both cases
  });
});
