/**
 * One flat column chunk (a top-level column with one value per row) of one row group, decoded page by
 * page with hyparquet's page decoders. hyparquet's own column reader assembles every optional column
 * through its nested-list code (a JavaScript array grown one value at a time, then concatenated), which
 * took ~80% of the time of a 1M-row file and most of its garbage; a flat column needs none of it: a
 * page's values are placed at the rows its definition levels mark as present, nulls in between.
 */
import type {
  AsyncBuffer,
  ColumnChunk,
  Compressors,
  DataPageHeader,
  DecodedArray,
  PageHeader,
  ParquetParsers,
  ParquetType,
  SchemaTree,
} from 'hyparquet';
import { parquetHeader, readPage } from 'hyparquet/src/column.js';
import { convert, convertWithDictionary } from 'hyparquet/src/convert.js';
import { decompressPage, readDataPage, readDataPageV2 } from 'hyparquet/src/datapage.js';
import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
import { readPlain } from 'hyparquet/src/plain.js';
import type { PageValues } from './ParquetColumnBuilder.ts';
import type { ParquetValueKind } from './parquetColumns.ts';

export interface FlatColumnOptions {
  /** Numbers come as a Float64Array per page (NaN for null); other kinds keep dictionary indices. */
  kind: ParquetValueKind;
  schemaPath: SchemaTree[];
  parsers: ParquetParsers;
  compressors: Compressors;
}

/** The values of one flat column chunk, page by page (null where missing); `rows` values in all. */
export async function readFlatColumn(
  buffer: AsyncBuffer,
  chunk: ColumnChunk,
  rows: number,
  opts: FlatColumnOptions,
): Promise<PageValues[]> {
  const meta = chunk.meta_data;
  if (chunk.file_path) throw new Error('its column chunks are in another file (file_path), which is not read');
  if (!meta) throw new Error('a column chunk has no metadata (an encrypted file?)');
  const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
  const end = start + Number(meta.total_compressed_size);
  if (!(start >= 0 && end <= buffer.byteLength && end > start))
    throw new Error(`a column chunk lies outside the file (bytes ${start} to ${end})`);
  const bytes = await buffer.slice(start, end);
  const reader = { view: new DataView(bytes), offset: 0 };
  const schemaPath = opts.schemaPath;
  const element = schemaPath[schemaPath.length - 1].element;
  const decoder = {
    pathInSchema: meta.path_in_schema,
    type: meta.type,
    element,
    schemaPath,
    codec: meta.codec,
    parsers: opts.parsers,
    compressors: opts.compressors,
    utf8: true,
  };
  // A flat column's definition level is 1 for a value of an optional column (0 for null); a required
  // column has none.
  const maxDefinition = element.repetition_type === 'OPTIONAL' ? 1 : 0;
  const pages: PageValues[] = [];
  let dictionary: DecodedArray | undefined;
  let numberDictionary: Float64Array | null = null;
  let numberDictionaryOf: DecodedArray | undefined;
  let done = 0;
  while (done < rows) {
    if (reader.offset >= bytes.byteLength - 1) throw new Error(`a column chunk ended after ${done} of its ${rows} rows`);
    const header: PageHeader = parquetHeader(reader);
    if (header.type === 'DICTIONARY_PAGE') {
      const { data } = readPage(reader, header, decoder, undefined, undefined, 0);
      if (data) dictionary = convert(data, decoder);
      continue;
    }
    const size = header.compressed_page_size;
    if (!(size >= 0 && reader.offset + size <= bytes.byteLength)) throw new Error('a page runs past its column chunk');
    const compressed = new Uint8Array(bytes, reader.offset, size);
    reader.offset += size;
    let page;
    let encoding;
    let count;
    if (header.type === 'DATA_PAGE') {
      const daph = header.data_page_header;
      if (!daph) throw new Error('a data page has no header');
      const bytes = decompressPage(compressed, Number(header.uncompressed_page_size), decoder.codec, decoder.compressors);
      page = readFlatDataPage(bytes, daph, decoder.type, element.type_length, maxDefinition) ?? readDataPage(bytes, daph, decoder);
      encoding = daph.encoding;
      count = daph.num_values;
    } else if (header.type === 'DATA_PAGE_V2') {
      const daph2 = header.data_page_header_v2;
      if (!daph2) throw new Error('a data page has no header');
      page = readDataPageV2(compressed, header, decoder);
      encoding = daph2.encoding;
      count = daph2.num_values;
    } else continue; // an index page: nothing to read
    if (!(count >= 0 && done + count <= rows)) throw new Error(`a page holds ${count} values past the ${rows} rows of its row group`);
    if (opts.kind !== 'number' && dictionary !== undefined && encoding.endsWith('_DICTIONARY')) {
      pages.push({ indices: placedIndices(page.dataPage, page.definitionLevels, maxDefinition, count, dictionary.length), dictionary });
    } else if (opts.kind === 'number' && dictionary !== undefined && encoding.endsWith('_DICTIONARY')) {
      // Numbers through their dictionary: each distinct value converted once, no boxed numbers per row.
      if (numberDictionary === null || numberDictionaryOf !== dictionary) {
        numberDictionaryOf = dictionary;
        numberDictionary = placedNumbers(dictionary, undefined, 0, dictionary.length);
      }
      const indices = placedIndices(page.dataPage, page.definitionLevels, maxDefinition, count, dictionary.length);
      const out = new Float64Array(count);
      for (let i = 0; i < count; i++) out[i] = indices[i] < 0 ? NaN : numberDictionary[indices[i]];
      pages.push(out);
    } else {
      const values = convertWithDictionary(page.dataPage, dictionary, encoding, decoder);
      pages.push(
        opts.kind === 'number'
          ? placedNumbers(values, page.definitionLevels, maxDefinition, count)
          : placed(values, page.definitionLevels, maxDefinition, count),
      );
    }
    done += count;
  }
  return pages;
}

