/**
 * Marks a step of a run on this thread's performance timeline (a User Timing mark named `dm:` + step),
 * so scripts/timeline-browser.mjs can place it in a Chromium trace next to every thread's busy time: when
 * each worker started and ended parsing, posting, typing, the tests. A handful per run; the marks are
 * cleared with the next run's first one so the timeline buffer does not grow across runs.
 */
export function runMark(step: string, first = false): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  if (first) performance.clearMarks();
  performance.mark(`dm:${step}`);
}
