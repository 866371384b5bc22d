// A byte-level CSV reader (RFC 4180 quoting, UTF-8) that does the per-cell work of
// src/core/table/ColumnBuilder.add in wasm for the common cells and leaves the rest to JavaScript:
// it splits rows into fields the way papaparse does, trims, matches missing markers, reads plain
// decimal numbers (parseDecimal.ts) and gives every other cell text a code from a per-column
// dictionary of distinct byte strings, so JavaScript makes one string per distinct text.
//
// The JS side (src/core/table/csvBytes.ts) describes the columns (csvInit), copies a block of bytes in
// and calls csvParseBlock, which writes one tag per (row, kept column):
//   TAG_MISSING            empty, blank or a missing marker
//   TAG_NUMBER - shape     a number (value in vals, its bytes at starts/lens), shape as parseNumber's pointShape
//   code * 2 (+ 1)         dictionary code of the trimmed text (+ 1: JavaScript must type the text itself:
//                          it may be a grouped or locale number, or needs JavaScript's Unicode trim)
// Anything papaparse would report or handle differently (a quote that does not close, text after a
// closing quote, a row with too many fields, invalid UTF-8, Unicode spaces around a blank field) makes
// csvParseBlock return DECLINE, and the caller reads the file with papaparse instead.
import { NUM_OK, numShape, numStatus, scanNumber } from './parseDecimal';

export const TAG_MISSING: i32 = -1;
export const TAG_NUMBER: i32 = -2;
export const DECLINE: i32 = -1;

const QUOTE: u32 = 34;
const LF: u32 = 10;
const CR: u32 = 13;

// Column layout.
let width: i32 = 0;
let kept: i32 = 0;
/** Per field of the header: the kept column it feeds, or -1. */
let fieldCol: usize = 0;
/** Per kept column: its field. */
let colField: usize = 0;
let delim: u32 = 44;

// Missing markers: `markerCount` byte strings at markerOff[i] / markerLen[i] in markerBytes.
let markerCount: i32 = 0;
let markerBytes: usize = 0;
let markerOff: usize = 0;
let markerLen: usize = 0;
let markerFirst: usize = 0; // 256 flags

// Dictionary: entries e = 0.. with col, code, arena offset and length; an open-addressing table of
// (hash, e + 1) slots.
let entryCount: i32 = 0;
let entryCap: i32 = 0;
let entryCol: usize = 0;
let entryCode: usize = 0;
let entryOff: usize = 0;
let entryLen: usize = 0;
let arena: usize = 0;
let arenaUsed: usize = 0;
let arenaCap: usize = 0;
let slotCap: i32 = 0;
let slotHash: usize = 0;
let slotEntry: usize = 0;
/** Per kept column: codes given so far. */
let colCodes: usize = 0;
/** Per kept column, CACHE slots of entry + 1 (0 empty), by length and first and last bytes. */
let colCache: usize = 0;
const CACHE: i32 = 64;

// The tapped field (TableBuilder `cellTap`): every data row's raw cell of field `tapField` (-1: none),
// unquoted and unescaped, copied end to end into tapBuf; tapEnds[r] is the end of row r's cell in
// UTF-16 code units from the block's first, so JavaScript decodes the block's cells as one string and
// slices it (one TextDecoder call per block, not per cell).
let tapField: i32 = -1;
let tapBuf: usize = 0;
let tapCap: usize = 0;
let tapEnds: usize = 0;
/** Bytes in tapBuf (this block). */
export let tapBytes: i32 = 0;
let tapUnits: i32 = 0;

// Unescaped text of a quoted field with doubled quotes or CRLF.
let scratch: usize = 0;
let scratchCap: usize = 0;

// Outputs of the last block.
export let rowsOut: i32 = 0;
export let blankRows: i32 = 0;
export let shortRows: i32 = 0;
export let firstShortRow: i32 = -1;
export let longBlankRows: i32 = 0;
export let firstLongBlankRow: i32 = -1;

let tags: usize = 0;
let vals: usize = 0;
let starts: usize = 0;
let lens: usize = 0;
let base: usize = 0;

