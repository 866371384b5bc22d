/**
 * One flat column chunk (a top-level column with one value per row) of one row group, decoded page by
 * page with hyparquet's page decoders. hyparquet's own column reader assembles every optional column
 * through its nested-list code (a JavaScript array grown one value at a time, then concatenated), which
 * took ~80% of the time of a 1M-row file and most of its garbage; a flat column needs none of it: a
 * page's values are placed at the rows its definition levels mark as present, nulls in between.
 */
import type {
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
import type { ByteTexts } from './byteTexts.ts';
import { HYBRID_MAX_WIDTH, readHybrid } from './rleHybrid.ts';
import type { ParquetValueKind } from './parquetColumns.ts';

export interface FlatColumnOptions {
  /** Numbers come as a Float64Array per page (NaN for null); other kinds keep dictionary indices. */
  kind: ParquetValueKind;
  schemaPath: SchemaTree[];
  parsers: ParquetParsers;
  compressors: Compressors;
}

/** Where a column chunk lies in the file (bytes [start, end)); throws when it cannot be read. */
export function chunkRange(chunk: ColumnChunk, fileBytes: number): [number, number] {
  const meta = chunk.meta_data;
  if (chunk.file_path) throw new Error('its column chunks are in another file (file_path), which is not read');
  if (!meta) throw new Error('a column chunk has no metadata (an encrypted file?)');
  const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
  const end = start + Number(meta.total_compressed_size);
  if (!(start >= 0 && end <= fileBytes && end > start)) throw new Error(`a column chunk lies outside the file (bytes ${start} to ${end})`);
  return [start, end];
}

/**
 * The values of one flat column chunk, page by page (null where missing); `rows` values in all.
 * `bytes` are the chunk's (chunkRange).
 */
export function readFlatColumn(bytes: ArrayBuffer, chunk: ColumnChunk, rows: number, opts: FlatColumnOptions): PageValues[] {
  const meta = chunk.meta_data!;
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
  const asBytes = opts.kind === 'text' && plainStrings(element);
  const int64Numbers = opts.kind === 'number' && signedInt64(element);
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
      if (asBytes && daph.encoding === 'PLAIN' && maxDefinition <= 1) {
        const count = daph.num_values;
        if (!(count >= 0 && done + count <= rows)) throw new Error(`a page holds ${count} values past the ${rows} rows of its row group`);
        pages.push(readByteTexts(bytes, count, maxDefinition, decoder.parsers.stringFromBytes));
        done += count;
        continue;
      }
      page =
        readFlatDataPage(bytes, daph, decoder.type, element.type_length, maxDefinition, int64Numbers) ?? readDataPage(bytes, daph, decoder);
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
 * hyparquet's, but for `int64Numbers` (a signed INT64 read as numbers): PLAIN INT64 values straight
 * into a Float64Array, not a bigint per value (a heap object each). Null for any other page (BOOLEAN,
 * other encodings): hyparquet's readDataPage reads it.
 */
function readFlatDataPage(
  bytes: Uint8Array,
  daph: DataPageHeader,
  type: ParquetType,
  typeLength: number | undefined,
  maxDefinition: number,
  int64Numbers: boolean,
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
    levels = readLevels(bytes, reader, count);
    for (let i = 0; i < count; i++) nulls += levels[i] ^ 1;
    if (nulls === 0) levels = undefined;
  }
  const present = count - nulls;
  if (!dictionary && type === 'INT64' && int64Numbers) return { definitionLevels: levels, dataPage: plainInt64Numbers(reader, present) };
  if (!dictionary) return { definitionLevels: levels, dataPage: readPlain(reader, type, present, typeLength) };
  const bitWidth = view.getUint8(reader.offset++);
  if (bitWidth === 0) return { definitionLevels: levels, dataPage: new Int32Array(present) };
  const indices = new Int32Array(present);
  if (bitWidth <= HYBRID_MAX_WIDTH) readHybrid(bytes, reader.offset, bitWidth, indices);
  else readRleBitPackedHybrid(reader, bitWidth, indices, view.byteLength - reader.offset);
  return { definitionLevels: levels, dataPage: indices };
}

/**
 * A version-1 page's definition levels of a flat optional column: bit width 1, preceded by their byte
 * length, as hyparquet's readDefinitionLevels reads them; the reader moves past them.
 */
function readLevels(bytes: Uint8Array, reader: { view: DataView; offset: number }, count: number): Uint8Array {
  const levels = new Uint8Array(count);
  if (reader.offset + 4 > bytes.length) throw new Error('a page ends before its definition levels');
  const length = reader.view.getUint32(reader.offset, true);
  const start = reader.offset + 4;
  readHybrid(bytes, start, 1, levels);
  reader.offset = start + length;
  return levels;
}

/**
 * Whether the column's values are strings made by parsers.stringFromBytes (hyparquet's convert: a
 * BYTE_ARRAY as STRING, UTF8, ENUM or without a type), so that its PLAIN pages can be kept as bytes
 * (ByteTexts) and give the same texts.
 */
function plainStrings(element: SchemaTree['element']): boolean {
  if (element.type !== 'BYTE_ARRAY') return false;
  const converted = element.converted_type;
  const logical = element.logical_type?.type;
  return (
    (converted === undefined || converted === 'UTF8' || converted === 'ENUM') &&
    (logical === undefined || logical === 'STRING' || logical === 'ENUM')
  );
}

/**
 * A version-1 PLAIN page of a flat BYTE_ARRAY column as ByteTexts: its definition levels (bit width
 * 1, after their byte length) and each present value's 4-byte length and bytes, placed at its row.
 */
function readByteTexts(bytes: Uint8Array, count: number, maxDefinition: number, decode: (bytes: Uint8Array) => string): ByteTexts {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = { view, offset: 0 };
  let levels: Uint8Array | null = null;
  if (maxDefinition === 1) levels = readLevels(bytes, reader, count);
  const starts = new Int32Array(count);
  const lengths = new Int32Array(count);
  const size = bytes.byteLength;
  let at = reader.offset;
  for (let i = 0; i < count; i++) {
    if (levels !== null && levels[i] !== 1) {
      starts[i] = -1;
      continue;
    }
    if (at + 4 > size) throw new Error(`a string page ends after ${i} of its ${count} values`);
    const length = view.getUint32(at, true);
    at += 4;
    if (length > size - at) throw new Error(`a string value (${length} bytes) runs past its page`);
    starts[i] = at;
    lengths[i] = length;
    at += length;
  }
  return { bytes, starts, lengths, decode };
}

/**
 * placedIndices of readFlatDataPage's indices (an Int32Array, read without a conversion per value);
 * without nulls, the indices themselves once checked.
 */
function placedInt32Indices(indices: Int32Array, levels: Levels, max: number, count: number, size: number): Int32Array {
  const outside = (k: number) => new Error(`a dictionary index (${k}) is outside its dictionary of ${size} values`);
  if (levels === undefined) {
    for (let i = 0; i < count; i++) {
      const k = indices[i];
      if (!(k >= 0 && k < size)) throw outside(k);
    }
    return indices;
  }
  const out = new Int32Array(count);
  const n = indices.length;
  let v = 0;
  for (let i = 0; i < count; i++) {
    if (levels[i] !== max) {
      out[i] = -1;
      continue;
    }
    if (v === n) throw new Error(`a page has ${n} values for more present rows`);
    const k = indices[v++];
    if (!(k >= 0 && k < size)) throw outside(k);
    out[i] = k;
  }
  if (v !== n) throw new Error(`a page has ${n} values for ${v} present rows`);
  return out;
}

/** Whether hyparquet's convert leaves the column's INT64 values as they are (signed, not a DECIMAL). */
function signedInt64(element: SchemaTree['element']): boolean {
  const converted = element.converted_type;
  const logical = element.logical_type;
  return (
    element.type === 'INT64' &&
    (converted === undefined || converted === 'INT_64') &&
    (logical === undefined || (logical.type === 'INTEGER' && logical.isSigned))
  );
}

/**
 * `count` PLAIN INT64 values as numbers: each the nearest double, as Number(bigint) gives (the high
 * half times 2^32 is exact, so adding the low half rounds once).
 */
function plainInt64Numbers(reader: { view: DataView; offset: number }, count: number): Float64Array {
  const { view } = reader;
  const at = view.byteOffset + reader.offset;
  if (count * 8 > view.byteLength - reader.offset) throw new Error(`a page ends before its ${count} INT64 values`);
  const words =
    at % 4 === 0 ? new Int32Array(view.buffer, at, count * 2) : new Int32Array(new Uint8Array(view.buffer, at, count * 8).slice().buffer);
  reader.offset += count * 8;
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = words[2 * i + 1] * 4294967296 + (words[2 * i] >>> 0);
  return out;
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
  if (indices instanceof Int32Array) return placedInt32Indices(indices, dense ? undefined : levels, max, count, size);
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
