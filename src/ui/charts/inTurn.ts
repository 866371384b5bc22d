/**
 * Runs chart renders one per task, after a frame, charts in view first. Every chart's effect waits on
 * the same Plotly import, so without this all charts of a result render in one microtask checkpoint:
 * one main-thread task of ~590 ms on the 1M-row bench pair. One chart per task, each after the page
 * has been laid out and painted (so a chart's first measurement does not lay out the whole new page
 * inside its own task), lets input and painting in between. A chart in or near the viewport goes
 * first; the others wait until the page is idle, so the ones the user looks at appear first and the
 * rest never crowd out input.
 */

/** The name of the performance measure each chart render leaves. */
export const CHART_MEASURE = 'drift-monitor chart';

interface Job {
  run: () => Promise<void>;
  el: Element | null;
}

const pending: Job[] = [];
/** Elements of pending jobs in or near the viewport (IntersectionObserver, 300 px ahead). */
const visible = new WeakSet<Element>();
let observer: IntersectionObserver | null = null;
let draining = false;

function observe(el: Element): void {
  if (typeof IntersectionObserver === 'undefined') {
    visible.add(el);
    return;
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (e.isIntersecting) visible.add(e.target);
        else visible.delete(e.target);
      }
    },
    { rootMargin: '300px 0px' },
  );
  observer.observe(el);
}

/** Resolves after the next frame has been painted (a task after requestAnimationFrame). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'undefined') setTimeout(resolve, 0);
    else requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/** Resolves when the page is idle (or after `timeout` ms at most). */
function idle(timeout: number): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'undefined') setTimeout(resolve, 0);
    else requestIdleCallback(() => resolve(), { timeout });
  });
}

async function drain(): Promise<void> {
  draining = true;
  try {
    while (pending.length > 0) {
      await afterPaint();
      let i = pending.findIndex((j) => j.el === null || visible.has(j.el));
      if (i < 0) {
        await idle(500);
        i = Math.max(
          0,
          pending.findIndex((j) => j.el === null || visible.has(j.el)),
        );
      }
      const [job] = pending.splice(i, 1);
      if (job.el) observer?.unobserve(job.el);
      const start = performance.now();
      await job.run();
      // A user-timing entry per chart (scripts/bench-browser.mjs reports the longest).
      performance.measure(CHART_MEASURE, { start, end: performance.now() });
    }
  } finally {
    draining = false;
  }
}

/**
 * Queues `job` (a chart render) to run in its own task; `el` is the chart's element, so charts in view
 * run first. The promise settles with the job's result.
 */
export function inTurn<T>(job: () => Promise<T> | T, el: Element | null = null): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (el) observe(el);
    pending.push({
      el,
      run: async () => {
        try {
          resolve(await job());
        } catch (e) {
          reject(e);
        }
      },
    });
    if (!draining) void drain();
  });
}
