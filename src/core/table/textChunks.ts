/** What {@link textChunks} reads: the whole text, a browser File/Blob, or a Node readable stream. */
export type CsvInput = string | Blob | NodeJS.ReadableStream;

/**
 * Yields the input as text chunks of at least `chunkSize` characters (the last may be shorter).
 * Bytes are decoded as UTF-8 with a streaming TextDecoder, so a character split between two reads
 * is decoded whole, and a leading byte-order mark is dropped. `onProgress` gets the bytes read so
 * far (characters for a string input). Pure: no fs, works in browsers, workers and Node.
 */
export async function* textChunks(
  input: CsvInput,
  chunkSize: number,
  onProgress?: (bytesRead: number) => void,
): AsyncGenerator<string> {
  if (typeof input === 'string') {
    for (let i = 0; i < input.length; i += chunkSize) {
      const end = Math.min(i + chunkSize, input.length);
      yield input.slice(i, end);
      onProgress?.(end);
    }
    return;
  }
  const decoder = new TextDecoder('utf-8');
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    for (let i = 0; i < input.size; i += chunkSize) {
      const end = Math.min(i + chunkSize, input.size);
      const bytes = new Uint8Array(await input.slice(i, end).arrayBuffer());
      const text = decoder.decode(bytes, { stream: end < input.size });
      onProgress?.(end);
      if (text.length > 0) yield text;
    }
    return;
  }
  let pending: string[] = [];
  let pendingLength = 0;
  let bytesRead = 0;
  for await (const chunk of input as AsyncIterable<string | Uint8Array>) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
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
  pending.push(decoder.decode());
  const rest = pending.join('');
  if (rest.length > 0) yield rest;
}
