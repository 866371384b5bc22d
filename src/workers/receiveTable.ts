import { parseCsv } from '../core/table/parseCsv.ts';
import { mergeTableParts, type TablePart } from '../core/table/tableParts.ts';
import type { ColumnPlan, ParsedTable } from '../core/table/types.ts';
import type { ParseRequest } from './parse.worker.ts';
import type { RowDuplicates } from '../core/quality/rowDuplicates.ts';

/**
 * What a parse worker's parseTo posts: the table (its buffers transferred) and, when asked and the file's
 * number formats are settled, its duplicate rows and its columns typed alone, found there.
 */
export interface PostedTable {
  table: ParsedTable;
  duplicates?: RowDuplicates;
  plansAlone?: ColumnPlan[];
}

/** A file parsed in parts: one port per part (posted by parse workers' parsePartTo, in order of index). */
export interface PartsSource {
  parts: MessagePort[];
  /** The file and its reading settings, for the one-piece parse when the parts do not merge. */
  data: Blob;
  request: ParseRequest;
}

/** A table as a worker call takes it: the table itself, the port a parse worker posts it on, or parts. */
export type TableSource = ParsedTable | MessagePort | PartsSource;

/** How a table came: in how many parts (1: one piece) and whether parts were read again in one piece. */
export interface Received {
  table: ParsedTable;
  parts: number;
  /** The file's duplicate rows and its columns typed alone, when its parse worker found them (parseTo's `prepare`). */
  duplicates?: RowDuplicates;
  plansAlone?: ColumnPlan[];
}

function firstMessage<T>(port: MessagePort): Promise<T> {
  return new Promise((resolve) => {
    port.onmessage = (e: MessageEvent<T>) => {
      port.onmessage = null;
      port.close();
      resolve(e.data);
    };
  });
}

/**
 * The table of `source`: itself, the first message on its port (posted by the parse worker's parseTo,
 * buffers transferred), or its parts merged (tableParts.mergeTableParts: the one-piece table exactly).
 * When a part was declined or the parts cannot be merged exactly (a quote in the file, a
 * high-cardinality text column, a decimal mark decided late), the file is parsed again here in one
 * piece. If a parse fails nothing comes: the caller's run fails on the parse worker's error and
 * terminates this worker.
 */
export async function receiveTable(source: TableSource): Promise<Received> {
  if (source instanceof MessagePort) {
    const { table, duplicates, plansAlone } = await firstMessage<PostedTable>(source);
    return { table, parts: 1, ...(duplicates !== undefined ? { duplicates } : {}), ...(plansAlone !== undefined ? { plansAlone } : {}) };
  }
  if (!('parts' in source)) return { table: source, parts: 1 };
  const parts = await Promise.all(source.parts.map((p) => firstMessage<TablePart | null>(p)));
  const merged = parts.every((p) => p !== null) ? mergeTableParts(parts as TablePart[], { file: source.request.file }) : null;
  if (merged !== null) return { table: merged, parts: parts.length };
  const table = await parseCsv(source.data, { ...source.request });
  return { table, parts: 1 };
}
