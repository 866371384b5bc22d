import { appendFile, mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { retrainLogCsvAppendText } from '../core/retrainLog/retrainLogCsv.ts';
import type { RetrainLogRow } from '../core/retrainLog/types.ts';

/** Bytes read from the start of an existing log to find its header line. */
const HEAD_BYTES = 64 << 10;

/**
 * Appends retrain events to the CSV at `path` (`output.retrain_log_path`), creating it (and its
 * folder) with a header when missing. Earlier bytes are never rewritten: the file is only read
 * (its header and last byte) and then extended with one append-mode write. Throws InputError when
 * the existing file's header is not the retrain log's.
 */
export async function appendRetrainLog(path: string, rows: readonly RetrainLogRow[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  let head: string | null = null;
  let endsWithNewline = true;
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      if (size > 0) {
        const buf = Buffer.alloc(Math.min(size, HEAD_BYTES));
        await handle.read(buf, 0, buf.length, 0);
        head = buf.toString('utf8');
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        endsWithNewline = last[0] === 0x0a;
      }
    } finally {
      await handle.close();
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  await appendFile(path, retrainLogCsvAppendText(head, endsWithNewline, rows, path), { flag: 'a' });
}
