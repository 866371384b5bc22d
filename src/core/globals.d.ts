/**
 * The few globals core uses that browsers, workers and Node >= 20 all provide, typed by hand because
 * TypeScript declares them only in lib.dom or @types/node, and taking either in src/core/tsconfig.json
 * would let any browser or Node API into the pure core unnoticed. Only the members core calls are
 * declared. Read by src/core/tsconfig.json alone: the other tsconfigs get the full DOM / Node types
 * (tsconfig.lib.json excludes this file, which would clash with lib.dom there).
 */

interface TextDecodeOptions {
  stream?: boolean;
}
interface TextDecoder {
  decode(input?: Uint8Array, options?: TextDecodeOptions): string;
}
declare var TextDecoder: { new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder };

interface TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare var TextEncoder: { new (): TextEncoder };

interface ReadableStreamDefaultReader<T> {
  read(): Promise<{ done: true; value?: undefined } | { done: false; value: T }>;
  cancel(reason?: unknown): Promise<void>;
}
interface ReadableStream<T> {
  getReader(): ReadableStreamDefaultReader<T>;
}
/** A browser File is a Blob; Node 20 has the same global Blob. */
interface Blob {
  readonly size: number;
  stream(): ReadableStream<Uint8Array>;
  /** A range of the bytes (a Parquet file is read by ranges: table/parquet/blobBuffer.ts). */
  slice(start?: number, end?: number): Blob;
  arrayBuffer(): Promise<ArrayBuffer>;
}
declare var Blob: { prototype: Blob; new (parts?: (string | Uint8Array)[]): Blob };

interface AbortSignal {
  readonly aborted: boolean;
  throwIfAborted(): void;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** Web Crypto; global in Node since 19. */
interface SubtleCrypto {
  digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
}
declare var crypto: { readonly subtle: SubtleCrypto };

declare var performance: { now(): number };

/** Used only to yield to the event loop between training iterations. */
declare function setTimeout(callback: (...args: unknown[]) => void, ms?: number): unknown;

declare function structuredClone<T>(value: T): T;
