/**
 * The History of this browser: a summary of every finished run (src/ui/store/historyDb.ts), the list
 * the History view draws, export (the CLI's history format, JSON Lines) and import (de-duplicated by
 * the summary's id). A storage failure or a bad file is one line in `error`; what was stored stays.
 * Other tabs of the page are told of every write (BroadcastChannel) and re-read the store.
 */
import type { HistoryEntry } from '../../core/windows/types.ts';
import { appendHistory, importHistory, listHistory } from '../store/historyDb.ts';
import { openRegistry, type RegistryDb } from '../store/registryDb.ts';
import { storageErrorMessage } from '../store/storageErrorMessage.ts';
import { readHistoryFile } from './readHistoryFile.ts';
import { isInputError } from '../../core/errors.ts';

const WHAT = 'the run history';
const FREE = 'clear the retraining log or site data';
const CHANNEL = 'drift-monitor-history';

export class RunHistory {
  list = $state.raw<HistoryEntry[]>([]);
  error = $state<string | null>(null);
  message = $state<string | null>(null);
  busy = $state(false);
  #db: Promise<RegistryDb> | null = null;
  #channel: BroadcastChannel | null = null;
  readonly #dbName: string | undefined;

  constructor(dbName?: string) {
    this.#dbName = dbName;
    if (typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(CHANNEL);
      this.#channel.onmessage = () => void this.refresh();
    }
  }

  #open(): Promise<RegistryDb> {
    this.#db ??= openRegistry(this.#dbName).catch((e) => {
      this.#db = null;
      throw e;
    });
    return this.#db;
  }

  async refresh(): Promise<void> {
    try {
      this.list = await listHistory(await this.#open());
    } catch (e) {
      this.error = storageErrorMessage(e, WHAT, FREE);
    }
  }

  /** Keeps a finished run's summary; false (with `error` set) when the storage refused it. */
  async append(entry: HistoryEntry): Promise<boolean> {
    try {
      await appendHistory(await this.#open(), entry);
      this.#channel?.postMessage('changed');
      return true;
    } catch (e) {
      this.error = storageErrorMessage(e, WHAT, FREE);
      return false;
    } finally {
      await this.refresh();
    }
  }

  /** The stored history as the CLI writes it (JSON Lines, oldest first). */
  exportText(): string {
    return this.list.map((e) => JSON.stringify(e)).join('\n') + (this.list.length ? '\n' : '');
  }

  /** Adds the runs of an exported history (JSON Lines or a JSON array); the ones already kept are skipped. */
  async import(file: { name: string; data: Blob }): Promise<void> {
    this.error = null;
    this.message = null;
    this.busy = true;
    try {
      const entries = await readHistoryFile(file);
      const { added, skipped } = await importHistory(await this.#open(), entries);
      this.#channel?.postMessage('changed');
      this.message = `Imported ${file.name}: ${added} run${added === 1 ? '' : 's'} added, ${skipped} already kept.`;
    } catch (e) {
      // A bad file is the file's one line (InputError); anything else is the storage's.
      this.error = isInputError(e) ? e.message : storageErrorMessage(e, WHAT, FREE);
    } finally {
      this.busy = false;
      await this.refresh();
    }
  }
}
