#!/usr/bin/env node
/**
 * A tiny static server for the built dashboard: serves a folder (default dist/) under a sub-path
 * (default /drift-monitor/), the way GitHub Pages serves a project site, with correct MIME types
 * (application/wasm included, for WebAssembly.instantiateStreaming). No dependencies.
 *
 *   node scripts/serve.mjs [dir] [--base /drift-monitor/]     PORT=4173 by default
 *
 * Tests import startServer(dir, base, port) and get the URL back; port 0 picks a free port.
 */
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.onnx': 'application/octet-stream',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves `dir` under `base` (leading and trailing slash added when missing). `/base` redirects to
 * `/base/`; directories serve their index.html; anything outside `base` is a 404.
 * @returns the server, its URL (with the trailing slash) and close()
 */
export async function startServer(dir = 'dist', base = '/drift-monitor/', port = 0, host = '127.0.0.1') {
  const root = resolve(dir);
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (path === prefix.slice(0, -1)) {
        res.writeHead(301, { Location: prefix }).end();
        return;
      }
      if (!path.startsWith(prefix) || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      let file = normalize(join(root, path.slice(prefix.length)));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(400).end();
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const address = server.address();
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}${prefix}`;
  return {
    server,
    url,
    close: () => new Promise((ok) => server.close(() => ok(undefined))),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const baseAt = args.indexOf('--base');
  const base = baseAt >= 0 ? args[baseAt + 1] : '/drift-monitor/';
  const dir = args.find((a, i) => !a.startsWith('--') && i !== baseAt + 1) ?? 'dist';
  const port = Number(process.env.PORT ?? 4173);
  const { url } = await startServer(dir, base, port, process.env.HOST ?? '127.0.0.1');
  console.log(`Drift Monitor dashboard: ${url}`);
}
