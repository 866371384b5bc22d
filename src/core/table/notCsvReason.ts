/**
 * What a file is when its first bytes show it is not text: the magic numbers of the formats people
 * most often pick by mistake instead of a CSV export, then NUL bytes (which no text encoding but
 * UTF-16/32 produces; UTF-16 is recognised before this runs).
 */
export interface NotCsv {
  /** "an Excel workbook", "a PDF document", ... */
  what: string;
  /** What to do instead, e.g. "export it as CSV". */
  advice: string;
}

const EXPORT = 'export it as CSV';

/** Magic numbers (file signatures) at offset 0, from each format's specification. */
const SIGNATURES: { bytes: number[]; what: string; advice: string }[] = [
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an Excel workbook (.xls)', advice: EXPORT },
  { bytes: [0x1f, 0x8b], what: 'gzip-compressed data', advice: 'decompress it (gunzip) first' },
  { bytes: [0x42, 0x5a, 0x68], what: 'bzip2-compressed data', advice: 'decompress it (bunzip2) first' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'xz-compressed data', advice: 'decompress it (unxz) first' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], what: 'zstd-compressed data', advice: 'decompress it (unzstd) first' },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image', advice: EXPORT },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image', advice: EXPORT },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document', advice: EXPORT },
  { bytes: [0x50, 0x41, 0x52, 0x31], what: 'a Parquet file', advice: EXPORT },
];

/** NUL bytes are looked for in this many leading bytes. */
export const SNIFF_BYTES = 1024;

/**
 * Why `head` (the first bytes of a file, at least {@link SNIFF_BYTES} unless the file is shorter)
 * cannot be a CSV, or null when it may be one.
 *
 * @example notCsvReason(new Uint8Array([0x50, 0x4b, 3, 4])) // { what: 'an Excel workbook (.xlsx) or another zip archive', ... }
 */
export function notCsvReason(head: Uint8Array, file = ''): NotCsv | null {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    // An .xlsx is a zip whose first entries are [Content_Types].xml and xl/...; other zips get both names.
    const excel = /\.xls[xmb]$/i.test(file) || latin1(head).includes('xl/') || latin1(head).includes('[Content_Types].xml');
    return { what: excel ? 'an Excel workbook' : 'a zip archive', advice: excel ? EXPORT : 'unzip it first' };
  }
  for (const s of SIGNATURES) if (startsWith(head, s.bytes)) return { what: s.what, advice: s.advice };
  const n = Math.min(head.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) {
    if (head[i] === 0) return { what: 'binary data: it has NUL bytes', advice: EXPORT };
  }
  return null;
}

function startsWith(head: Uint8Array, sig: number[]): boolean {
  if (head.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (head[i] !== sig[i]) return false;
  return true;
}

function latin1(head: Uint8Array): string {
  let s = '';
  const n = Math.min(head.length, 4096);
  for (let i = 0; i < n; i++) s += String.fromCharCode(head[i]);
  return s;
}
