/**
 * Headless Chromium (Debian's, via playwright-core) against the built dashboard served from a sub-path.
 */
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer } from '../../../scripts/serve.mjs';
import { DIST, ensureBuilt } from './ensureBuilt.ts';

export const BASE = '/drift-monitor/';

export interface App {
  browser: Browser;
  /** The dashboard's URL, e.g. http://127.0.0.1:40123/drift-monitor/ */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** Builds dist/ if stale, serves it under /drift-monitor/ on a free port and launches Chromium. */
export async function startApp(): Promise<App> {
  await ensureBuilt();
  const server = await startServer(DIST, BASE, 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  return {
    browser,
    url: server.url,
    origin: new URL(server.url).origin,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Every request the page and its workers made, in order. */
  requests: string[];
  /** Messages of every dialog (alert/confirm/prompt) that opened; each is dismissed. */
  dialogs: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
}

/**
 * A fresh context and page on the dashboard, recording requests, dialogs and errors, with a counter of
 * messages posted to workers (window.__workerMessages), of workers created (window.__workersCreated) and
 * the Content Security Policy violations of the page (window.__cspViolations).
 */
export async function openDashboard(app: App, viewport = { width: 1280, height: 900 }): Promise<OpenedPage> {
  const context = await app.browser.newContext({ viewport, acceptDownloads: true });
  return recordDashboard(context, app.url);
}

/** openDashboard's recording on a given context (e.g. a persistent one, see persistentBrowser.ts). */
export async function recordDashboard(context: BrowserContext, url: string): Promise<OpenedPage> {
  const requests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.addInitScript(() => {
    const w = window as unknown as { __workerMessages: number; __workersCreated: number; __cspViolations: string[] };
    w.__workerMessages = 0;
    w.__workersCreated = 0;
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    const post = Worker.prototype.postMessage as (this: Worker, ...args: unknown[]) => void;
    (Worker.prototype as unknown as { postMessage: (...args: unknown[]) => void }).postMessage = function (
      this: Worker,
      ...args: unknown[]
    ) {
      w.__workerMessages++;
      return post.apply(this, args);
    };
    const NativeWorker = window.Worker;
    window.Worker = class extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        w.__workersCreated++;
      }
    };
  });
  const page = await context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  return { context, page, requests, dialogs, errors };
}

/** Requests that went anywhere but the app's own origin (blob: and data: URLs stay in the page). */
export function offOrigin(requests: readonly string[], origin: string): string[] {
  return requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
}

/**
 * The usual suite setup: serve the app and launch Chromium before the file's tests, close every page
 * they opened and the app after them. `open()` opens a recorded dashboard page (openDashboard).
 */
export function useDashboard(): { readonly app: App; open(): Promise<OpenedPage> } {
  let app: App | undefined;
  const pages: OpenedPage[] = [];
  beforeAll(async () => {
    app = await startApp();
  }, 300_000);
  afterAll(async () => {
    for (const p of pages) await p.context.close();
    await app?.close();
  });
  return {
    get app() {
      if (!app) throw new Error('useDashboard: the app starts in beforeAll; use it inside a test');
      return app;
    },
    async open() {
      const p = await openDashboard(this.app);
      pages.push(p);
      return p;
    },
  };
}
