/**
 * Relative file paths in a config file mean "relative to the config file's folder", not to the
 * working folder of whoever runs it. The join function is passed in so core stays free of node:path.
 */
import { CONFIG_SPEC, isLeafSpec } from './configSpec.ts';
import type { Config } from './types.ts';

/**
 * @param cfg        a validated config
 * @param configDir  the folder of the config file
 * @param join       e.g. node's `path.resolve` or `path.join`
 * @returns a new Config whose relative path keys (data.reference_path, data.production_path,
 *          model.path, retraining.save_path, output.*_path) are joined onto configDir;
 *          absolute paths and nulls are kept
 */
export function resolveConfigPaths(cfg: Readonly<Config>, configDir: string, join: (dir: string, path: string) => string): Config {
  const result = structuredClone(cfg) as Config;
  for (const [sectionName, section] of Object.entries(CONFIG_SPEC)) {
    const values = (result as unknown as Record<string, Record<string, unknown>>)[sectionName];
    for (const [key, spec] of Object.entries(section as object)) {
      const value = values[key];
      if (isLeafSpec(spec) && spec.kind === 'string' && spec.path && typeof value === 'string' && value !== '' && !isAbsolutePath(value)) {
        values[key] = join(configDir, value);
      }
    }
  }
  return result;
}

/** POSIX `/x`, Windows `C:\x`, `C:/x` and `\\server\share`. */
export function isAbsolutePath(path: string): boolean {
  return /^(?:[\\/]|[A-Za-z]:[\\/])/.test(path);
}
