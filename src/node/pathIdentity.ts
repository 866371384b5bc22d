/**
 * Which file a path names, so that two spellings of one file compare equal: symlinks and ".." are
 * followed by the OS (stat), hard links share a device + inode, and a name not yet on disk is
 * identified by its deepest existing folder plus the names below it, case-folded where that folder
 * folds case (macOS and Windows defaults; ext4 casefold folders).
 */
import type { BigIntStats } from 'node:fs';
import { opendir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

export interface PathIdentity {
  /** Device and inode of the file, or of its deepest existing ancestor when the file is not there. */
  dev: bigint;
  ino: bigint;
  /** Names below that ancestor (empty when the file exists), case-folded when the folder folds case. */
  rest: string[];
  /** The path exists (as anything: file, folder). */
  exists: boolean;
  /** Stats of what exists (the file, or the deepest existing ancestor). */
  stats: BigIntStats;
  /** The deepest existing path: the file itself or an ancestor. */
  existing: string;
}

/** Swaps upper and lower case: "ref.csv" -> "REF.CSV", "Data" -> "dATA". */
export function swapCase(name: string): string {
  let out = '';
  for (const ch of name) {
    const up = ch.toUpperCase();
    out += ch === up ? ch.toLowerCase() : up;
  }
  return out;
}

/** What a case-insensitive file system compares: NFC (HFS+ stores NFD) and lower case. */
export function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * Whether the folder `dir` (which exists) looks names up case-insensitively: one of its entries,
 * with its letters' case swapped, must stat to the same inode. A folder with no such entry is
 * judged by its own name in its parent (case folding is set per volume, or per folder for ext4
 * casefold, which new subfolders inherit). Results are kept in `cache` per folder.
 */
export async function foldsCase(dir: string, cache = new Map<string, Promise<boolean>>()): Promise<boolean> {
  const key = resolve(dir);
  let known = cache.get(key);
  if (!known) {
    known = detectFoldsCase(key, cache);
    cache.set(key, known);
  }
  return known;
}

async function detectFoldsCase(dir: string, cache: Map<string, Promise<boolean>>): Promise<boolean> {
  const probe = await entryWithLetters(dir);
  if (probe !== null) return sameInode(join(dir, probe), join(dir, swapCase(probe)));
  const parent = dirname(dir);
  if (parent === dir) return false; // the root, with no entry that has letters: nothing to tell
  const own = basename(dir);
  if (swapCase(own) !== own) return sameInode(dir, join(parent, swapCase(own)));
  return foldsCase(parent, cache);
}

async function entryWithLetters(dir: string): Promise<string | null> {
  let handle;
  try {
    handle = await opendir(dir);
  } catch {
    return null;
  }
  try {
    for await (const entry of handle) {
      if (swapCase(entry.name) !== entry.name) return entry.name;
    }
  } catch {
    // An unreadable folder: fall back to its own name.
  }
  return null;
}

async function sameInode(a: string, b: string): Promise<boolean> {
  try {
    const [sa, sb] = await Promise.all([stat(a, { bigint: true }), stat(b, { bigint: true })]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * The identity of `path`: an existing file is stat'ed as given (the OS follows symlinks and "..",
 * as a reader opening it does); a missing one is resolved against the working folder ("." and ".."
 * removed, as the writers do before they create an output) and walked up to an existing folder.
 */
export async function pathIdentity(path: string, cache = new Map<string, Promise<boolean>>()): Promise<PathIdentity> {
  const given = await statOrNull(path);
  if (given) return { dev: given.dev, ino: given.ino, rest: [], exists: true, stats: given, existing: resolve(path) };
  const rest: string[] = [];
  let current = resolve(path);
  for (;;) {
    const stats = await statOrNull(current);
    if (stats) {
      const exists = rest.length === 0;
      const folded = rest.length > 0 && stats.isDirectory() && (await foldsCase(current, cache)) ? rest.map(foldName) : rest;
      return { dev: stats.dev, ino: stats.ino, rest: folded, exists, stats, existing: current };
    }
    const parent = dirname(current);
    if (parent === current) {
      throw new Error(`cannot stat the root folder ${current}`);
    }
    rest.unshift(basename(current));
    current = parent;
  }
}

async function statOrNull(path: string): Promise<BigIntStats | null> {
  try {
    return await stat(path, { bigint: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // ENOENT: not there; ENOTDIR: a file is in the way (the writers will say so); ELOOP: a symlink
    // cycle, treated as absent here so the writer reports it.
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return null;
    throw e;
  }
}

/** Whether two identities name the same file. */
export function sameIdentity(a: PathIdentity, b: PathIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.rest.length === b.rest.length && a.rest.every((name, i) => name === b.rest[i]);
}
