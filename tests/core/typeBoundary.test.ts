import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const tscBin = join(root, 'node_modules/typescript/bin/tsc');

function tsc(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [tscBin, ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

/** Repository-relative paths of the files a tsconfig's program reads (its includes and everything they pull in). */
function programFiles(tsconfig: string): string[] {
  const r = tsc('-p', tsconfig, '--listFilesOnly');
  expect(r.status, r.out).toBe(0);
  return r.out
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => relative(root, l.trim()).replaceAll('\\', '/'));
}

const isDomLib = (f: string) => /typescript\/lib\/lib\.(dom|webworker)[.\w]*\.d\.ts$/.test(f);
const isNodeTypes = (f: string) => f.startsWith('node_modules/@types/node/');

describe('type boundary of the pure core (src/core/tsconfig.json)', () => {
  it('rejects browser and Node APIs: every marked line of the negative fixture fails, and only those', () => {
    const fixture = 'tests/fixtures/coreBoundary/usesRuntimeApis.ts';
    const expected = new Map<number, string>();
    readFileSync(join(root, fixture), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const m = /\/\/ expect: (\S+)/.exec(line);
        if (m) expected.set(i + 1, m[1]);
      });
    expect(expected.size).toBe(6);

    const r = tsc('-p', 'tests/fixtures/coreBoundary/tsconfig.json');
    expect(r.status).not.toBe(0);
    const failed = new Map<number, string>();
    for (const m of r.out.matchAll(/usesRuntimeApis\.ts\((\d+),\d+\): error (TS\d+: .*)/g)) failed.set(Number(m[1]), m[2]);
    expect([...failed.keys()].sort((a, b) => a - b)).toEqual([...expected.keys()]);
    for (const [line, name] of expected) expect(failed.get(line)).toContain(`'${name}'`);
  });

  it('covers every .ts file under src/core and reads no DOM lib and no @types/node', () => {
    const files = programFiles('src/core/tsconfig.json');
    const coreTs = readdirSync(join(root, 'src/core'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `src/core/${f.replaceAll('\\', '/')}`);
    expect(coreTs.length).toBeGreaterThan(100);
    expect(coreTs.filter((f) => !files.includes(f))).toEqual([]);
    expect(files.filter((f) => isDomLib(f) || isNodeTypes(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith('src/') && !f.startsWith('src/core/'))).toEqual([]);
  });
});

describe('type boundaries of the two front doors', () => {
  it('the browser side (tsconfig.json: src/ui, src/workers) reads no @types/node', () => {
    const files = programFiles('tsconfig.json');
    expect(files.some((f) => f.startsWith('src/workers/'))).toBe(true);
    expect(files.some(isDomLib)).toBe(true);
    expect(files.filter(isNodeTypes)).toEqual([]);
  });

  it('the Node side (tsconfig.node.json: src/cli, src/node) reads no DOM lib', () => {
    const files = programFiles('tsconfig.node.json');
    expect(files).toContain('src/cli/main.ts');
    expect(files.some(isNodeTypes)).toBe(true);
    expect(files.filter(isDomLib)).toEqual([]);
  });

  it('the tests (tests/tsconfig.json) check the shared code against the full @types/papaparse, not the subset', () => {
    const files = programFiles('tests/tsconfig.json');
    expect(files).toContain('node_modules/@types/papaparse/index.d.ts');
    expect(files).not.toContain('src/core/table/papaparseTypes.d.ts');
  });
});
