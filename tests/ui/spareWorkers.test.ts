import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * A stand-in for the browser's Worker (Node has none): records what was started, and can fail to load
 * as a worker whose script does not load does (an 'error' event).
 */
class FakeWorker extends EventTarget {
  static started: FakeWorker[] = [];
  terminated = false;
  constructor(
    readonly url: URL | string,
    readonly options: { name?: string },
  ) {
    super();
    FakeWorker.started.push(this);
  }
  terminate(): void {
    this.terminated = true;
  }
  fail(): void {
    this.dispatchEvent(new Event('error', { cancelable: true }));
  }
}

type SpareWorkers = typeof import('../../src/ui/run/spareWorkers.ts');
let spare: SpareWorkers;
const script = (w: FakeWorker) => String(w.url).split('/').pop()!.split('?')[0];
/** Lets the spares start (no requestIdleCallback in Node: a 200 ms timer). */
const idle = () => vi.advanceTimersByTimeAsync(250);

beforeEach(async () => {
  vi.useFakeTimers();
  vi.stubGlobal('Worker', FakeWorker);
  FakeWorker.started = [];
  vi.resetModules();
  spare = await import('../../src/ui/run/spareWorkers.ts');
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('spare run workers', () => {
  it('starts, when idle, what a run begins with on 2 cores (2 parse, 1 analysis, 2 column helpers), and hands those out before new ones', async () => {
    spare.keepSpareWorkers(2);
    expect(FakeWorker.started).toHaveLength(0);
    await idle();
    expect(FakeWorker.started.map(script).sort()).toEqual([
      'analysis.worker.ts',
      'columns.worker.ts',
      'columns.worker.ts',
      'parse.worker.ts',
      'parse.worker.ts',
    ]);
    const spares = [...FakeWorker.started];
    const taken = [spare.takeWorker('parse', 'parse a'), spare.takeWorker('parse', 'parse b'), spare.takeWorker('analysis', 'analysis')];
    for (const w of taken) expect(spares).toContain(w);
    expect(FakeWorker.started).toHaveLength(5);
    // No spare left: a new worker, with the name asked for.
    const third = spare.takeWorker('parse', 'parse c') as unknown as FakeWorker;
    expect(spares).not.toContain(third);
    expect(third.options.name).toBe('parse c');
    expect(script(third)).toBe('parse.worker.ts');
    // None is started again of its own accord.
    await idle();
    expect(FakeWorker.started).toHaveLength(6);
  });

  it('does not hand out a spare that failed to load (it is ended; a new worker comes instead)', async () => {
    spare.keepSpareWorkers(1);
    await idle();
    const analysis = FakeWorker.started.find((w) => script(w) === 'analysis.worker.ts')!;
    analysis.fail();
    const got = spare.takeWorker('analysis', 'analysis') as unknown as FakeWorker;
    expect(got).not.toBe(analysis);
    expect(analysis.terminated).toBe(true);
    expect(script(got)).toBe('analysis.worker.ts');
  });

  it('starts one column helper per core, none on one core, at most four', () => {
    expect([1, 2, 3, 8].map(spare.columnHelperCount)).toEqual([0, 2, 3, 4]);
  });
});
