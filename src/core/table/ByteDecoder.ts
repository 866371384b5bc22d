import { InputError } from '../errors.ts';
import { notCsvReason } from './notCsvReason.ts';

/** `data.encoding`: 'auto' reads a byte-order mark, else UTF-8, falling back to Windows-1252. */
export type Encoding = 'auto' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'latin1';

/** Bytes held back before decoding starts: enough for the file-type signatures and the NUL check. */
const HEAD_BYTES = 4096;

const NAMES: Record<Exclude<Encoding, 'auto'>, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  'windows-1252': 'Windows-1252',
  latin1: 'Latin-1',
};

/**
 * Turns a file's bytes, fed in pieces of any size, into text; pure (TextDecoder only), so the CLI and
 * the browser workers decode alike.
 *
 * - The first 4 KB are held back to check the file is text at all (see {@link notCsvReason}): an
 *   Excel workbook, a PDF or gzip data is an InputError naming the file, not "data row 1 has 2 fields".
 * - 'auto': a byte-order mark picks UTF-8, UTF-16LE or UTF-16BE (NUL bytes at every other position
 *   without a BOM are taken as UTF-16 too, with a warning). Otherwise the bytes are decoded as UTF-8
 *   with `fatal: true`, so an invalid byte is never silently replaced by U+FFFD. At the first
 *   invalid byte, if everything before it was ASCII (the same text in both encodings), decoding
 *   continues as Windows-1252 with a warning naming the file and the byte offset: the usual case of
 *   a CSV saved by Excel on Windows ("K\xf6ln"). Invalid bytes after valid non-ASCII UTF-8 mean mixed
 *   encodings: an InputError asking for `data.encoding`.
 * - An explicit encoding is used as given; an invalid byte in UTF-8 or UTF-16 is an InputError.
 *   'latin1' is ISO-8859-1 proper (bytes 0x80-0x9F are C1 controls); WHATWG TextDecoder maps the
 *   'latin1' label to Windows-1252, so it is decoded here byte by byte.
 *
 * Multi-byte sequences split between two pieces are decoded whole (TextDecoder `stream: true`).
 */
export class ByteDecoder {
  readonly warnings: string[] = [];
  /** The encoding in use (after detection), for messages and tests. */
  encoding: Exclude<Encoding, 'auto'> = 'utf-8';
  private decoder: InstanceType<typeof TextDecoder> | null = null; // @types/node declares TextDecoder only as a value
  private head: Uint8Array[] | null = [];
  private headLength = 0;
  /** UTF-8 with the Windows-1252 fallback still possible. */
  private fallback = false;
  /** Bytes decoded (successfully) and UTF-16 code units produced, to tell whether all was ASCII. */
  private bytesIn = 0;
  private charsOut = 0;
  private previous: Uint8Array | null = null;

  /**
   * @param continuation the bytes are a later part of a file (split for parallel reading) in the
   *   file's encoding `requested` (not 'auto'): no file-type check, and a byte-order mark at its start
   *   is text (U+FEFF), as it would be in the middle of the file.
   */
  constructor(
    private readonly file: string,
    private readonly requested: Encoding = 'auto',
    private readonly continuation = false,
  ) {
    if (continuation && requested === 'auto') throw new Error('ByteDecoder: a continuation needs the file encoding');
  }

  /** Text decoded from this piece (may be empty: bytes are held back at the start and mid-character). */
  push(bytes: Uint8Array): string {
    if (this.head !== null) {
      this.head.push(bytes);
      this.headLength += bytes.length;
      if (this.headLength < HEAD_BYTES) return '';
      return this.start(concat(this.head, this.headLength));
    }
    return this.decode(bytes);
  }

  /**
   * The rest of the text at the end of the input. `truncated`: the input is only the start of a file
   * (a header preview), so an incomplete character at its end is dropped, not an error.
   */
  end(truncated = false): string {
    const text = this.head !== null ? this.start(concat(this.head, this.headLength)) : '';
    if (truncated) return text;
    return text + this.flush();
  }

  private start(head: Uint8Array): string {
    this.head = null;
    if (this.continuation) {
      const encoding = this.requested as Exclude<Encoding, 'auto'>;
      this.encoding = encoding;
      this.decoder = encoding === 'latin1' ? null : new TextDecoder(encoding, { fatal: encoding !== 'windows-1252', ignoreBOM: true });
      return this.decode(head);
    }
    const bom = byteOrderMark(head);
    let encoding: Exclude<Encoding, 'auto'>;
    if (this.requested !== 'auto') {
      encoding = this.requested;
    } else if (bom !== null) {
      encoding = bom;
    } else {
      const utf16 = utf16WithoutBom(head);
      if (utf16 !== null) {
        encoding = utf16;
        this.warnings.push(
          `${this.file} has no byte-order mark but looks like ${NAMES[utf16]} (NUL bytes at every other position); read as ${NAMES[utf16]}. Set data.encoding to override.`,
        );
      } else {
        const reason = notCsvReason(head, this.file);
        if (reason !== null) throw new InputError(`${this.file} is not a CSV file (looks like ${reason.what}); ${reason.advice}`);
        encoding = 'utf-8';
        this.fallback = true;
      }
    }
    if (this.requested !== 'auto' && !encoding.startsWith('utf-16')) {
      const reason = notCsvReason(head, this.file);
      if (reason !== null) throw new InputError(`${this.file} is not a CSV file (looks like ${reason.what}); ${reason.advice}`);
    }
    this.encoding = encoding;
    // TextDecoder drops a BOM of its own encoding (ignoreBOM: false).
    this.decoder = encoding === 'latin1' ? null : new TextDecoder(encoding, { fatal: encoding !== 'windows-1252' });
    return this.decode(head);
  }

