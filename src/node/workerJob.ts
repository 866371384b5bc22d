/**
 * The protocol of the CLI's one-job worker threads (parse a file, parse a part, profile a part): the
 * worker runs one job and posts one message, either its result, with the result's typed-array
 * buffers transferred (not copied), or its error. An InputError stays one on the calling thread, so
 * the user sees the same one-line message as from a run without workers.
 */
import { parentPort, Worker } from 'node:worker_threads';
import { InputError, isInputError } from '../core/errors.ts';

type Answer<T> = { ok: true; result: T } | { ok: false; inputError: boolean; message: string };

/** In the worker: runs the job and posts its answer to the thread that started the worker. */
export async function answerJob<T>(job: () => Promise<T>, buffers: (result: T) => ArrayBuffer[]): Promise<void> {
  let answer: Answer<T>;
  try {
    const result = await job();
    parentPort!.postMessage({ ok: true, result } satisfies Answer<T>, buffers(result));
    return;
  } catch (e) {
    answer = { ok: false, inputError: isInputError(e), message: (e as Error)?.message ?? String(e) };
  }
  parentPort!.postMessage(answer);
}

/**
 * On the calling thread: starts the worker at `url` on `workerData` and resolves to its result. An
 * abort of `signal` (not cloneable, so it stays here) stops the worker and rejects with `aborted()`.
 */
export function runJobInWorker<T>(url: URL, workerData: unknown, abort?: { signal?: AbortSignal; aborted: () => Error }): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData });
    const signal = abort?.signal;
    const onAbort = () => {
      void worker.terminate();
      reject(abort!.aborted());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (m: Answer<T>) => {
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (m.ok) resolve(m.result);
      else reject(m.inputError ? new InputError(m.message) : new Error(m.message));
    });
    worker.once('error', (e) => {
      signal?.removeEventListener('abort', onAbort);
      reject(e);
    });
  });
}
