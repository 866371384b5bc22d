import Papa from 'papaparse';
import type { Config } from '../../core/config/types.ts';
import { detectFormat } from '../../core/table/detectFormat.ts';

/** How much of a file to read to find its header row. */
const HEADER_BYTES = 64 * 1024;

/**
 * The column names of a CSV file from its first line, read from the first 64 KB only, so the column
 * controls can show before the file is parsed. The delimiter comes from the engine's own detectFormat
 * and the names are cleaned as the parser's TableBuilder does (BOM dropped, trimmed), so the names
 * shown are the names the run will see.
 */
export async function readHeader(file: Blob, delimiter: Config['data']['delimiter']): Promise<string[]> {
  const text = await file.slice(0, HEADER_BYTES).text();
  const result = Papa.parse<string[]>(text, {
    preview: 1,
    delimiter: delimiter === 'auto' ? detectFormat(text).delimiter : delimiter,
    skipEmptyLines: true,
  });
  return (result.data[0] ?? [])
    .map((name, c) => (c === 0 ? name.replace(/^\ufeff/, '') : name).trim())
    .filter((name) => name !== '');
}
