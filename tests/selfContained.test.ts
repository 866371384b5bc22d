/**
 * The test suite reads nothing outside the repository: no test, test helper, source file or script a
 * test imports names the sibling shared/ folder, a home or work directory, or the variable that points
 * the fixture cutter at the raw datasets. Real data comes from tests/fixtures/real (scripts/real-pairs.mjs).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CODE = /\.(ts|mts|mjs|js|svelte)$/;
// Built from pieces so this file does not match itself.
const FORBIDDEN = [
  ['..', 'shared'].join('/'),
  ['', 'home', ''].join('/'),
  ['', 'work', ''].join('/'),
  ['', 'root', ''].join('/'),
  ['DRIFT', 'DATASETS'].join('_'),
];

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (entry === 'node_modules' || path === join(ROOT, 'tests/fixtures')) continue;
    if (statSync(path).isDirectory()) walk(path, out);
    else if (CODE.test(entry)) out.push(path);
  }
  return out;
}

/** The scripts/ files reachable from the given files through relative imports. */
function importedScripts(files: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...files];
  while (queue.length) {
    const file = queue.pop()!;
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = resolve(dirname(file), m[1]);
      if (target.startsWith(join(ROOT, 'scripts')) && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [...seen];
}

describe('the test suite is self-contained', () => {
  const files = [...walk(join(ROOT, 'tests')), ...walk(join(ROOT, 'src')), ...walk(join(ROOT, 'bin'))];
  const scripts = importedScripts(files);

  it('finds the scripts the tests import (the dashboard server at least)', () => {
    expect(scripts.map((s) => relative(ROOT, s))).toContain('scripts/serve.mjs');
  });

  it('no test, helper, source file or imported script names a path outside the repository', () => {
    const hits: string[] = [];
    for (const file of [...files, ...scripts]) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const word of FORBIDDEN) if (line.includes(word)) hits.push(`${relative(ROOT, file)}:${i + 1}: ${word}`);
      });
    }
    expect(hits).toEqual([]);
  });
});
