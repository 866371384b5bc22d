import type { ParsedTable } from '../core/table/types.ts';

/** A table as a worker call takes it: the table itself, or the port a parse worker posts it on. */
export type TableSource = ParsedTable | MessagePort;

/**
 * The table of `source`: itself, or the first message on its port (posted by the parse worker's
 * parseTo, buffers transferred). The port is closed after it. If the parse fails nothing comes: the
 * caller's run fails on the parse worker's error and terminates this worker.
 */
export function receiveTable(source: TableSource): Promise<ParsedTable> {
  if (!(source instanceof MessagePort)) return Promise.resolve(source);
  return new Promise((resolve) => {
    source.onmessage = (e: MessageEvent<ParsedTable>) => {
      source.onmessage = null;
      source.close();
      resolve(e.data);
    };
  });
}
