/**
 * Appends one run summary to a JSON Lines history (output.history_path): the file is opened with
 * O_APPEND (created when missing, never truncated) and the line goes out in one write() call, so each
 * line lands whole at the end of the file even with other processes appending at the same time
 * (POSIX: with O_APPEND the seek to the end and the write are one atomic step).
 */
import { open } from 'node:fs/promises';
import { historyLine } from '../core/windows/history.ts';
import type { HistoryEntry } from '../core/windows/types.ts';

export async function appendHistory(path: string, entry: HistoryEntry): Promise<void> {
  const handle = await open(path, 'a');
  try {
    // A previous writer that died mid-line left no newline: start ours on a line of its own.
    const { size } = await handle.stat();
    let lead = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      const peek = await open(path, 'r');
      try {
        await peek.read(last, 0, 1, size - 1);
      } finally {
        await peek.close();
      }
      if (last[0] !== 0x0a) lead = '\n';
    }
    const bytes = Buffer.from(`${lead}${historyLine(entry)}\n`, 'utf8');
    const { bytesWritten } = await handle.write(bytes, 0, bytes.length);
    if (bytesWritten !== bytes.length) throw new Error(`wrote ${bytesWritten} of ${bytes.length} bytes`);
  } finally {
    await handle.close();
  }
}
