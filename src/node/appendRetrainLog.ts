import { open, readFile, stat } from 'node:fs/promises';
import { retrainLogCsvAppendText } from '../core/retrainLog/retrainLogCsv.ts';
import type { RetrainLogRow } from '../core/retrainLog/types.ts';
import { InputError } from '../core/errors.ts';
import { describeFsError } from './loadConfigFile.ts';
import { writeFileAtomic, type WriteFileAtomicOptions } from './writeFileAtomic.ts';

/** Bytes read from the start of an existing log to find its header line. */
const HEAD_BYTES = 64 << 10;

/** Times to start over when another process changed the log between our read and our rename. */
const MAX_ATTEMPTS = 5;

/**
 * Throws InputError when the file at `path` exists and is not a retrain log (other columns), or
 * cannot be read. Run before any work, so a refused log is found before a model is saved.
 */
export async function checkRetrainLog(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new InputError(`cannot read the retrain log ${path}: ${describeFsError(e)}`);
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return;
    const buf = Buffer.alloc(Math.min(size, HEAD_BYTES));
    await handle.read(buf, 0, buf.length, 0);
    retrainLogCsvAppendText(buf.toString('utf8'), true, [], path);
  } finally {
    await handle.close();
  }
}

/**
 * Appends retrain events to the CSV at `path` (`output.retrain_log_path`), creating it (and its
 * folder) with a header when missing. Earlier bytes are never rewritten: the new file is the old
 * bytes followed by the new rows, written to a temporary file and renamed over the log (see
 * writeFileAtomic), so a crash or a full disk leaves the old log whole, never half a row. When
 * another process changes the log between the read and the rename, the append starts over from
 * its new content. Throws InputError when the existing file's header is not the retrain log's.
 * `options.write` is passed to writeFileAtomic (tests use it to simulate a failing disk or a
 * concurrent writer).
 */
export async function appendRetrainLog(
  path: string,
  rows: readonly RetrainLogRow[],
  options: Pick<WriteFileAtomicOptions, 'write'> = {},
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const before = await fingerprint(path);
    const old = before === null ? null : await readFile(path);
    const head = old && old.length > 0 ? old.subarray(0, HEAD_BYTES).toString('utf8') : null;
    const endsWithNewline = !old || old.length === 0 || old[old.length - 1] === 0x0a;
    const added = Buffer.from(retrainLogCsvAppendText(head, endsWithNewline, rows, path), 'utf8');
    const next = old ? Buffer.concat([old, added]) : added;
    try {
      await writeFileAtomic(path, next, {
        write: options.write,
        beforeRename: async () => {
          if ((await fingerprint(path)) !== before) throw new LogChanged();
        },
      });
      return;
    } catch (e) {
      if (!(e instanceof LogChanged)) throw e;
      if (attempt >= MAX_ATTEMPTS) {
        throw new InputError(
          `the retrain log ${path} kept changing while this run appended to it (another run writing it?); run again when it is done`,
        );
      }
    }
  }
}

class LogChanged extends Error {}

/** Size, modification time and inode of the file, or null when it is not there. */
async function fingerprint(path: string): Promise<string | null> {
  try {
    const s = await stat(path, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
