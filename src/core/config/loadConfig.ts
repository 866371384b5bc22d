/**
 * YAML text -> validated Config. Parsed with the `yaml` package (YAML 1.2 core schema: no custom
 * tags, no `<<` merge keys, unique keys, at most 100 aliases), then checked by validateConfig.
 */
import { LineCounter, parseDocument } from 'yaml';
import { InputError } from '../errors.ts';
import type { Config } from './types.ts';
import { validateConfig } from './validateConfig.ts';

/**
 * @param yamlText  the file's text (an empty file or one with only comments gives the defaults)
 * @param source    the file name shown at the start of every error message
 * @throws InputError `<source>: invalid YAML at line L, column C: <reason>`, or a validation error
 * @example parseConfig('thresholds:\n  psi: 0.25\n', 'config.yaml').thresholds.psi // 0.25
 */
export function parseConfig(yamlText: string, source: string): Config {
  return validateConfig(parseYaml(yamlText, source), source);
}

function parseYaml(yamlText: string, source: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, {
    lineCounter,
    prettyErrors: false,
    schema: 'core',
    customTags: [],
    merge: false,
    uniqueKeys: true,
    strict: true,
  });
  // Warnings (an unresolved tag such as `!!python/object`) are errors here: a config is read strictly.
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const { line, col } = lineCounter.linePos(problem.pos[0]);
    const reason = problem.message.split('\n')[0].replace(/:$/, '');
    throw new InputError(`${source}: invalid YAML at line ${line}, column ${col}: ${reason}`);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new InputError(`${source}: invalid YAML: ${(e as Error).message}`);
  }
}

// The config API front ends need, from one module (src/node/ and src/ui/ import these from here).
export { mergeOverrides } from './mergeOverrides.ts';
export { resolveConfigPaths } from './resolveConfigPaths.ts';