function grow(ptr: usize, bytes: usize): usize {
  return ptr == 0 ? heap.alloc(bytes) : heap.realloc(ptr, bytes);
}

/**
 * Sets the columns and the missing markers (see the JS side), and empties the dictionary.
 * `fieldColPtr`: `w` i32 (kept column or -1); `markers`: `n` strings as (i32 offset, i32 length) pairs
 * at `markerIndex` into `markerData`.
 */
export function csvInit(w: i32, fieldColPtr: usize, delimiter: u32, markerData: usize, markerIndex: usize, n: i32): void {
  width = w;
  tapField = -1;
  fieldCol = grow(fieldCol, <usize>max(w, 1) * 4);
  memory.copy(fieldCol, fieldColPtr, <usize>w * 4);
  kept = 0;
  for (let f = 0; f < w; f++) if (load<i32>(fieldCol + <usize>f * 4) >= 0) kept++;
  colField = grow(colField, <usize>max(kept, 1) * 4);
  for (let f = 0; f < w; f++) {
    const c = load<i32>(fieldCol + <usize>f * 4);
    if (c >= 0) store<i32>(colField + <usize>c * 4, f);
  }
  delim = delimiter;
  markerCount = n;
  let total: usize = 0;
  for (let i = 0; i < n; i++) total = max(total, <usize>(load<i32>(markerIndex + <usize>i * 8) + load<i32>(markerIndex + <usize>i * 8 + 4)));
  markerBytes = grow(markerBytes, max<usize>(total, 1));
  memory.copy(markerBytes, markerData, total);
  markerOff = grow(markerOff, <usize>max(n, 1) * 4);
  markerLen = grow(markerLen, <usize>max(n, 1) * 4);
  markerFirst = grow(markerFirst, 256);
  memory.fill(markerFirst, 0, 256);
  for (let i = 0; i < n; i++) {
    const off = load<i32>(markerIndex + <usize>i * 8);
    const len = load<i32>(markerIndex + <usize>i * 8 + 4);
    store<i32>(markerOff + <usize>i * 4, off);
    store<i32>(markerLen + <usize>i * 4, len);
    if (len > 0) store<u8>(markerFirst + <usize>load<u8>(markerBytes + <usize>off), 1);
  }
  colCodes = grow(colCodes, <usize>max(kept, 1) * 4);
  memory.fill(colCodes, 0, <usize>max(kept, 1) * 4);
  colCache = grow(colCache, <usize>max(kept, 1) * <usize>CACHE * 4);
  memory.fill(colCache, 0, <usize>max(kept, 1) * <usize>CACHE * 4);
  entryCount = 0;
  arenaUsed = 0;
  if (slotCap == 0) {
    slotCap = 1024;
    slotHash = heap.alloc(<usize>slotCap * 4);
    slotEntry = heap.alloc(<usize>slotCap * 4);
  }
  memory.fill(slotEntry, 0, <usize>slotCap * 4);
}

/**
 * Taps field `field` (-1: none): each block then writes row r's cell end (UTF-16 code units) at
 * `endsPtr` + 4r (room for the block's maxRows) and the cells' bytes to csvTapPtr().
 */
export function csvTap(field: i32, endsPtr: usize): void {
  tapField = field;
  tapEnds = endsPtr;
}

/** The tapped cells' bytes of the last block (tapBytes of them). */
export function csvTapPtr(): usize {
  return tapBuf;
}

/** Appends bytes [s, e) to the tapped cells, counting their UTF-16 code units. */
function tapCell(s: usize, e: usize): void {
  const n = e - s;
  if (<usize>tapBytes + n > tapCap) {
    tapCap = max<usize>(tapCap * 2, <usize>tapBytes + n + 65536);
    tapBuf = grow(tapBuf, tapCap);
  }
  memory.copy(tapBuf + <usize>tapBytes, s, n);
  tapBytes += <i32>n;
  // UTF-8 (valid: the block is checked) to UTF-16: a unit per byte but continuation bytes (10xxxxxx),
  // and two for a 4-byte sequence (lead byte 11110xxx).
  let units = <i32>n;
  for (let p = s; p < e; p++) {
    const c = <u32>load<u8>(p);
    if (c >= 0x80) {
      if (c < 0xc0) units--;
      else if (c >= 0xf0) units++;
    }
  }
  tapUnits += units;
}

