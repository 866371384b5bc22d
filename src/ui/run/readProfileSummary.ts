/**
 * What the page shows of a chosen `*.profile`, read in a short-lived worker (profileInfo.worker.ts), so
 * decoding a large profile never blocks the page. Rejects with the decoder's InputError for a damaged
 * file.
 */
import * as Comlink from 'comlink';
import type { ProfileInfoWorkerApi, ProfileSummary } from '../../workers/profileInfo.worker.ts';

export async function readProfileSummary(data: Blob, name: string): Promise<ProfileSummary> {
  const worker = new Worker(new URL('../../workers/profileInfo.worker.ts', import.meta.url), { type: 'module', name: `profile ${name}` });
  const failed = new Promise<never>((_, reject) =>
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      reject(new Error(`the profile reader failed: ${e.message || 'it could not be loaded'}`));
    }),
  );
  try {
    return await Promise.race([Comlink.wrap<ProfileInfoWorkerApi>(worker).summary(data, name), failed]);
  } finally {
    worker.terminate();
  }
}
