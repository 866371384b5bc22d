import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { Encoding } from '../core/table/ByteDecoder.ts';
import { detectFormat, type Delimiter } from '../core/table/detectFormat.ts';
import { notCsvReason } from '../core/table/notCsvReason.ts';

/** A contiguous byte range of a CSV starting at a record boundary, with the parser rows before it. */
export interface CsvPart {
  start: number;
  /** Exclusive. */
  end: number;
  /** Record-terminating newlines before `start` (header and blank lines included). */
  linesBefore: number;
}

export interface CsvSplit {
  /** Null when the file is to be read in one piece (`parts` null), found before its end. */
  sha256: string | null;
  size: number;
  /** Null when the file must be read in one piece (see planCsvSplit). */
  parts: CsvPart[] | null;
  /** Offset of the first record boundary past 1 MiB (or the size): the head read before the parts. */
  headEnd: number;
  /** The delimiter and encoding every part after the first is read with. */
  delimiter: Delimiter;
  encoding: Exclude<Encoding, 'auto' | 'utf-16le' | 'utf-16be'>;
}

const BLOCK = 4 << 20;
const HEAD = 1 << 20;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Reads a CSV once, hashing it (SHA-256), and finds up to `parts` - 1 split points near equal byte
 * offsets: each just after a '\n' outside quotes, so every part parses on its own from a record
 * boundary. Quote state is the parity of '"' bytes from the first byte, which is the parser's state
 * only for RFC 4180 quoting (a quote opens a field, right after a delimiter or a line start, and closes
 * it, right before a delimiter or line end; doubled quotes inside): any other quote (`5" screen`, text
 * after a closing quote) and the file is read in one piece. So is a file whose encoding is not
 * ASCII-compatible or unknown from its head (UTF-16, NUL bytes), one with old Mac '\r' line endings,
 * and one whose head a type check rejects (the sequential read gives the error).
 */
export async function planCsvSplit(
  path: string,
  opts: { parts: number; delimiter: 'auto' | Delimiter; encoding?: Encoding; signal?: AbortSignal },
): Promise<CsvSplit> {
  const handle = await fs.open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const hash = createHash('sha256');
    const buf = Buffer.allocUnsafe(BLOCK);
    let base = 0;
    let n = (await handle.read(buf, 0, BLOCK, 0)).bytesRead;
    const head = buf.subarray(0, Math.min(n, HEAD));
    const format = headFormat(head, opts);
    const delimiter: Delimiter = format?.delimiter ?? ',';
    const encoding = format?.encoding ?? 'utf-8';
    let ok = format !== null && opts.parts > 1;
    const delim = delimiter.charCodeAt(0);
    const parts: CsvPart[] = [];
    let nextTarget = Math.floor(size / opts.parts);
    let partStart = 0;
    let partLines = 0;
    let lines = 0;
    let inQuotes = false;
    /** A '"' ended the previous block inside quotes: its meaning depends on the next byte. */
    let pendingQuote = false;
    let lastByte = LF;
    let headEnd = size;
    while (n > 0) {
      const block = buf.subarray(0, n);
      hash.update(block);
      if (ok) {
        let i = 0;
        if (pendingQuote) {
          pendingQuote = false;
          if (block[0] === QUOTE) i = 1;
          else if (block[0] === delim || block[0] === LF) inQuotes = false;
          else ok = false;
        }
        let nextQuote = -2;
        let nextLf = -2;
        while (ok && i < n) {
          if (inQuotes) {
            const q = block.indexOf(QUOTE, i);
            if (q < 0) break;
            if (q === n - 1) {
              pendingQuote = true;
              break;
            }
            const after = block[q + 1];
            if (after === QUOTE) {
              i = q + 2;
              continue;
            }
            if (after !== delim && after !== LF && !(after === CR && q + 2 < n && block[q + 2] === LF)) ok = false;
            inQuotes = false;
            i = q + 1;
            continue;
          }
          if (nextQuote < i && nextQuote !== -1) nextQuote = block.indexOf(QUOTE, i);
          const stop = nextQuote < 0 ? n : nextQuote;
          for (;;) {
            if (nextLf < i && nextLf !== -1) nextLf = block.indexOf(LF, i);
            if (nextLf < 0 || nextLf >= stop) break;
            lines++;
            i = nextLf + 1;
            const at = base + i;
            if (headEnd === size && at >= HEAD && lines >= 2) headEnd = at;
            if (at >= nextTarget && at < size && lines >= 2) {
              parts.push({ start: partStart, end: at, linesBefore: partLines });
              partStart = at;
              partLines = lines;
              nextTarget = Math.floor((size * (parts.length + 1)) / opts.parts);
              if (parts.length === opts.parts - 1) nextTarget = Infinity;
            }
          }
          if (nextQuote < 0) break;
          const prev = nextQuote > 0 ? block[nextQuote - 1] : lastByte;
          if (prev !== delim && prev !== LF && !(base + nextQuote === 3 && format?.bom)) ok = false;
          inQuotes = true;
          i = nextQuote + 1;
        }
      }
      // Read in one piece after all: the one-piece read hashes the file itself.
      if (!ok) return { sha256: null, size, headEnd, parts: null, delimiter, encoding };
      lastByte = block[n - 1];
      base += n;
      opts.signal?.throwIfAborted();
      n = (await handle.read(buf, 0, BLOCK, base)).bytesRead;
    }
    if (pendingQuote || inQuotes) ok = false;
    if (ok) parts.push({ start: partStart, end: size, linesBefore: partLines });
    if (!ok) return { sha256: null, size, headEnd, parts: null, delimiter, encoding };
    return { sha256: hash.digest('hex'), size, headEnd, parts: parts.length > 1 ? parts : null, delimiter, encoding };
  } finally {
    await handle.close();
  }
}

/**
 * The file's delimiter and an ASCII-compatible encoding from its head, as the sequential reader
 * would find them (ByteDecoder, detectFormat); null when the file is to be read in one piece.
 */
function headFormat(
  head: Uint8Array,
  opts: { delimiter: 'auto' | Delimiter; encoding?: Encoding },
): { delimiter: Delimiter; encoding: CsvSplit['encoding']; bom: boolean } | null {
  const requested = opts.encoding ?? 'auto';
  if (requested === 'utf-16le' || requested === 'utf-16be') return null;
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return null;
  // NUL bytes: UTF-16 without a byte-order mark, or not text at all.
  if (head.indexOf(0) >= 0) return null;
  if (notCsvReason(head.subarray(0, 4096)) !== null) return null;
  const bom = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  if (bom && requested !== 'auto' && requested !== 'utf-8') return null;
  // Only ASCII bytes decide the delimiter and line ending, and they read alike in every encoding here.
  const detected = detectFormat(new TextDecoder('utf-8').decode(head));
  if (detected.newline === '\r') return null;
  const encoding = requested === 'auto' ? 'utf-8' : requested;
  return { delimiter: opts.delimiter === 'auto' ? detected.delimiter : opts.delimiter, encoding, bom };
}
