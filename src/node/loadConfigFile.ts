import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Config } from '../core/config/types.ts';
import { InputError } from '../core/errors.ts';
import { parseConfig, resolveConfigPaths } from '../core/config/loadConfig.ts';

/** Read and validate a YAML config file; relative paths in it resolve against its folder. */
export async function loadConfigFile(path: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read config ${path}: ${describeFsError(e)}`);
  }
  const config = parseConfig(text, path);
  return resolveConfigPaths(config, dirname(resolve(path)), resolve);
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'file not found; check the path';
  if (code === 'EISDIR') return 'it is a folder, not a file; pass a file path';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied; check the file permissions';
  return (e as Error)?.message ?? String(e);
}
