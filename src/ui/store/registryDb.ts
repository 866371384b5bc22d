/**
 * The browser's model registry and retrain audit log: one IndexedDB database (via idb) that
 * outlives the page, so the Retraining log shows the whole history across sessions.
 *
 * - `models`: every model version (uploaded or trained), keyed by its SHA-256 (the version id);
 * - `retrainEvents`: every retrain event (a RetrainLogRow), autoIncrement key = insertion order.
 *
 * Every write is ONE readwrite transaction (an event and its model version together), so two tabs
 * writing at once serialize, and a reload or a full disk mid-write aborts that transaction only:
 * earlier entries are never touched.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { RETRAIN_LOG_COLUMNS, type RetrainLogRow } from '../../core/retrainLog/types.ts';
import { currentFamilyRow } from '../../core/retrainLog/modelFamily.ts';
import type { HistoryEntry } from '../../core/windows/types.ts';

export const REGISTRY_DB = 'drift-monitor';
/** 2 added `runHistory` (the History view's run summaries); the upgrade from 1 keeps both earlier stores and their data. */
export const REGISTRY_VERSION = 2;

export interface ModelRecord {
  /** SHA-256 hex of `bytes`: the model version. */
  id: string;
  /** File name (uploaded) or a generated one (trained). */
  name: string;
  source: 'uploaded' | 'trained';
  /** ISO 8601 time it was first stored. */
  created: string;
  size: number;
  /** e.g. family, classes, features, F1 on the held-out rows. */
  metadata: Record<string, string | number | boolean | null>;
  bytes: Uint8Array;
}

/** A stored retrain event: the log row plus its store key (1, 2, ... in insertion order). */
export type RetrainEventRecord = RetrainLogRow & { key?: number };

interface RegistrySchema extends DBSchema {
  models: { key: string; value: ModelRecord; indexes: { created: string } };
  retrainEvents: { key: number; value: RetrainLogRow };
  /** Run summaries keyed by their content id (src/ui/store/historyDb.ts). */
  runHistory: { key: string; value: HistoryEntry; indexes: { created_at: string } };
}

export type RegistryDb = IDBPDatabase<RegistrySchema>;

/** Opens (creating on first use) the registry database. */
export function openRegistry(name = REGISTRY_DB): Promise<RegistryDb> {
  return openDB<RegistrySchema>(name, REGISTRY_VERSION, {
    // Each step creates only what its version added, so an upgrade never drops a store (or its data).
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const models = db.createObjectStore('models', { keyPath: 'id' });
        models.createIndex('created', 'created');
        db.createObjectStore('retrainEvents', { autoIncrement: true });
      }
      if (oldVersion < 2) db.createObjectStore('runHistory', { keyPath: 'id' }).createIndex('created_at', 'created_at');
    },
    // Another tab upgrading the schema: let it, this tab reopens on its next write.
    blocking() {},
  });
}

/**
 * Stores a retrain event and (when given) its model version in ONE transaction: both land or
 * neither does. A model already stored (same id) is kept as it was.
 * @returns the event's key
 */
export async function recordRetrainEvent(db: RegistryDb, event: RetrainLogRow, model: ModelRecord | null): Promise<number> {
  const tx = db.transaction(['retrainEvents', 'models'], 'readwrite');
  const models = tx.objectStore('models');
  if (model && (await models.getKey(model.id)) === undefined) await models.add(model);
  const key = await tx.objectStore('retrainEvents').add(plainRow(event));
  await tx.done;
  return key;
}

/** Stores a model version (an upload) unless one with the same id is there. */
export async function saveModelVersion(db: RegistryDb, model: ModelRecord): Promise<void> {
  const tx = db.transaction('models', 'readwrite');
  if ((await tx.store.getKey(model.id)) === undefined) await tx.store.add(model);
  await tx.done;
}

/** Every retrain event, oldest first, with its key. */
export async function listRetrainEvents(db: RegistryDb): Promise<RetrainEventRecord[]> {
  const tx = db.transaction('retrainEvents', 'readonly');
  const out: RetrainEventRecord[] = [];
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue())
    out.push({ ...currentFamilyRow(cursor.value), key: cursor.key });
  await tx.done;
  return out;
}

/** Model versions without their bytes (for listing), newest first. */
export async function listModelVersions(db: RegistryDb): Promise<Omit<ModelRecord, 'bytes'>[]> {
  const all = await db.getAll('models');
  return all.map(({ bytes: _bytes, ...rest }) => rest).sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0));
}

export function getModelVersion(db: RegistryDb, id: string): Promise<ModelRecord | undefined> {
  return db.get('models', id);
}

/**
 * Adds imported log rows in ONE transaction, skipping rows equal (in every column) to a stored one
 * or to an earlier row of the import.
 * @returns how many were added and skipped
 */
export async function importRetrainEvents(db: RegistryDb, rows: readonly RetrainLogRow[]): Promise<{ added: number; skipped: number }> {
  const tx = db.transaction('retrainEvents', 'readwrite');
  const seen = new Set((await tx.store.getAll()).map(rowIdentity));
  let added = 0;
  for (const row of rows) {
    const id = rowIdentity(row);
    if (seen.has(id)) continue;
    seen.add(id);
    await tx.store.add(plainRow(row));
    added++;
  }
  await tx.done;
  return { added, skipped: rows.length - added };
}

/** Deletes every retrain event and every model version (one transaction). */
export async function clearRegistry(db: RegistryDb): Promise<void> {
  const tx = db.transaction(['retrainEvents', 'models'], 'readwrite');
  await Promise.all([tx.objectStore('retrainEvents').clear(), tx.objectStore('models').clear(), tx.done]);
}

/** A row's identity for de-duplication: its columns in a fixed order. */
export function rowIdentity(row: RetrainLogRow): string {
  return JSON.stringify(
    Object.keys(plainRow(row))
      .sort()
      .map((k) => (row as unknown as Record<string, unknown>)[k]),
  );
}

/** Only the log's columns (drops a store key or extra fields), drifted_features copied. */
function plainRow(row: RetrainLogRow): RetrainLogRow {
  const out: Record<string, unknown> = {};
  for (const k of RETRAIN_LOG_COLUMNS) out[k] = k === 'drifted_features' ? [...row[k]] : row[k];
  return out as unknown as RetrainLogRow;
}
