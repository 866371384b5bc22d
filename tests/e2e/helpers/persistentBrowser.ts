/**
 * Chromium with a user data directory that outlives the browser (playwright-core's
 * launchPersistentContext): close it and launch it again on the same directory, and the page finds
 * what it stored (IndexedDB) as a user would after a restart. The app is served once for the whole
 * file, on one port, so the origin (and with it the storage) stays the same across launches.
 */
import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../../scripts/serve.mjs';
import { DIST, ensureBuilt } from './ensureBuilt.ts';
import { BASE, recordDashboard, type OpenedPage } from './browser.ts';

export interface PersistentSuite {
  readonly url: string;
  readonly origin: string;
  /** The user data directory every launch of this file shares. */
  readonly userDataDir: string;
  /** Launches Chromium on the shared user data directory and opens a recorded dashboard page. */
  launch(): Promise<OpenedPage>;
}

export function usePersistentDashboard(): PersistentSuite {
  let server: { url: string; close(): Promise<void> } | undefined;
  let dir: string | undefined;
  const open: OpenedPage[] = [];
  beforeAll(async () => {
    await ensureBuilt();
    server = await startServer(DIST, BASE, 0);
    dir = mkdtempSync(join(tmpdir(), 'drift-monitor-profile-e2e-'));
  }, 300_000);
  afterAll(async () => {
    for (const p of open) await p.context.close().catch(() => undefined);
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const need = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('usePersistentDashboard: the app starts in beforeAll; use it inside a test');
    return x;
  };
  return {
    get url() {
      return need(server).url;
    },
    get origin() {
      return new URL(need(server).url).origin;
    },
    get userDataDir() {
      return need(dir);
    },
    async launch() {
      // One browser per user data directory: a test that failed before closing its browser leaves it
      // open, so close it here (Chromium refuses a second instance on the same directory).
      for (const p of open.splice(0)) await p.context.close().catch(() => undefined);
      const context = await chromium.launchPersistentContext(need(dir), {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
        viewport: { width: 1280, height: 900 },
        acceptDownloads: true,
      });
      const opened = await recordDashboard(context, need(server).url);
      open.push(opened);
      return opened;
    },
  };
}
