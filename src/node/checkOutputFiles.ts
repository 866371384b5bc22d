/**
 * Refuses, before any work, a run whose outputs would overwrite one of its inputs or each other,
 * or could not be written: one InputError naming both files and what to do.
 */
import { constants } from 'node:fs';
import { access, realpath } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError } from '../core/errors.ts';
import { describeFsError } from './loadConfigFile.ts';
import type { InputFile, OutputFile } from './outputFiles.ts';
import { pathIdentity, sameIdentity, type PathIdentity } from './pathIdentity.ts';

export async function checkOutputFiles(inputs: readonly InputFile[], outputs: readonly OutputFile[]): Promise<void> {
  const cache = new Map<string, Promise<boolean>>();
  const identify = async (f: { role: string; shown: string; path: string }) => {
    try {
      return await pathIdentity(f.path, cache);
    } catch (e) {
      // e.g. EACCES on a folder on the way: say which file, not a stack trace.
      throw new InputError(`cannot check ${f.role} ${f.shown}: ${describeFsError(e)}`);
    }
  };
  const inIds = await Promise.all(inputs.map(identify));
  const outIds = await Promise.all(outputs.map(identify));
  outputs.forEach((out, i) => {
    inputs.forEach((inp, j) => {
      if (sameIdentity(outIds[i], inIds[j])) throw clash(out, inp);
    });
    for (let k = 0; k < i; k++) {
      if (sameIdentity(outIds[i], outIds[k])) throw clash(out, outputs[k]);
    }
  });
  for (let i = 0; i < outputs.length; i++) {
    await checkWritable(outputs[i], outIds[i]);
    if (outIds[i].exists) await outputs[i].check?.(outputs[i].path);
  }
}

function clash(out: OutputFile, other: { role: string; shown: string }): InputError {
  return new InputError(`${out.role} ${out.shown} is the same file as ${other.role} (${other.shown}); choose another output path`);
}

/** The output can be created or replaced: not a folder, and its (nearest existing) folder is writable. */
async function checkWritable(out: OutputFile, id: PathIdentity): Promise<void> {
  const what = `${out.role} ${out.shown}`;
  let folder: string;
  if (id.exists) {
    if (id.stats.isDirectory()) throw new InputError(`${what} is a folder; choose another output path (a file name)`);
    // An existing output is replaced by a rename in the folder of its real path (symlinks followed).
    folder = dirname(await realpath(out.path));
  } else {
    if (!id.stats.isDirectory())
      throw new InputError(`cannot write ${what}: ${id.existing} is a file, not a folder; choose another output path`);
    folder = id.existing;
  }
  try {
    await access(folder, constants.W_OK | constants.X_OK);
  } catch {
    throw new InputError(
      `cannot write ${what}: no permission to create files in ${folder}; fix its permissions or choose another output path`,
    );
  }
}
