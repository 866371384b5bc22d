/**
 * The History's run summaries in IndexedDB: the `runHistory` store of the registry database
 * (registryDb.ts), one HistoryEntry per run keyed by its content id.
 *
 * Every write is ONE readwrite transaction and only adds: a run's summary is `put` under its own id
 * (two tabs appending at once write two keys, IndexedDB serialises the transactions, neither is lost),
 * and an import adds the entries whose id is not stored yet, all in one transaction, so a bad or
 * interrupted import leaves the stored entries exactly as they were.
 */
import type { HistoryEntry } from '../../core/windows/types.ts';
import type { RegistryDb } from './registryDb.ts';

/** Stores one run summary (a second put of the same id rewrites the same content). */
export async function appendHistory(db: RegistryDb, entry: HistoryEntry): Promise<void> {
  const tx = db.transaction('runHistory', 'readwrite');
  await Promise.all([tx.store.put(entry), tx.done]);
}

/** Every stored run summary, oldest first (by created_at, then id). */
export async function listHistory(db: RegistryDb): Promise<HistoryEntry[]> {
  const all = await db.getAll('runHistory');
  return all.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Adds the entries whose id is new, in ONE transaction; an id already stored (or met earlier in
 * `entries`) is skipped, never overwritten.
 */
export async function importHistory(db: RegistryDb, entries: readonly HistoryEntry[]): Promise<{ added: number; skipped: number }> {
  const tx = db.transaction('runHistory', 'readwrite');
  const seen = new Set(await tx.store.getAllKeys());
  let added = 0;
  for (const e of entries) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    await tx.store.add(e);
    added++;
  }
  await tx.done;
  return { added, skipped: entries.length - added };
}

/** Deletes one run summary. */
export async function deleteHistoryEntry(db: RegistryDb, id: string): Promise<void> {
  const tx = db.transaction('runHistory', 'readwrite');
  await Promise.all([tx.store.delete(id), tx.done]);
}