/** A page's definition levels: hyparquet's array, or readFlatDataPage's bytes; undefined or empty when no value is null. */
type Levels = ArrayLike<number> | undefined;

/**
 * A version-1 data page of a flat column, PLAIN or dictionary-encoded (the encodings pyarrow, DuckDB
 * and Spark write by default), decoded into typed arrays: definition levels into a Uint8Array and
 * dictionary indices into an Int32Array. hyparquet's readDataPage fills JavaScript arrays grown from
 * `new Array(n)` and counts nulls with a for-of over them: on the 1M-row bench pair that was a third of
 * the reading time and much of its garbage. The run-length/bit-packed decoding and PLAIN values stay
 * hyparquet's. Null for any other page (BOOLEAN, other encodings): hyparquet's readDataPage reads it.
 */
function readFlatDataPage(
  bytes: Uint8Array,
  daph: DataPageHeader,
  type: ParquetType,
  typeLength: number | undefined,
  maxDefinition: number,
): { definitionLevels: Uint8Array | undefined; dataPage: DecodedArray } | null {
  const encoding = daph.encoding;
  const dictionary = encoding === 'PLAIN_DICTIONARY' || encoding === 'RLE_DICTIONARY';
  if ((encoding !== 'PLAIN' && !dictionary) || type === 'BOOLEAN' || maxDefinition > 1) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = { view, offset: 0 };
  const count = daph.num_values;
  let levels: Uint8Array | undefined;
  let nulls = 0;
  if (maxDefinition === 1) {
    // Bit width 1, preceded by its byte length (version-1 pages), as hyparquet's readDefinitionLevels.
    levels = new Uint8Array(count);
    readRleBitPackedHybrid(reader, 1, levels);
    for (let i = 0; i < count; i++) nulls += levels[i] ^ 1;
    if (nulls === 0) levels = undefined;
  }
  const present = count - nulls;
  if (!dictionary) return { definitionLevels: levels, dataPage: readPlain(reader, type, present, typeLength) };
  const bitWidth = view.getUint8(reader.offset++);
  if (bitWidth === 0) return { definitionLevels: levels, dataPage: new Int32Array(present) };
  const indices = new Int32Array(present);
  readRleBitPackedHybrid(reader, bitWidth, indices, view.byteLength - reader.offset);
  return { definitionLevels: levels, dataPage: indices };
}

/** A page's values at the rows its definition levels mark present (all rows when it has none). */
function placed(values: DecodedArray, levels: Levels, max: number, count: number): PageValues {
  if (!levels || levels.length === 0) {
    if (values.length !== count) throw new Error(`a page has ${values.length} values for ${count} rows`);
    return values;
  }
  if (levels.length !== count) throw new Error(`a page has ${levels.length} definition levels for ${count} rows`);
  const out = new Array<unknown>(count);
  let v = 0;
  for (let i = 0; i < count; i++) out[i] = levels[i] === max ? values[v++] : null;
  if (v !== values.length) throw new Error(`a page has ${values.length} values for ${v} present rows`);
  return out;
}

/** As placed, into a Float64Array (NaN for null): no boxed numbers, and bigints converted once. */
function placedNumbers(values: DecodedArray, levels: Levels, max: number, count: number): Float64Array {
  const dense = !levels || levels.length === 0;
  if (dense ? values.length !== count : levels.length !== count) throw new Error(`a page has ${values.length} values for ${count} rows`);
  if (dense && values instanceof Float64Array) return values;
  const out = new Float64Array(count);
  let v = 0;
  for (let i = 0; i < count; i++) {
    if (!dense && levels[i] !== max) {
      out[i] = NaN;
      continue;
    }
    const x = values[v++];
    out[i] = typeof x === 'number' ? x : typeof x === 'bigint' ? Number(x) : NaN;
  }
  if (v !== values.length) throw new Error(`a page has ${values.length} values for ${v} present rows`);
  return out;
}

/** A dictionary-encoded page's indices at the rows its definition levels mark present (-1 for null). */
function placedIndices(indices: DecodedArray, levels: Levels, max: number, count: number, size: number): Int32Array {
  const dense = !levels || levels.length === 0;
  if (dense ? indices.length !== count : levels.length !== count) throw new Error(`a page has ${indices.length} values for ${count} rows`);
  const out = new Int32Array(count);
  let v = 0;
  for (let i = 0; i < count; i++) {
    if (!dense && levels[i] !== max) {
      out[i] = -1;
      continue;
    }
    const k = Number(indices[v++]);
    if (!(k >= 0 && k < size)) throw new Error(`a dictionary index (${k}) is outside its dictionary of ${size} values`);
    out[i] = k;
  }
  if (v !== indices.length) throw new Error(`a page has ${indices.length} values for ${v} present rows`);
  return out;
}
