/**
 * *.profile files on disk: telling one from a CSV by its first bytes (not its extension), and reading
 * one into a Profile (decodeProfile validates it; every problem is one InputError naming the file).
 */
import { open, readFile, stat } from 'node:fs/promises';
import { InputError } from '../core/errors.ts';
import type { Profile } from '../core/profile/columnProfile.ts';
import { decodeProfile, hasProfileMagic, PROFILE_MAGIC } from '../core/profile/profileFile.ts';
import { describeFsError } from './loadConfigFile.ts';

/** True when the file starts with the profile magic; false when it does not or cannot be read (the CSV reader then says why). */
export async function isProfileFile(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
    const head = new Uint8Array(PROFILE_MAGIC.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return hasProfileMagic(head.subarray(0, bytesRead));
  } catch {
    return false;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Reads and validates a profile; `shown` names it in messages (default: the path as given). */
export async function readProfileFile(path: string, shown = path): Promise<Profile> {
  let bytes: Uint8Array;
  try {
    if ((await stat(path)).isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    bytes = await readFile(path);
  } catch (e) {
    throw new InputError(`cannot read ${shown}: ${describeFsError(e)}`);
  }
  return decodeProfile(bytes, shown);
}
