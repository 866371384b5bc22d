/**
 * Where the dashboard's memory is during one run on a bench pair: every ~100 ms the RSS of the tab's
 * renderer (the page and its workers; the renderer that grew) and, per target (the page, each worker by
 * name), its JS heap + ArrayBuffer backing stores in MB (CDP Runtime.getHeapUsage usedSize +
 * backingStorageSize, asked through Target.sendMessageToTarget), from the "Run analysis" click to
 * `--after` ms past the results; then the sample with the highest RSS. Backing stores count allocated,
 * not yet touched, pages too (an array sized ahead from the file size), so they can exceed the RSS.
 *   npm run build && node scripts/mem-browser.mjs [--dir .bench/gen_1000000] [--after 5000]
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { rendererRss } from './bench-browser.mjs';
const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : def);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(opt('dist', join(root, 'dist')));
const dir = resolve(opt('dir', join(root, '.bench', 'gen_1000000')));
const server = await startServer(dist, '/drift-monitor/', 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(server.url);
await page.getByLabel('Reference CSV').setInputFiles(join(dir, 'reference.csv'));
await page.getByLabel('Production CSV').setInputFiles(join(dir, 'production.csv'));
await page.getByTestId('production-file-name').filter({ hasText: 'production.csv' }).waitFor();
await page.waitForLoadState('networkidle');
await page.waitForTimeout(1500);
const cdp = await context.newCDPSession(page);
const targets = new Map(); // sessionId -> name
let nextId = 1;
const pending = new Map();
cdp.on('Target.attachedToTarget', (e) => {
  targets.set(e.sessionId, e.targetInfo.title || e.targetInfo.url.split('/').pop());
});
cdp.on('Target.detachedFromTarget', (e) => targets.delete(e.sessionId));
cdp.on('Target.receivedMessageFromTarget', (e) => {
  const m = JSON.parse(e.message);
  if (m.id && pending.has(m.id)) {
    pending.get(m.id)(m.result ?? null);
    pending.delete(m.id);
  }
});
const ask = (sessionId, method, params = {}) =>
  new Promise((r) => {
    const id = nextId++;
    pending.set(id, r);
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => r(null));
    setTimeout(() => {
      if (pending.has(id)) {
        pending.delete(id);
        r(null);
      }
    }, 2000);
  });
await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
const mb = (x) => (x / 1048576).toFixed(0);
const t0 = Date.now();
let tabPid = null;
let peak = 0;
let peakLine = '';
const idle = rendererRss();
const lines = [];
async function sample(tag = '') {
  const rss = rendererRss();
  let tab = 0;
  for (const [pid, m] of rss)
    if (m - (idle.get(pid) ?? 0) > 50 || pid === tabPid) {
      if (m > tab) {
        tab = m;
        tabPid = pid;
      }
    }
  const page = await cdp.send('Runtime.getHeapUsage').catch(() => null);
  const parts = [`page ${page ? mb(page.usedSize) + '+' + mb(page.backingStorageSize ?? 0) : '?'}`];
  for (const [sid, name] of targets) {
    const u = await ask(sid, 'Runtime.getHeapUsage');
    if (u) parts.push(`${name} ${mb(u.usedSize)}+${mb(u.backingStorageSize ?? 0)}`);
  }
  const line = `${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s rss ${tab.toFixed(0)} | ${parts.join(' | ')} ${tag}`;
  lines.push(line);
  if (tab > peak) {
    peak = tab;
    peakLine = line;
  }
}
const before = Number(await page.locator('main.results').getAttribute('data-run-id'));
let done = false;
const loop = (async () => {
  while (!done) {
    await sample();
    await new Promise((r) => setTimeout(r, 100));
  }
})();
await page.getByRole('button', { name: 'Run analysis' }).click();
await page.waitForFunction((id) => Number(document.querySelector('main.results')?.getAttribute('data-run-id')) > id, before, {
  timeout: 300000,
  polling: 20,
});
lines.push(`-- results at ${((Date.now() - t0) / 1000).toFixed(1)}s`);
await page.waitForTimeout(Number(opt('after', '5000')));
done = true;
await loop;
console.log(lines.join('\n'));
console.log('PEAK', peakLine);
await browser.close();
await server.close();
