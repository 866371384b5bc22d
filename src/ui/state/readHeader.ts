import Papa from 'papaparse';
import type { Config } from '../../core/config/types.ts';

/** How much of a file to read to find its header row. */
const HEADER_BYTES = 64 * 1024;

/**
 * The column names of a CSV file from its first line (quoted names handled by papaparse), read from
 * the first 64 KB only, so the column controls can show before the file is parsed.
 */
export async function readHeader(file: Blob, delimiter: Config['data']['delimiter']): Promise<string[]> {
  const text = await file.slice(0, HEADER_BYTES).text();
  const result = Papa.parse<string[]>(text, {
    preview: 1,
    delimiter: delimiter === 'auto' ? '' : delimiter,
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: true,
  });
  return (result.data[0] ?? []).map((name) => name.trim()).filter((name) => name !== '');
}
