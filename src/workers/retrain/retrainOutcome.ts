/**
 * How a retraining call ends, as data: the page tells "cancelled" from "failed" by `kind`, not by
 * reading an error message (an abort surfaces as whatever the fitting loop's throwIfAborted() throws).
 */
export type RetrainOutcome<T> = { kind: 'done'; value: T } | { kind: 'cancelled' };

/**
 * Awaits `work`; if it rejects after `signal` was aborted, the call was cancelled and that is not an
 * error. Any other rejection (or one with the signal still live) is rethrown unchanged.
 */
export async function untilCancelled<T>(work: Promise<T>, signal: AbortSignal): Promise<RetrainOutcome<T>> {
  try {
    return { kind: 'done', value: await work };
  } catch (e) {
    if (signal.aborted) return { kind: 'cancelled' };
    throw e;
  }
}