  private decode(bytes: Uint8Array): string {
    if (this.decoder === null) return latin1(bytes);
    try {
      const text = this.decoder.decode(bytes, { stream: true });
      this.bytesIn += bytes.length;
      this.charsOut += text.length;
      this.previous = bytes;
      return text;
    } catch {
      if (this.fallback) return this.switchToWindows1252(bytes);
      throw this.invalid(this.badOffset(bytes).offset);
    }
  }

  /** Where UTF-8 failed: the held bytes of the previous piece plus `bytes`, and the bad byte's offset. */
  private badOffset(bytes: Uint8Array): { pending: Uint8Array; bad: number; done: number; offset: number } {
    const held = this.previous === null ? 0 : unfinishedTail(this.previous);
    const pending = concat([this.previous?.subarray(this.previous.length - held) ?? new Uint8Array(0), bytes], held + bytes.length);
    const done = this.bytesIn - held;
    const bad = this.encoding === 'utf-8' ? firstInvalidUtf8(pending) : 0;
    return { pending, bad, done, offset: done + bad };
  }

  private flush(): string {
    if (this.decoder === null) return '';
    try {
      return this.decoder.decode();
    } catch {
      if (this.fallback) return this.switchToWindows1252(new Uint8Array(0));
      throw this.invalid(this.badOffset(new Uint8Array(0)).offset);
    }
  }

  /**
   * UTF-8 failed in `bytes` (or at the end): the bytes the decoder still held from the previous piece
   * (an unfinished sequence, at most 3) and `bytes` are decoded again as Windows-1252, and so is the
   * rest of the input, when all text so far was ASCII.
   */
  private switchToWindows1252(bytes: Uint8Array): string {
    const { pending, bad, done, offset } = this.badOffset(bytes);
    if (this.charsOut !== done || !isAscii(pending.subarray(0, bad))) {
      throw new InputError(
        `${this.file} is not valid UTF-8 (first bad byte at offset ${offset}) although earlier non-ASCII text in it is UTF-8: it mixes encodings; re-save it as UTF-8 or set data.encoding (e.g. windows-1252)`,
      );
    }
    this.warnings.push(
      `${this.file} is not valid UTF-8 (first bad byte at offset ${offset}); read as Windows-1252. Set data.encoding to override.`,
    );
    this.fallback = false;
    this.encoding = 'windows-1252';
    this.decoder = new TextDecoder('windows-1252');
    return this.decoder.decode(pending, { stream: true });
  }

  private invalid(offset: number): InputError {
    const name = NAMES[this.encoding];
    return new InputError(
      `${this.file} is not valid ${name} (first bad byte ${this.encoding === 'utf-8' ? 'at' : 'near'} offset ${offset}); set data.encoding to the file's encoding (utf-8, utf-16le, utf-16be, windows-1252 or latin1)`,
    );
  }
}

function byteOrderMark(b: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 text without a BOM: mostly-ASCII text puts a NUL in every code unit's high byte, so NULs
 * sit at odd offsets only (LE) or even offsets only (BE). Required: at least 8 code units, NULs in
 * at least 90% of the units on one side and none on the other, whose bytes are all text (no control
 * byte but tab, CR, LF), so binary data with scattered NULs is not taken for text.
 */
function utf16WithoutBom(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length, 1024) & ~1;
  if (n < 16) return null;
  let even = 0;
  let odd = 0;
  let evenControl = 0;
  let oddControl = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    else if (isControl(b[i])) evenControl++;
    if (b[i + 1] === 0) odd++;
    else if (isControl(b[i + 1])) oddControl++;
  }
  const units = n / 2;
  if (even === 0 && evenControl === 0 && odd >= 0.9 * units) return 'utf-16le';
  if (odd === 0 && oddControl === 0 && even >= 0.9 * units) return 'utf-16be';
  return null;
}

function isControl(c: number): boolean {
  return c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d;
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) return false;
  return true;
}

/** ISO-8859-1: each byte is the code point of the same value. */
function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

/** Length of an unfinished UTF-8 sequence at the end of `b` (what a streaming decoder holds back). */
function unfinishedTail(b: Uint8Array): number {
  for (let k = 1; k <= 3 && k <= b.length; k++) {
    const c = b[b.length - k];
    if (c < 0x80) return 0;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return need > k ? k : 0;
    }
  }
  return 0;
}

/**
 * Index of the first byte of the first ill-formed UTF-8 sequence in `b` (Unicode 15, table 3-7,
 * well-formed byte sequences), or `b.length` when there is none (an unfinished sequence at the end
 * counts as ill-formed at its start).
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c === 0xe0) [need, lo] = [2, 0xa0];
    else if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) need = 2;
    else if (c === 0xed) [need, hi] = [2, 0x9f];
    else if (c === 0xf0) [need, lo] = [3, 0x90];
    else if (c >= 0xf1 && c <= 0xf3) need = 3;
    else if (c === 0xf4) [need, hi] = [3, 0x8f];
    else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return i;
      const d = b[i + k];
      if (k === 1 ? d < lo || d > hi : d < 0x80 || d > 0xbf) return i;
    }
    i += need + 1;
  }
  return n;
}
