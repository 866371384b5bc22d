export type { Config, PValueCorrection, Thresholds } from './types.ts';
export { DEFAULT_CONFIG, defaultConfig } from './defaults.ts';
export { parseConfig } from './loadConfig.ts';
export { validateConfig } from './validateConfig.ts';
export { mergeOverrides } from './mergeOverrides.ts';
export type { ConfigOverrides, DeepPartial } from './mergeOverrides.ts';
export { resolveConfigPaths, isAbsolutePath } from './resolveConfigPaths.ts';
export { CONFIG_SPEC, configKeys } from './configSpec.ts';
