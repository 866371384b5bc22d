/**
 * The inputs' names, sizes and SHA-256 for the HTML report: each file streamed through node:crypto
 * (memory bounded whatever its size), named by its base name (the folders of the machine stay private,
 * and the dashboard, which has no paths, names them the same way).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { InputFileInfo } from '../core/htmlReport/types.ts';
import { InputError } from '../core/errors.ts';
import { describeFsError } from './loadConfigFile.ts';

/** `known`: the size and hash the run already computed for this file (a CSV streamed into a profile). */
export async function inputFileInfo(role: string, path: string, known?: { size: number; sha256: string }): Promise<InputFileInfo> {
  if (known) return { role, name: basename(path), ...known };
  try {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    return { role, name: basename(path), size: (await stat(path)).size, sha256: hash.digest('hex') };
  } catch (e) {
    throw new InputError(`cannot read ${role} ${path} to hash it for the HTML report: ${describeFsError(e)}`);
  }
}
