/**
 * Builds the dashboard (`npm run build`: wasm kernels + vite) when dist/ is missing or older than any
 * source it is made from. A lock directory keeps parallel test files from building at the same time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('../../../', import.meta.url).pathname;
export const DIST = join(ROOT, 'dist');
const SOURCES = ['src', 'wasm', 'public', 'index.html', 'vite.config.ts', 'svelte.config.js', 'package.json'];
const LOCK = join(ROOT, '.tmp', 'e2e-build.lock');
/** A lock older than this is left over from a crashed run. */
const STALE_LOCK_MS = 10 * 60_000;

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.endsWith('.wasm')) continue; // the wasm is an output of `wasm/`
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function isStale(): boolean {
  const built = join(DIST, 'index.html');
  if (!existsSync(built)) return true;
  const sourceTime = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  return sourceTime > statSync(built).mtimeMs;
}

export async function ensureBuilt(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(join(ROOT, '.tmp'), { recursive: true });
      mkdirSync(LOCK);
      break;
    } catch {
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (isStale()) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe', timeout: 170_000 });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