/** Dictionary entries so far (all columns); entry e's column, code, arena offset and length. */
export function csvEntryCount(): i32 {
  return entryCount;
}
export function csvEntryCol(e: i32): i32 {
  return load<i32>(entryCol + <usize>e * 4);
}
export function csvEntryCode(e: i32): i32 {
  return load<i32>(entryCode + <usize>e * 4);
}
export function csvEntryPtr(e: i32): usize {
  return arena + <usize>load<i32>(entryOff + <usize>e * 4);
}
export function csvEntryLen(e: i32): i32 {
  return load<i32>(entryLen + <usize>e * 4);
}

@inline
function isSpace(c: u32): bool {
  return c == 32 || (c >= 9 && c <= 13);
}

function isMarker(a: usize, b: usize): bool {
  if (load<u8>(markerFirst + <usize>load<u8>(a)) == 0) return false;
  const n = <i32>(b - a);
  for (let i = 0; i < markerCount; i++) {
    if (load<i32>(markerLen + <usize>i * 4) != n) continue;
    if (memory.compare(a, markerBytes + <usize>load<i32>(markerOff + <usize>i * 4), <usize>n) == 0) return true;
  }
  return false;
}

function rehash(): void {
  const oldCap = slotCap;
  const oldHash = slotHash;
  const oldEntry = slotEntry;
  slotCap = oldCap * 2;
  slotHash = heap.alloc(<usize>slotCap * 4);
  slotEntry = heap.alloc(<usize>slotCap * 4);
  memory.fill(slotEntry, 0, <usize>slotCap * 4);
  const mask = <u32>slotCap - 1;
  for (let s = 0; s < oldCap; s++) {
    const e = load<i32>(oldEntry + <usize>s * 4);
    if (e == 0) continue;
    const h = load<u32>(oldHash + <usize>s * 4);
    let j = h & mask;
    while (load<i32>(slotEntry + <usize>j * 4) != 0) j = (j + 1) & mask;
    store<u32>(slotHash + <usize>j * 4, h);
    store<i32>(slotEntry + <usize>j * 4, e);
  }
  heap.free(oldHash);
  heap.free(oldEntry);
}

@inline
function sameBytes(x: usize, y: usize, n: usize): bool {
  let i: usize = 0;
  for (; i + 8 <= n; i += 8) if (load<u64>(x + i) != load<u64>(y + i)) return false;
  for (; i < n; i++) if (load<u8>(x + i) != load<u8>(y + i)) return false;
  return true;
}

/** The column's code of bytes [a, b), adding an entry for a new text. */
function codeOf(col: i32, a: usize, b: usize): i32 {
  const n = <i32>(b - a);
  // A low-cardinality column's cells mostly hit this cache: no hashing, one comparison.
  const slot =
    colCache +
    ((<usize>col * <usize>CACHE + <usize>((<u32>n * 7 + <u32>load<u8>(a) * 31 + <u32>load<u8>(b - 1) * 131) & <u32>(CACHE - 1))) << 2);
  const cached = load<i32>(slot) - 1;
  if (
    cached >= 0 &&
    load<i32>(entryLen + <usize>cached * 4) == n &&
    sameBytes(arena + <usize>load<i32>(entryOff + <usize>cached * 4), a, <usize>n)
  ) {
    return load<i32>(entryCode + <usize>cached * 4);
  }
  const e = lookup(col, a, b);
  store<i32>(slot, e + 1);
  return load<i32>(entryCode + <usize>e * 4);
}

