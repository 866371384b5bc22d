/**
 * Runs chart renders one per task, in order. Every chart's effect waits on the same Plotly import, so
 * without this all charts of a result render in one microtask checkpoint: one main-thread task of
 * ~590 ms on the 1M-row bench pair (Plotly's label measuring and auto-margins, ~200 ms per chart),
 * where a task per chart lets input and painting in between.
 */
let queue: Promise<unknown> = Promise.resolve();

export function inTurn<T>(job: () => Promise<T> | T): Promise<T> {
  const run = queue.then(() => new Promise<void>((resolve) => setTimeout(resolve, 0))).then(job);
  queue = run.catch(() => undefined);
  return run;
}
