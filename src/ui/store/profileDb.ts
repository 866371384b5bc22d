/**
 * Saved reference profiles in the browser: their own small IndexedDB database (via idb), apart from the
 * model registry, so neither schema has to move for the other.
 *
 * - `profiles`: what the list shows (name, dates, rows, columns, the source's hash and size), small;
 * - `profileBytes`: the `*.profile` file bytes under the same id, read only to run or export one.
 *
 * The list never loads the bytes (an exact profile of a large reference is tens of MB). Saving and
 * deleting touch both stores in ONE readwrite transaction: a full disk or a reload mid-write aborts
 * that transaction only, and every profile stored earlier stays as it was.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export const PROFILE_DB = 'drift-monitor-profiles';
export const PROFILE_DB_VERSION = 1;

/** One saved profile as listed (no bytes). */
export interface ProfileListing {
  /** Store key: generated when saved (two saves of the same file are two entries). */
  id: string;
  /** Given by the user (defaults to the source file's name); untrusted text, shown as text only. */
  name: string;
  /** ISO 8601 time it was saved. */
  saved: string;
  /** ISO 8601 time the profile was made (the file's own created time). */
  created: string;
  /** The CSV the profile summarises. */
  file: string;
  rows: number;
  columns: number;
  /** SHA-256 (hex) of the source CSV's bytes; null when the profile does not record it. */
  sha256: string | null;
  /** Bytes of the source CSV. */
  size: number;
  /** Bytes of the profile file. */
  profileSize: number;
}

export interface ProfileRecord extends ProfileListing {
  bytes: Uint8Array;
}

interface ProfileSchema extends DBSchema {
  profiles: { key: string; value: ProfileListing; indexes: { saved: string } };
  profileBytes: { key: string; value: { id: string; bytes: Uint8Array } };
}

export type ProfileDb = IDBPDatabase<ProfileSchema>;

/** Opens (creating on first use) the saved-profiles database. */
export function openProfileDb(name = PROFILE_DB): Promise<ProfileDb> {
  return openDB<ProfileSchema>(name, PROFILE_DB_VERSION, {
    upgrade(db) {
      const profiles = db.createObjectStore('profiles', { keyPath: 'id' });
      profiles.createIndex('saved', 'saved');
      db.createObjectStore('profileBytes', { keyPath: 'id' });
    },
    // Another tab upgrading the schema: let it, this tab reopens on its next use.
    blocking() {},
  });
}

/** Stores a profile and its bytes in ONE transaction (both land or neither does). */
export async function putProfile(db: ProfileDb, record: ProfileRecord): Promise<void> {
  const { bytes, ...listing } = record;
  const tx = db.transaction(['profiles', 'profileBytes'], 'readwrite');
  await Promise.all([
    tx.objectStore('profileBytes').put({ id: record.id, bytes }),
    tx.objectStore('profiles').put(plainListing(listing)),
    tx.done,
  ]);
}

/** Every saved profile without its bytes, newest first. */
export async function listProfiles(db: ProfileDb): Promise<ProfileListing[]> {
  const all = await db.getAll('profiles');
  return all.sort((a, b) => (a.saved < b.saved ? 1 : a.saved > b.saved ? -1 : a.id < b.id ? 1 : -1));
}

/** The profile file bytes of a saved profile (undefined when it was deleted meanwhile). */
export async function getProfileBytes(db: ProfileDb, id: string): Promise<Uint8Array | undefined> {
  return (await db.get('profileBytes', id))?.bytes;
}

/** Deletes a saved profile and its bytes (one transaction). */
export async function deleteProfile(db: ProfileDb, id: string): Promise<void> {
  const tx = db.transaction(['profiles', 'profileBytes'], 'readwrite');
  await Promise.all([tx.objectStore('profiles').delete(id), tx.objectStore('profileBytes').delete(id), tx.done]);
}

/** Only the listing's fields, so nothing else a caller attached is stored. */
function plainListing(l: ProfileListing): ProfileListing {
  return {
    id: l.id,
    name: l.name,
    saved: l.saved,
    created: l.created,
    file: l.file,
    rows: l.rows,
    columns: l.columns,
    sha256: l.sha256,
    size: l.size,
    profileSize: l.profileSize,
  };
}