/** The entry of the column's bytes [a, b), added when new. */
function lookup(col: i32, a: usize, b: usize): i32 {
  const n = <i32>(b - a);
  let h: u32 = 0x811c9dc5 ^ (<u32>col * 0x9e3779b1);
  for (let p = a; p < b; p++) h = (h ^ <u32>load<u8>(p)) * 0x01000193;
  h ^= h >> 15;
  h *= 0x2c1b3c6d;
  h ^= h >> 12;
  const mask = <u32>slotCap - 1;
  let j = h & mask;
  for (;;) {
    const e1 = load<i32>(slotEntry + <usize>j * 4);
    if (e1 == 0) break;
    if (load<u32>(slotHash + <usize>j * 4) == h) {
      const e = e1 - 1;
      if (
        load<i32>(entryCol + <usize>e * 4) == col &&
        load<i32>(entryLen + <usize>e * 4) == n &&
        sameBytes(arena + <usize>load<i32>(entryOff + <usize>e * 4), a, <usize>n)
      ) {
        return e;
      }
    }
    j = (j + 1) & mask;
  }
  if (entryCount == entryCap) {
    entryCap = entryCap == 0 ? 1024 : entryCap * 2;
    entryCol = grow(entryCol, <usize>entryCap * 4);
    entryCode = grow(entryCode, <usize>entryCap * 4);
    entryOff = grow(entryOff, <usize>entryCap * 4);
    entryLen = grow(entryLen, <usize>entryCap * 4);
  }
  if (arenaUsed + <usize>n > arenaCap) {
    arenaCap = max<usize>(arenaCap * 2, arenaUsed + <usize>n + 65536);
    arena = grow(arena, arenaCap);
  }
  memory.copy(arena + arenaUsed, a, <usize>n);
  const e = entryCount++;
  const code = load<i32>(colCodes + <usize>col * 4);
  store<i32>(colCodes + <usize>col * 4, code + 1);
  store<i32>(entryCol + <usize>e * 4, col);
  store<i32>(entryCode + <usize>e * 4, code);
  store<i32>(entryOff + <usize>e * 4, <i32>arenaUsed);
  store<i32>(entryLen + <usize>e * 4, n);
  arenaUsed += <usize>n;
  store<u32>(slotHash + <usize>j * 4, h);
  store<i32>(slotEntry + <usize>j * 4, e + 1);
  if (entryCount * 2 > slotCap) rehash();
  return e;
}

/**
 * Types one cell of kept column `col` (content bytes [s, e), unquoted) into cell slot k. `own`: the
 * bytes lie in the block (not in the scratch buffer), so a number's position can be handed over.
 */
function cell(col: i32, s: usize, e: usize, k: usize, own: bool): void {
  let a = s;
  let b = e;
  if (a < b && (<u32>load<u8>(a) <= 32 || <u32>load<u8>(b - 1) <= 32)) {
    while (a < b && isSpace(<u32>load<u8>(a))) a++;
    while (b > a && isSpace(<u32>load<u8>(b - 1))) b--;
    if (a < b && (<u32>load<u8>(a) >= 0x80 || <u32>load<u8>(b - 1) >= 0x80)) {
      // JavaScript's trim() also removes Unicode spaces: leave the untrimmed text to it.
      store<i32>(tags + k * 4, codeOf(col, s, e) * 2 + 1);
      return;
    }
  }
  if (a == b || isMarker(a, b)) {
    store<i32>(tags + k * 4, TAG_MISSING);
    return;
  }
  const c0 = <u32>load<u8>(a);
  if (c0 - 48 < 10 || c0 == 43 || c0 == 45 || c0 == 46) {
    if (own) {
      const v = scanNumber(a, b);
      if (numStatus == NUM_OK) {
        store<i32>(tags + k * 4, TAG_NUMBER - numShape);
        store<f64>(vals + k * 8, v);
        store<i32>(starts + k * 4, <i32>(a - base));
        store<i32>(lens + k * 4, <i32>(b - a));
        return;
      }
    }
    store<i32>(tags + k * 4, codeOf(col, a, b) * 2 + 1);
    return;
  }
  // ',' starts ",5"; U+2212 (E2 88 92) is a minus sign: both may be locale numbers.
  const slow = c0 == 44 || (c0 == 0xe2 && b - a >= 3 && load<u8>(a + 1) == 0x88 && load<u8>(a + 2) == 0x92);
  store<i32>(tags + k * 4, codeOf(col, a, b) * 2 + (slow ? 1 : 0));
}

