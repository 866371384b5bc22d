/**
 * The saved reference profiles of this browser (src/ui/store/profileDb.ts): the list the Inputs panel
 * shows, saving one after a run, deleting and reading one back to run against or to export. A storage
 * failure (a full disk, private browsing) is one line in `error`; what was stored before stays.
 */
import {
  deleteProfile,
  getProfileBytes,
  listProfiles,
  openProfileDb,
  putProfile,
  type ProfileDb,
  type ProfileListing,
} from '../store/profileDb.ts';
import { storageErrorMessage } from '../store/storageErrorMessage.ts';

/** What a saved profile records besides its bytes and the name the user gave it. */
export type ProfileFacts = Omit<ProfileListing, 'id' | 'name' | 'saved' | 'profileSize'>;

const FREE = 'delete saved profiles you no longer need, or clear site data';

export class SavedProfiles {
  list = $state.raw<ProfileListing[]>([]);
  /** One line: the last storage failure (cleared by the next action). */
  error = $state<string | null>(null);
  /** One line: what the last action did. */
  message = $state<string | null>(null);
  busy = $state(false);
  /** Whether `error` / `message` are about a save (shown by the Save button) or the list's own actions. */
  lastAction = $state<'save' | 'list'>('list');
  #db: Promise<ProfileDb> | null = null;
  readonly #dbName: string | undefined;

  constructor(dbName?: string) {
    this.#dbName = dbName;
  }

  #open(): Promise<ProfileDb> {
    this.#db ??= openProfileDb(this.#dbName).catch((e) => {
      this.#db = null;
      throw e;
    });
    return this.#db;
  }

  async refresh(): Promise<void> {
    try {
      this.list = await listProfiles(await this.#open());
    } catch (e) {
      // A save's own message stays in place; the list's failure is the news now.
      this.lastAction = 'list';
      this.error = storageErrorMessage(e, 'the saved profiles', FREE);
    }
  }

  /** Stores a profile under `name`; true when it was stored. */
  async save(name: string, bytes: Uint8Array, facts: ProfileFacts): Promise<boolean> {
    this.lastAction = 'save';
    this.error = null;
    this.message = null;
    this.busy = true;
    try {
      await putProfile(await this.#open(), {
        ...facts,
        id: newId(),
        name,
        // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throwaway Date read once as a string; nothing reactive holds it
        saved: new Date().toISOString(),
        profileSize: bytes.byteLength,
        bytes,
      });
      this.message = `Saved the reference profile “${name}” in this browser.`;
      return true;
    } catch (e) {
      this.error = storageErrorMessage(e, `the reference profile “${name}”`, FREE);
      return false;
    } finally {
      this.busy = false;
      await this.refresh();
    }
  }

  async remove(id: string): Promise<void> {
    this.lastAction = 'list';
    this.error = null;
    this.message = null;
    const name = this.list.find((p) => p.id === id)?.name ?? 'the profile';
    try {
      await deleteProfile(await this.#open(), id);
      this.message = `Deleted the saved profile “${name}”.`;
    } catch (e) {
      this.error = storageErrorMessage(e, 'the saved profiles', FREE);
    }
    await this.refresh();
  }

  /** The bytes of a saved profile; null (with `error` set) when they cannot be read. */
  async bytes(id: string): Promise<Uint8Array | null> {
    this.lastAction = 'list';
    this.error = null;
    this.message = null;
    try {
      const bytes = await getProfileBytes(await this.#open(), id);
      if (!bytes) this.error = 'That saved profile is gone (deleted in another tab?); choose another one.';
      return bytes ?? null;
    } catch (e) {
      this.error = storageErrorMessage(e, 'the saved profiles', FREE);
      return null;
    }
  }
}

/** A store key: random, so two tabs saving at once never collide. */
function newId(): string {
  const rnd = crypto.getRandomValues(new Uint32Array(2));
  return `${new Date().getTime().toString(36)}-${rnd[0].toString(36)}${rnd[1].toString(36)}`;
}
