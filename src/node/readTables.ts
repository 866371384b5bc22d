import type { ParsedTable } from '../core/table/types.ts';
import { readCsvFile } from './readCsvFile.ts';

export interface ReadOptions {
  delimiter: 'auto' | ',' | ';' | '\t';
  missingValues: string[];
}

/** Read the reference and production files (paths or already parsed tables). */
export async function readTables(
  reference: string | ParsedTable,
  production: string | ParsedTable,
  opts: ReadOptions,
): Promise<[ParsedTable, ParsedTable]> {
  const read = (src: string | ParsedTable) => (typeof src === 'string' ? readCsvFile(src, opts) : Promise.resolve(src));
  return Promise.all([read(reference), read(production)]);
}
