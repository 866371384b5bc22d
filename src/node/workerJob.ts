/**
 * The protocol of the CLI's one-job worker threads (parse a file, parse a part, profile a part): the
 * worker runs one job and posts one message, either its result, with the result's typed-array
 * buffers transferred (not copied), or its error. An InputError stays one on the calling thread, so
 * the user sees the same one-line message as from a run without workers.
 */
import { parentPort, Worker } from 'node:worker_threads';
import { InputError, isInputError } from '../core/errors.ts';

/** A worker's answer for a job that threw: enough for the calling thread to throw the same kind of error. */
export type ErrorAnswer = { ok: false; inputError: boolean; message: string };

type Answer<T> = { ok: true; result: T } | ErrorAnswer;

/** In a worker (these one-job workers, and tableWorker.ts): the answer for the error `e`; an InputError stays one (errorFromAnswer). */
export function errorAnswer(e: unknown): ErrorAnswer {
  return { ok: false, inputError: isInputError(e), message: (e as Error)?.message ?? String(e) };
}

/** On the calling thread: the error a worker answered with errorAnswer, to throw or reject with. */
export function errorFromAnswer(a: ErrorAnswer): Error {
  return a.inputError ? new InputError(a.message) : new Error(a.message);
}

/** In the worker: runs the job and posts its answer to the thread that started the worker. */
export async function answerJob<T>(job: () => Promise<T>, buffers: (result: T) => ArrayBuffer[]): Promise<void> {
  let answer: Answer<T>;
  try {
    const result = await job();
    parentPort!.postMessage({ ok: true, result } satisfies Answer<T>, buffers(result));
    return;
  } catch (e) {
    answer = errorAnswer(e);
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
      else reject(errorFromAnswer(m));
    });
    worker.once('error', (e) => {
      signal?.removeEventListener('abort', onAbort);
      reject(e);
    });
  });
}
