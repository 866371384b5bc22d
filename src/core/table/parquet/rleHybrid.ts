/**
 * Parquet's run-length / bit-packed hybrid encoding (definition levels, dictionary indices), decoded as
 * hyparquet's readRleBitPackedHybrid does (the format: parquet-format Encodings.md, "Run Length
 * Encoding / Bit-Packing Hybrid"), for bit widths up to 24: a bit-packed run is unpacked through one
 * 32-bit accumulator, a byte in when it holds fewer bits than a value, where hyparquet's tests which
 * of three cases each step is (a third of the time of reading the 1M-row bench file's dictionary
 * columns went there); a run-length run is a typed-array fill.
 */

/** The widest values decoded here (a wider one goes through hyparquet's decoder). */
export const HYBRID_MAX_WIDTH = 24;

/**
 * Decodes `out.length` values of `width` bits (1 to HYBRID_MAX_WIDTH) from `bytes` at `at` (no length
 * prefix); returns where the last run read ends. Values past `out.length` in the last run are skipped,
 * as the format pads bit-packed runs to groups of 8. Throws when a run runs past the bytes.
 */
export function readHybrid(bytes: Uint8Array, at: number, width: number, out: Int32Array | Uint8Array): number {
  const n = out.length;
  const size = bytes.length;
  const mask = (1 << width) - 1;
  const valueBytes = (width + 7) >> 3;
  let seen = 0;
  while (seen < n) {
    let header = 0;
    let shift = 0;
    for (;;) {
      if (at >= size) throw new Error('run-length/bit-packed values run past their page');
      const b = bytes[at++];
      header |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) break;
      shift += 7;
    }
    if (header & 1) {
      const groups = header >>> 1;
      const end = at + groups * width;
      if (end > size) throw new Error('bit-packed values run past their page');
      const stop = Math.min(n, seen + groups * 8);
      let buf = 0;
      let bits = 0;
      while (seen < stop) {
        while (bits < width) {
          buf |= bytes[at++] << bits;
          bits += 8;
        }
        out[seen++] = buf & mask;
        buf >>>= width;
        bits -= width;
      }
      at = end;
    } else {
      const count = header >>> 1;
      if (at + valueBytes > size) throw new Error('run-length values run past their page');
      let value = 0;
      for (let i = 0; i < valueBytes; i++) value |= bytes[at++] << (i << 3);
      out.fill(value, seen, Math.min(n, seen + count));
      seen += count;
    }
  }
  return at;
}
