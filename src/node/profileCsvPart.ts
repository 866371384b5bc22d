import { createReadStream } from 'node:fs';
import type { Profile } from '../core/profile/columnProfile.ts';
import { KllSketch, type KllState } from '../core/profile/kllSketch.ts';
import { profileCsvWithSummary, type ProfileCsvOptions } from '../core/profile/profileCsv.ts';
import type { TextState } from '../core/profile/profileBuilder.ts';
import type { CsvChunksSummary } from '../core/table/parseCsv.ts';
import type { CsvPart } from './planCsvSplit.ts';
import { csvReaderInstance } from '../kernels/loadCsvReader.ts';

/** What one part of a split CSV gives: its profile (null when it holds no data rows) and parse facts. */
export interface CsvPartResult {
  profile: Profile | null;
  summary: CsvChunksSummary;
  /** Per column, the text cells as counted (see ProfileBuilder.textStates). */
  textStates: (TextState | null)[];
}

/**
 * Profiles bytes [part.start, part.end) of a CSV with profileCsv: the first part as the whole file
 * would start; later parts as continuations (`opts.continuation` set by the caller: header names,
 * rows before, the file's encoding and delimiter).
 */
export async function profileCsvPart(path: string, part: CsvPart, opts: ProfileCsvOptions): Promise<CsvPartResult> {
  const open = () => createReadStream(path, { start: part.start, end: part.end - 1, highWaterMark: opts.chunkSize ?? 256 << 10 });
  const streams = [open()];
  try {
    // The wasm byte reader, unless it declines: then papaparse reads the part again.
    return await profileCsvWithSummary(streams[0] as AsyncIterable<Buffer>, {
      ...opts,
      byteReader: csvReaderInstance,
      reopen: () => {
        streams.push(open());
        return streams[streams.length - 1] as AsyncIterable<Buffer>;
      },
    });
  } finally {
    for (const s of streams) s.destroy();
  }
}

/** A part result as a worker posts it: sketches as their state (class instances do not cross threads). */
export function toTransfer(r: CsvPartResult): CsvPartResult {
  if (r.profile === null) return r;
  const columns = r.profile.columns.map((c) =>
    c.numbers.mode === 'sketch' ? { ...c, numbers: { ...c.numbers, sketch: c.numbers.sketch.toState() as unknown as KllSketch } } : c,
  );
  return { ...r, profile: { ...r.profile, columns } };
}

/** The buffers of a transfer-ready result's number and hash arrays, moved to the receiving thread, not copied. */
export function transferables(r: CsvPartResult): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const add = (a: { buffer: ArrayBufferLike } | null | undefined) => {
    if (a?.buffer instanceof ArrayBuffer) out.add(a.buffer);
  };
  for (const c of r.profile?.columns ?? []) {
    if (c.numbers.mode === 'exact') {
      add(c.numbers.values);
      add(c.numbers.counts);
    }
  }
  for (const t of r.textStates) add(t?.hashes);
  return [...out];
}

/** Undoes toTransfer. */
export function fromTransfer(r: CsvPartResult): CsvPartResult {
  if (r.profile === null) return r;
  for (const c of r.profile.columns) {
    if (c.numbers.mode === 'sketch') c.numbers.sketch = KllSketch.fromState(c.numbers.sketch as unknown as KllState);
  }
  return r;
}
