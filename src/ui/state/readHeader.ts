import Papa from 'papaparse';
import type { Config } from '../../core/config/types.ts';
import { detectFormat } from '../../core/table/detectFormat.ts';
import { ByteDecoder } from '../../core/table/ByteDecoder.ts';
import { blobBuffer, isParquetBlob } from '../../core/table/parquet/blobBuffer.ts';
import { parquetHeader } from '../../core/table/parquet/readParquet.ts';

/** How much of a file to read to find its header row. */
const HEADER_BYTES = 64 * 1024;

/**
 * The column names of a CSV file from its first line, read from the first 64 KB only, so the column
 * controls can show before the file is parsed. The delimiter comes from the engine's own detectFormat
 * and the names are cleaned as the parser's TableBuilder does (BOM dropped, trimmed), so the names
 * shown are the names the run will see. The bytes are decoded as the parser decodes them (ByteDecoder:
 * the same encoding detection, and the same error for a file that is not a CSV).
 */
export async function readHeader(
  file: Blob,
  delimiter: Config['data']['delimiter'],
  encoding: Config['data']['encoding'] = 'auto',
  name = 'file',
): Promise<string[]> {
  // A Parquet file: the column names of its schema, from the footer.
  if (await isParquetBlob(file, name)) return parquetHeader(blobBuffer(file), name);
  const decoder = new ByteDecoder(name, encoding);
  const bytes = new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer());
  const text = decoder.push(bytes) + decoder.end(file.size > HEADER_BYTES);
  const result = Papa.parse<string[]>(text, {
    preview: 1,
    delimiter: delimiter === 'auto' ? detectFormat(text).delimiter : delimiter,
    skipEmptyLines: true,
  });
  return (result.data[0] ?? []).map((name, c) => (c === 0 ? name.replace(/^\ufeff/, '') : name).trim()).filter((name) => name !== '');
}
