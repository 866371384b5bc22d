/**
 * Reads an exported history for import: the CLI's history file (JSON Lines, one run summary a line)
 * or a JSON array of run summaries. Every entry is checked by the core's parser (the CLI's `history`
 * command reads with the same one), so a hostile or damaged file is refused as a whole with one line
 * naming the file and the line, before anything is stored.
 */
import { InputError } from '../../core/errors.ts';
import { parseHistory } from '../../core/windows/api.ts';
import type { HistoryEntry } from '../../core/windows/types.ts';

/** Larger files are refused before they are read (a history line is about a kilobyte per window). */
export const MAX_HISTORY_BYTES = 64 * 1024 * 1024;

export async function readHistoryFile(file: { name: string; data: Blob }): Promise<HistoryEntry[]> {
  if (file.data.size > MAX_HISTORY_BYTES)
    throw new InputError(
      `${file.name}: ${file.data.size} bytes is more than a history export can be (64 MB); choose the exported history file.`,
    );
  const text = await file.data.text();
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    let items: unknown;
    try {
      items = JSON.parse(trimmed);
    } catch (e) {
      throw new InputError(
        `${file.name}: not valid JSON (${String((e as Error).message).slice(0, 120)}); choose a history exported by Drift Monitor.`,
      );
    }
    if (!Array.isArray(items))
      throw new InputError(`${file.name}: expected a list of run summaries; choose a history exported by Drift Monitor.`);
    return parseHistory(items.map((item) => JSON.stringify(item)).join('\n'), file.name);
  }
  return parseHistory(text, file.name);
}
