/**
 * The drift alert (CLI only; the dashboard never sends anything): a JSON POST with a Slack-style `text`
 * line and the run summary. Each attempt times out after 10 s; a failed attempt (network error, time-out,
 * a status outside 2xx) is retried three times after 0.5, 1 and 2 s. The outcome is returned, never
 * thrown: an alert that cannot be delivered is a warning, not a failed run.
 */
import type { HistoryEntry } from '../core/windows/types.ts';

export interface WebhookOptions {
  timeoutMs?: number;
  retries?: number;
  /** The first back-off; doubled after each retry. */
  backoffMs?: number;
}

export interface WebhookOutcome {
  ok: boolean;
  attempts: number;
  /** The last failure, one line; null when delivered. */
  error: string | null;
}

/** Slack's mrkdwn control characters in text taken from files (names, labels). */
function slackEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The alert's one-line `text`. */
export function alertText(entry: HistoryEntry): string {
  const files = entry.production.files.map((f) => f.file).join(', ');
  const drifted = entry.verdict.drifted_features;
  const since = entry.verdict.first_drift !== null ? ` since ${entry.verdict.first_drift}` : '';
  return slackEscape(
    `Drift Monitor: drift detected${since} in ${files}: ${drifted.length} feature(s) drifted (${drifted.slice(0, 5).join(', ')}${drifted.length > 5 ? ', ...' : ''}); rules: ${entry.verdict.reasons.join(', ') || 'none'}`,
  );
}

export async function postWebhook(url: string, entry: HistoryEntry, options: WebhookOptions = {}): Promise<WebhookOutcome> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retries ?? 3;
  let backoff = options.backoffMs ?? 500;
  const body = JSON.stringify({ text: alertText(entry), summary: entry });
  let error = '';
  for (let attempt = 1; attempt <= retries + 1; attempt++) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return { ok: true, attempts: attempt, error: null };
      error = `HTTP ${res.status}`;
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      error = err.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (err.cause?.code ?? err.message);
    }
    if (attempt <= retries) {
      await new Promise((r) => setTimeout(r, backoff));
      backoff *= 2;
    }
  }
  return { ok: false, attempts: retries + 1, error };
}
