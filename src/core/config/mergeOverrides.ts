/**
 * CLI flags over a loaded config: `--label churn` becomes `{ data: { label_column: 'churn' } }`.
 */
import type { Config } from './types.ts';
import { validateConfig } from './validateConfig.ts';

export type DeepPartial<T> = T extends readonly unknown[] | string | number | boolean | null ? T : { [K in keyof T]?: DeepPartial<T[K]> };

/** A partial config; keys set to undefined are ignored (a flag that was not given). */
export type ConfigOverrides = DeepPartial<Config>;

/**
 * Deep-merges `partial` over `cfg` with the same validation as a config file; lists replace, never
 * concatenate. Paths in `partial` are taken as given (resolve CLI paths against the working folder
 * before calling this).
 * @param source the name errors start with, e.g. "command line"
 * @returns a new Config; `cfg` is not changed
 */
export function mergeOverrides(cfg: Readonly<Config>, partial: ConfigOverrides, source = 'command line'): Config {
  return validateConfig(partial, source, cfg);
}
