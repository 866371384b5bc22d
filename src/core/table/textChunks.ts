import { ByteDecoder, type Encoding } from './ByteDecoder.ts';

/** What {@link textChunks} reads: the whole text, a browser File/Blob, or a Node readable stream (async-iterable). */
export type CsvInput = string | Blob | AsyncIterable<string | Uint8Array>;

export interface TextChunksOptions {
  /** File name for messages. */
  file: string;
  /** `data.encoding` (default 'auto'), see {@link ByteDecoder}. */
  encoding?: Encoding;
  /** Receives the decoder's warnings (Windows-1252 fallback, UTF-16 without BOM). */
  warnings?: string[];
  /** Receives the encoding in use once the bytes are read (byte input only). */
  info?: { encoding?: string };
  /** Byte input is a later part of a file in encoding `encoding` (see ByteDecoder). */
  continuation?: boolean;
}

/**
 * Yields the input as text chunks of about `chunkSize` characters: strings and streams in chunks of at
 * least `chunkSize` (the last may be shorter), Blobs in pieces of at most `chunkSize` bytes.
 * Bytes go through a {@link ByteDecoder} (encoding detection, non-CSV files rejected, never a silent
 * U+FFFD), which decodes a character split between two reads whole and drops a byte-order mark. `onProgress` gets the bytes read so
 * far (characters for a string input). Pure: no fs, works in browsers, workers and Node.
 */
export async function* textChunks(
  input: CsvInput,
  chunkSize: number,
  onProgress?: (bytesRead: number) => void,
  opts: TextChunksOptions = { file: 'input' },
): AsyncGenerator<string> {
  if (typeof input === 'string') {
    for (let i = 0; i < input.length; i += chunkSize) {
      const end = Math.min(i + chunkSize, input.length);
      yield input.slice(i, end);
      onProgress?.(end);
    }
    return;
  }
  const decoder = new ByteDecoder(opts.file, opts.encoding, opts.continuation ?? false);
  try {
    yield* byteChunks(input, decoder, chunkSize, onProgress);
  } finally {
    opts.warnings?.push(...decoder.warnings);
    if (opts.info) opts.info.encoding = decoder.encoding;
  }
}

async function* byteChunks(
  input: Blob | AsyncIterable<string | Uint8Array>,
  decoder: ByteDecoder,
  chunkSize: number,
  onProgress?: (bytesRead: number) => void,
): AsyncGenerator<string> {
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    yield* blobChunks(input, decoder, chunkSize, onProgress);
    return;
  }
  let pending: string[] = [];
  let pendingLength = 0;
  let bytesRead = 0;
  for await (const chunk of input as AsyncIterable<string | Uint8Array>) {
    // A stream opened with an encoding yields strings: the caller decoded them.
    const text = typeof chunk === 'string' ? chunk : decoder.push(chunk);
    bytesRead += chunk.length;
    onProgress?.(bytesRead);
    pending.push(text);
    pendingLength += text.length;
    if (pendingLength >= chunkSize) {
      yield pending.join('');
      pending = [];
      pendingLength = 0;
    }
  }
  pending.push(decoder.end());
  const rest = pending.join('');
  if (rest.length > 0) yield rest;
}

/**
 * A Blob (a browser File) read through `blob.stream()`, each streamed block decoded in pieces of at
 * most `chunkSize` bytes. In Chromium this reads a 149 MB file in about 0.2 s; reading it as
 * 256 KiB `blob.slice(...).arrayBuffer()` calls, one awaited round trip each, took about 1.5 s.
 */
async function* blobChunks(
  blob: Blob,
  decoder: ByteDecoder,
  chunkSize: number,
  onProgress?: (bytesRead: number) => void,
): AsyncGenerator<string> {
  const reader = blob.stream().getReader();
  let bytesRead = 0;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      const block = next.value;
      for (let i = 0; i < block.length; i += chunkSize) {
        const end = Math.min(i + chunkSize, block.length);
        const text = decoder.push(block.subarray(i, end));
        bytesRead += end - i;
        onProgress?.(bytesRead);
        if (text.length > 0) yield text;
      }
    }
    const rest = decoder.end();
    if (rest.length > 0) yield rest;
  } finally {
    await reader.cancel().catch(() => {});
  }
}