/** 0: not blank; 1: blank (empty or ASCII spaces); -1: undecidable here (Unicode spaces may follow). */
function blankness(s: usize, e: usize): i32 {
  let a = s;
  while (a < e && isSpace(<u32>load<u8>(a))) a++;
  if (a == e) return 1;
  if (s < e && <u32>load<u8>(s) > 32 && <u32>load<u8>(e - 1) > 32) return 0;
  let b = e;
  while (b > a && isSpace(<u32>load<u8>(b - 1))) b--;
  return <u32>load<u8>(a) >= 0x80 || <u32>load<u8>(b - 1) >= 0x80 ? -1 : 0;
}

/** Copies a quoted field's content [s, e) without doubled quotes and with CRLF as LF; returns its end. */
function unescape(s: usize, e: usize): usize {
  const n = e - s;
  if (n > scratchCap) {
    scratchCap = max<usize>(n, scratchCap * 2);
    scratch = grow(scratch, scratchCap);
  }
  let o = scratch;
  for (let p = s; p < e; p++) {
    const c = <u32>load<u8>(p);
    if (c == QUOTE) p++;
    else if (c == CR && p + 1 < e && <u32>load<u8>(p + 1) == LF) continue;
    store<u8>(o++, c);
  }
  return o;
}

/**
 * Parses the rows of [ptr, ptr + len) (whole rows; the last one only when `final`), at most `maxRows`
 * data rows, into the cell slots (column-major: cell (row, col) at col * maxRows + row). Returns the bytes consumed (up to the end of the last row parsed),
 * or DECLINE. Sets rowsOut and the row tallies (rows counted within this block).
 */
