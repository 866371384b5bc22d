import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { alertText, postWebhook } from '../../src/node/postWebhook.ts';
import { historyId } from '../../src/core/windows/history.ts';
import type { HistoryEntry } from '../../src/core/windows/types.ts';
import { DEFAULT_CONFIG } from '../../src/core/config/defaults.ts';

const base = {
  history_version: 1 as const,
  created_at: '2026-01-01T00:00:00.000Z',
  tool_version: '0.0.0',
  reference: { file: 'ref.csv', rows: 10, profile_id: null, sha256: null },
  production: { files: [{ file: 'prod <b>&.csv', sha256: null, rows: 5 }], rows: 5 },
  thresholds: DEFAULT_CONFIG.thresholds,
  verdict: {
    overall_drift: true,
    drifted_fraction: 0.5,
    drifted_features: ['x', 'y'],
    reasons: ['psi' as const],
    first_drift: '2024-03-04',
  },
  scores: { x: { drift_score: 0.4, psi: 0.3, drifted: true } },
  windows: [],
};
const entry: HistoryEntry = { ...base, id: historyId(base) };

let server: Server | null = null;
afterEach(async () => {
  if (server) await new Promise((r) => server!.close(r));
  server = null;
});

/** A server on 127.0.0.1 answering each request with `answer(requestNumber)`; returns its URL and the bodies seen. */
async function serve(answer: (n: number, res: ServerResponse) => void): Promise<{ url: string; bodies: string[] }> {
  const bodies: string[] = [];
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      bodies.push(body);
      answer(bodies.length, res);
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook/secret-token`, bodies };
}

const fast = { backoffMs: 10 };

describe('postWebhook', () => {
  it('posts a Slack-style text line and the summary as JSON', async () => {
    const { url, bodies } = await serve((_, res) => res.writeHead(200).end('ok'));
    expect(await postWebhook(url, entry, fast)).toEqual({ ok: true, attempts: 1, error: null });
    const got = JSON.parse(bodies[0]);
    expect(got.text).toBe(alertText(entry));
    expect(got.text).toContain('drift detected since 2024-03-04 in prod &lt;b&gt;&amp;.csv: 2 feature(s) drifted (x, y)');
    expect(got.summary).toEqual(entry);
  });

  it('retries a 500 three times with back-off, then gives up with the status', async () => {
    const { url, bodies } = await serve((_, res) => res.writeHead(500).end());
    const out = await postWebhook(url, entry, fast);
    expect(out).toEqual({ ok: false, attempts: 4, error: 'HTTP 500' });
    expect(bodies).toHaveLength(4);
  });

  it('succeeds on a retry after 500s', async () => {
    const { url, bodies } = await serve((n, res) => res.writeHead(n < 3 ? 503 : 204).end());
    expect(await postWebhook(url, entry, fast)).toEqual({ ok: true, attempts: 3, error: null });
    expect(bodies).toHaveLength(3);
  });

  it('times out a slow server on each attempt', async () => {
    const { url } = await serve((_, res) => setTimeout(() => res.writeHead(200).end(), 1500));
    const out = await postWebhook(url, entry, { timeoutMs: 200, retries: 1, backoffMs: 10 });
    expect(out).toEqual({ ok: false, attempts: 2, error: 'no answer within 0.2 s' });
  });

  it('reports a refused connection', async () => {
    const { url } = await serve((_, res) => res.end());
    await new Promise((r) => server!.close(r));
    server = null;
    expect(await postWebhook(url, entry, fast)).toEqual({ ok: false, attempts: 4, error: 'ECONNREFUSED' });
  });
});
