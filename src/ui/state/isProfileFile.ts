import { PROFILE_MAGIC } from '../../core/profile/profileFile.ts';

/**
 * Whether a chosen file is a `*.profile` file: its first bytes are the format's magic ("DMPROFIL"),
 * whatever its name says (a renamed or extension-less profile still loads as one, and a CSV named
 * x.profile is read as a CSV). Reads only those bytes.
 * @example await isProfileFile(new Blob(['DMPROFIL...'])) // true
 */
export async function isProfileFile(data: Blob): Promise<boolean> {
  const head = new Uint8Array(await data.slice(0, PROFILE_MAGIC.length).arrayBuffer());
  if (head.length < PROFILE_MAGIC.length) return false;
  for (let i = 0; i < head.length; i++) if (head[i] !== PROFILE_MAGIC.charCodeAt(i)) return false;
  return true;
}
