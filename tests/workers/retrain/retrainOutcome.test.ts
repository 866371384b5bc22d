import { describe, expect, it } from 'vitest';
import { untilCancelled } from '../../../src/workers/retrain/retrainOutcome.ts';

describe('untilCancelled', () => {
  it('wraps a finished call as done with its value', async () => {
    const signal = new AbortController().signal;
    expect(await untilCancelled(Promise.resolve(42), signal)).toEqual({ kind: 'done', value: 42 });
  });

  it('turns a rejection after an abort into cancelled, whatever the thrown error says', async () => {
    const controller = new AbortController();
    const work = (async () => {
      await new Promise((r) => setTimeout(r, 0));
      controller.signal.throwIfAborted();
      return 1;
    })();
    controller.abort();
    expect(await untilCancelled(work, controller.signal)).toEqual({ kind: 'cancelled' });
    const other = new AbortController();
    other.abort();
    expect(await untilCancelled(Promise.reject(new Error('numbers went wrong')), other.signal)).toEqual({ kind: 'cancelled' });
  });

  it('rethrows a failure while the signal is live, even one whose message mentions aborting', async () => {
    const signal = new AbortController().signal;
    await expect(untilCancelled(Promise.reject(new Error('fit aborted: singular Hessian')), signal)).rejects.toThrow(
      'fit aborted: singular Hessian',
    );
  });
});
