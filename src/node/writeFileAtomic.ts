/**
 * Writes a whole file so that the target holds either its old bytes or the new ones, never a
 * truncated mix: the data goes to a temporary file in the same folder (same file system, so the
 * rename is atomic), which is fsynced and then renamed over the target. On any failure the
 * temporary file is removed and the target is left as it was.
 *
 * Hand-written rather than the `write-file-atomic` package because the retrain log needs a hook
 * between the fsync and the rename (to notice another process appending meanwhile, see
 * appendRetrainLog) and tests need to inject a failing write; the rest is a dozen lines.
 */
import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

export interface WriteFileAtomicOptions {
  /** Writes `data` into the temporary file (default: handle.writeFile). Tests pass a failing one. */
  write?: (handle: FileHandle, data: Uint8Array) => Promise<void>;
  /** Runs after the fsync, right before the rename; throwing cancels the write (temp file removed). */
  beforeRename?: () => Promise<void>;
}

/** `.name.<pid>.<random>.tmp` beside `target`: hidden, unique per process and call. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Replaces `path` with `data` atomically (creating its folder when missing). A symlink at `path`
 * is followed, so its destination gets the new bytes and the link stays; an existing file keeps
 * its permission bits.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteFileAtomicOptions = {}): Promise<void> {
  const target = await realTarget(resolve(path));
  await mkdir(dirname(target), { recursive: true });
  const mode = await existingMode(target);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temp = tempPathFor(target);
  let handle: FileHandle | null = null;
  try {
    // "wx": fail rather than reuse a file of the same name (the name is random, so this is a guard).
    handle = await open(temp, 'wx', mode ?? 0o666);
    await (options.write ?? defaultWrite)(handle, bytes);
    if (mode !== undefined) await handle.chmod(mode); // the umask may have cleared bits of the old mode
    await handle.sync();
    await handle.close();
    handle = null;
    await options.beforeRename?.();
    await rename(temp, target);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await syncFolder(dirname(target));
}

async function defaultWrite(handle: FileHandle, data: Uint8Array): Promise<void> {
  await handle.writeFile(data);
}

/** The destination of a symlink at `path`, or `path` itself when nothing (or a dangling link) is there. */
async function realTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return path;
    throw e;
  }
}

async function existingMode(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/** fsync the folder so the rename itself survives a power cut; not every platform allows it (Windows). */
async function syncFolder(dir: string): Promise<void> {
  let handle: FileHandle | null = null;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort: the data is already on disk and the rename done.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