export function csvParseBlock(
  ptr: usize,
  len: i32,
  final: bool,
  maxRows: i32,
  tagsPtr: usize,
  valsPtr: usize,
  startsPtr: usize,
  lensPtr: usize,
): i32 {
  tags = tagsPtr;
  vals = valsPtr;
  starts = startsPtr;
  lens = lensPtr;
  base = ptr;
  rowsOut = 0;
  blankRows = 0;
  shortRows = 0;
  firstShortRow = -1;
  longBlankRows = 0;
  firstLongBlankRow = -1;
  tapBytes = 0;
  tapUnits = 0;
  const tf = tapField;
  const end = ptr + <usize>len;
  const d = delim;
  let p = ptr;
  let consumed = ptr;
  let rows = 0;
  while (rows < maxRows && p < end) {
    const slot = <usize>rows; // cell (row, col) is at col * maxRows + row: column-major
    const stride = <usize>maxRows;
    let f = 0;
    let f0s: usize = 0;
    let f0e: usize = 0;
    let complete = false;
    const rowTapBytes = tapBytes;
    const rowTapUnits = tapUnits;
    for (;;) {
      // One field starting at p.
      let s = p;
      let e: usize;
      let own = true;
      let ended = false; // the row ends after this field
      if (p < end && <u32>load<u8>(p) == QUOTE) {
        s = p + 1;
        let q = s;
        let special = false;
        for (;;) {
          while (q < end && <u32>load<u8>(q) != QUOTE) {
            if (<u32>load<u8>(q) == CR) special = true;
            q++;
          }
          if (q >= end) {
            if (final) return DECLINE; // never closed: papaparse reports it
            break;
          }
          if (q + 1 < end && <u32>load<u8>(q + 1) == QUOTE) {
            special = true;
            q += 2;
            continue;
          }
          break;
        }
        if (q >= end) break; // incomplete row
        e = q;
        let r = q + 1;
        while (r < end) {
          const c = <u32>load<u8>(r);
          if (c == d || c == LF || !isSpace(c)) break;
          r++;
        }
        if (r >= end) {
          if (!final) break;
          if (r != q + 1) return DECLINE; // spaces after the closing quote at the end: papaparse flags them
          ended = true;
          p = end;
        } else {
          const c = <u32>load<u8>(r);
          if (c == d) p = r + 1;
          else if (c == LF) {
            ended = true;
            p = r + 1;
          } else return DECLINE; // text after the closing quote
        }
        if (special) {
          own = false;
          const o = unescape(s, e);
          s = scratch;
          e = o;
        }
      } else {
        let q = p;
        // 16 bytes at a time: the first delimiter or LF.
        const dv = i8x16.splat(<i8>d);
        const lfv = i8x16.splat(<i8>LF);
        let found = false;
        while (q + 16 <= end) {
          const v = v128.load(q);
          const m = i8x16.bitmask(v128.or(i8x16.eq(v, dv), i8x16.eq(v, lfv)));
          if (m != 0) {
            q += <usize>ctz<u32>(m);
            found = true;
            break;
          }
          q += 16;
        }
        if (!found) {
          while (q < end) {
            const c = <u32>load<u8>(q);
            if (c == d || c == LF) break;
            q++;
          }
        }
        if (q >= end) {
          if (!final) break;
          ended = true;
          e = end;
          p = end;
        } else {
          e = q;
          if (<u32>load<u8>(q) == LF) {
            ended = true;
            if (e > s && <u32>load<u8>(e - 1) == CR) e--;
          }
          p = q + 1;
        }
      }
      if (f == 0) {
        f0s = s;
        f0e = e;
      }
      if (f == tf) tapCell(s, e);
      if (f < width) {
        const col = load<i32>(fieldCol + <usize>f * 4);
        if (col >= 0) cell(col, s, e, <usize>col * stride + slot, own);
      } else if (blankness(s, e) != 1) {
        return DECLINE; // too many fields (or Unicode spaces): papaparse's path reports it
      }
      f++;
      if (ended) {
        complete = true;
        break;
      }
    }
    if (!complete) {
      tapBytes = rowTapBytes;
      tapUnits = rowTapUnits;
      break;
    }
    consumed = p;
    if (f == 1) {
      const blank = blankness(f0s, f0e);
      if (blank < 0) return DECLINE;
      if (blank == 1) {
        blankRows++;
        tapBytes = rowTapBytes;
        tapUnits = rowTapUnits;
        continue;
      }
    }
    if (tf >= 0) store<i32>(tapEnds + <usize>rows * 4, tapUnits);
    if (f < width) {
      for (let c = 0; c < kept; c++) {
        if (load<i32>(colField + <usize>c * 4) >= f) store<i32>(tags + (<usize>c * stride + slot) * 4, TAG_MISSING);
      }
      if (shortRows++ == 0) firstShortRow = rows;
    } else if (f > width) {
      if (longBlankRows++ == 0) firstLongBlankRow = rows;
    }
    rows++;
  }
  rowsOut = rows;
  if (!validUtf8(ptr, consumed)) return DECLINE;
  return <i32>(consumed - ptr);
}

/** Well-formed UTF-8 (Unicode 15, table 3-7); ASCII runs are checked 8 bytes at a time. */
function validUtf8(a: usize, b: usize): bool {
  let p = a;
  while (p < b) {
    if (p + 8 <= b && (load<u64>(p) & 0x8080808080808080) == 0) {
      p += 8;
      continue;
    }
    const c = <u32>load<u8>(p);
    if (c < 0x80) {
      p++;
      continue;
    }
    let need: u32;
    let lo: u32 = 0x80;
    let hi: u32 = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c == 0xe0) {
      need = 2;
      lo = 0xa0;
    } else if ((c >= 0xe1 && c <= 0xec) || c == 0xee || c == 0xef) need = 2;
    else if (c == 0xed) {
      need = 2;
      hi = 0x9f;
    } else if (c == 0xf0) {
      need = 3;
      lo = 0x90;
    } else if (c >= 0xf1 && c <= 0xf3) need = 3;
    else if (c == 0xf4) {
      need = 3;
      hi = 0x8f;
    } else return false;
    for (let k: u32 = 1; k <= need; k++) {
      if (p + <usize>k >= b) return false;
      const x = <u32>load<u8>(p + <usize>k);
      if (k == 1 ? x < lo || x > hi : x < 0x80 || x > 0xbf) return false;
    }
    p += <usize>need + 1;
  }
  return true;
}
