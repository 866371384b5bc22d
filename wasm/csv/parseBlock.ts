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
//   TAG_HASHED             a text that is no number, in a column JavaScript counts by hashes only
//                          (csvHashing: it passed the dictionary limit): no dictionary entry; its
//                          TextHashSet hash pair (h1, h2) as two i32 in its vals slot, its bytes at
//                          starts/lens
// Besides the tags, every cell also goes to dense per-column outputs that let JavaScript take a whole
// column of a block with typed-array copies when the block holds only common cells (see csvOutputs):
// vals holds NaN for every cell that is no number, codes the builder's code of a coded text (from the
// map JavaScript sets with csvMapEntry; -1 for a missing cell), hashes each hashed text's pair in row
// order, and the tally counts the column's cells by kind (K_*).
// Anything papaparse would report or handle differently (a quote that does not close, text after a
// closing quote, a row with too many fields, invalid UTF-8, Unicode spaces around a blank field) makes
// csvParseBlock return DECLINE, and the caller reads the file with papaparse instead.
import { NUM_OK, numShape, numStatus, scanNumber } from './parseDecimal';

export const TAG_MISSING: i32 = -1;
export const TAG_NUMBER: i32 = -2;
export const TAG_HASHED: i32 = -16;
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
/** Per entry: the builder code JavaScript gave its text (csvMapEntry), or -1. */
let entryMap: usize = 0;
let arena: usize = 0;
let arenaUsed: usize = 0;
let arenaCap: usize = 0;
let slotCap: i32 = 0;
let slotHash: usize = 0;
let slotEntry: usize = 0;
/** Per kept column: codes given so far. */
let colCodes: usize = 0;
/** Per kept column: 1 when its texts are hashed, not coded (csvHashing). */
let colHashing: usize = 0;
/** Per kept column, CACHE slots of entry + 1 (0 empty), by length and first and last bytes. */
let colCache: usize = 0;
const CACHE: i32 = 128;

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

/**
 * Readable bytes past the end of every buffer a cell's bytes lie in (the block, which JavaScript
 * allocates with this slack, the scratch buffer, the dictionary's arena): short texts are compared
 * with one 8-byte load.
 */
const SLACK: usize = 8;

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
let codes: usize = 0;
let hashes: usize = 0;
let tally: usize = 0;
/** Cell slots per column in the outputs (cell (row, col) at col * stride + row). */
let stride: usize = 0;
let base: usize = 0;

// Tally kinds: per kept column TALLY i32 counters of the block's cells.
export const TALLY: i32 = 8;
const K_INT: usize = 0; // a number, shape 0
const K_DEC: usize = 1; // a number, POINT_DECIMAL
const K_AMB: usize = 2; // a number, POINT_AMBIGUOUS
const K_MISSING: usize = 3;
const K_CODED: usize = 4; // a text that is no number, with a builder code (codes)
const K_HASHED: usize = 5; // a hashed text (hashes)
const K_OTHER: usize = 6; // anything JavaScript must look at cell by cell

@inline
function count(col: i32, kind: usize): void {
  const at = tally + ((<usize>col * <usize>TALLY + kind) << 2);
  store<i32>(at, load<i32>(at) + 1);
}

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
  colHashing = grow(colHashing, <usize>max(kept, 1) * 4);
  memory.fill(colHashing, 0, <usize>max(kept, 1) * 4);
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

/**
 * Column `col`'s texts that are no number are hashed (TAG_HASHED), not coded, from the next block on
 * (`on` 1), or coded again (0): JavaScript counts a high-cardinality column's texts by hash only.
 */
export function csvHashing(col: i32, on: i32): void {
  store<i32>(colHashing + <usize>col * 4, on);
}

/**
 * Writes TextHashSet.add's hash pair of the UTF-16 code units of UTF-8 bytes [a, b) (valid UTF-8: an
 * invalid block is declined anyway) as two i32 at `out`.
 */
function textHash(a: usize, b: usize, out: usize): void {
  let h1: u32 = 0x811c9dc5;
  let h2: u32 = 0x9747b28c;
  let p = a;
  while (p < b) {
    let c = <u32>load<u8>(p);
    if (c < 0x80) p++;
    else if (c < 0xe0) {
      c = ((c & 0x1f) << 6) | (<u32>load<u8>(p + 1) & 0x3f);
      p += 2;
    } else if (c < 0xf0) {
      c = ((c & 0x0f) << 12) | ((<u32>load<u8>(p + 1) & 0x3f) << 6) | (<u32>load<u8>(p + 2) & 0x3f);
      p += 3;
    } else {
      const cp = (((c & 0x07) << 18) | ((<u32>load<u8>(p + 1) & 0x3f) << 12) | ((<u32>load<u8>(p + 2) & 0x3f) << 6) | (<u32>load<u8>(p + 3) & 0x3f)) - 0x10000;
      p += 4;
      const hi = 0xd800 + (cp >> 10);
      h1 = (h1 ^ hi) * 0x01000193;
      h2 = (h2 ^ hi) * 0x5bd1e995;
      h2 ^= h2 >> 15;
      c = 0xdc00 + (cp & 0x3ff);
    }
    h1 = (h1 ^ c) * 0x01000193;
    h2 = (h2 ^ c) * 0x5bd1e995;
    h2 ^= h2 >> 15;
  }
  h1 ^= h1 >> 16;
  h1 *= 0x85ebca6b;
  h1 ^= h1 >> 13;
  store<u32>(out, h1);
  store<u32>(out + 4, h2);
}

/**
 * True when bytes [a, b) (trimmed, starting like a number) hold an ASCII character that no number
 * parseNumber or parseGroupedNumber reads can hold (anything but digits, + - . , ' e E, spaces and
 * controls, non-ASCII): a date or time such as 2024-01-01T00:00:00 is text without JavaScript's look.
 */
function surelyText(a: usize, b: usize): bool {
  for (let p = a; p < b; p++) {
    const c = <u32>load<u8>(p);
    if (c <= 32 || c >= 0x80 || c - 48 < 10) continue;
    if (c == 43 || c == 45 || c == 46 || c == 44 || c == 39 || c == 101 || c == 69) continue;
    return true;
  }
  return false;
}

/** A text that is no number: hashed (a hashing column, bytes in the block) or coded. */
@inline
function textCell(col: i32, a: usize, b: usize, k: usize, own: bool): void {
  if (own && load<i32>(colHashing + <usize>col * 4) != 0) {
    store<i32>(tags + k * 4, TAG_HASHED);
    textHash(a, b, vals + k * 8);
    store<i32>(starts + k * 4, <i32>(a - base));
    store<i32>(lens + k * 4, <i32>(b - a));
    // and densely, in row order, for JavaScript's copy of the column's hashes
    const at = tally + ((<usize>col * <usize>TALLY + K_HASHED) << 2);
    const h = load<i32>(at);
    store<i32>(at, h + 1);
    store<u64>(hashes + ((<usize>col * stride + <usize>h) << 3), load<u64>(vals + k * 8));
    return;
  }
  const e = entryOf(col, a, b);
  store<i32>(tags + k * 4, load<i32>(entryCode + <usize>e * 4) * 2);
  store<f64>(vals + k * 8, NaN);
  const mapped = load<i32>(entryMap + <usize>e * 4);
  store<i32>(codes + k * 4, mapped);
  count(col, mapped >= 0 ? K_CODED : K_OTHER);
}

/** A text JavaScript must type itself (it may be a locale number, or needs Unicode trimming). */
@inline
function otherCell(col: i32, a: usize, b: usize, k: usize): void {
  const e = entryOf(col, a, b); // first: a new entry may move entryCode
  store<i32>(tags + k * 4, load<i32>(entryCode + <usize>e * 4) * 2 + 1);
  count(col, K_OTHER);
}

/** A missing cell. */
@inline
function missingCell(col: i32, k: usize): void {
  store<i32>(tags + k * 4, TAG_MISSING);
  store<f64>(vals + k * 8, NaN);
  store<i32>(codes + k * 4, -1);
  count(col, K_MISSING);
}

/**
 * Undoes the tally of cell slot k of column `col` (a row that turned out blank or incomplete), from
 * its tag: the kind of a tag does not change within a block (JavaScript maps codes between blocks).
 */
function uncount(col: i32, k: usize): void {
  const t = load<i32>(tags + k * 4);
  let kind: usize;
  if (t == TAG_MISSING) kind = K_MISSING;
  else if (t == TAG_HASHED) kind = K_HASHED;
  else if (t <= TAG_NUMBER) kind = <usize>(TAG_NUMBER - t); // shape 0, 1, 2: K_INT, K_DEC, K_AMB
  else if ((t & 1) == 0 && load<i32>(codes + k * 4) >= 0) kind = K_CODED;
  else kind = K_OTHER;
  const at = tally + ((<usize>col * <usize>TALLY + kind) << 2);
  store<i32>(at, load<i32>(at) - 1);
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

/** Whether [a, b) is a missing marker (the caller checked markerFirst). */
function isMarker(a: usize, b: usize): bool {
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
  if (n - 1 < 8) {
    // 1 to 8 bytes: one masked 8-byte comparison (the buffers have 8 bytes of slack, see SLACK).
    return ((load<u64>(x) ^ load<u64>(y)) & (<u64>-1 >> ((8 - <u64>n) << 3))) == 0;
  }
  let i: usize = 0;
  for (; i + 8 <= n; i += 8) if (load<u64>(x + i) != load<u64>(y + i)) return false;
  for (; i < n; i++) if (load<u8>(x + i) != load<u8>(y + i)) return false;
  return true;
}

/** The column's entry of bytes [a, b), added for a new text. */
function entryOf(col: i32, a: usize, b: usize): i32 {
  const n = <i32>(b - a);
  // A low-cardinality column's cells mostly hit this cache: no hashing, one comparison.
  const slot =
    colCache +
    ((<usize>col * <usize>CACHE +
      <usize>(
        (<u32>n * 7 + <u32>load<u8>(a) * 31 + <u32>load<u8>(b - 1) * 131 + <u32>load<u8>(b - (n >= 2 ? 2 : 1)) * 1031) &
        <u32>(CACHE - 1)
      )) <<
      2);
  const cached = load<i32>(slot) - 1;
  if (
    cached >= 0 &&
    load<i32>(entryLen + <usize>cached * 4) == n &&
    sameBytes(arena + <usize>load<i32>(entryOff + <usize>cached * 4), a, <usize>n)
  ) {
    return cached;
  }
  const e = lookup(col, a, b);
  store<i32>(slot, e + 1);
  return e;
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
    entryMap = grow(entryMap, <usize>entryCap * 4);
  }
  if (arenaUsed + <usize>n + SLACK > arenaCap) {
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
  store<i32>(entryMap + <usize>e * 4, -1);
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
      otherCell(col, s, e, k);
      return;
    }
  }
  if (a == b || (load<u8>(markerFirst + <usize>load<u8>(a)) != 0 && isMarker(a, b))) {
    missingCell(col, k);
    return;
  }
  const c0 = <u32>load<u8>(a);
  if (c0 - 48 < 10 || c0 == 43 || c0 == 45 || c0 == 46) {
    if (own) {
      const v = scanNumber(a, b);
      if (numStatus == NUM_OK) {
        store<i32>(tags + k * 4, TAG_NUMBER - numShape);
        store<f64>(vals + k * 8, v);
        if (numShape != 0) {
          // JavaScript reads the text of a decimal while the column's mark is undecided; an integer never.
          store<i32>(starts + k * 4, <i32>(a - base));
          store<i32>(lens + k * 4, <i32>(b - a));
        }
        count(col, <usize>numShape); // K_INT, K_DEC, K_AMB
        return;
      }
    }
    if (surelyText(a, b)) textCell(col, a, b, k, own);
    else otherCell(col, a, b, k);
    return;
  }
  // ',' starts ",5"; U+2212 (E2 88 92) is a minus sign: both may be locale numbers.
  if (c0 == 44 || (c0 == 0xe2 && b - a >= 3 && load<u8>(a + 1) == 0x88 && load<u8>(a + 2) == 0x92)) {
    otherCell(col, a, b, k);
    return;
  }
  textCell(col, a, b, k, own);
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
    scratch = grow(scratch, scratchCap + SLACK);
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
 * Sets the outputs of the blocks: `cellStride` cell slots per kept column (cell (row, col) at
 * col * cellStride + row) of tags (i32), vals (f64), starts and lens (i32, a number's or hashed text's
 * bytes from the block's start), codes (i32), hashes (per column 2 * cellStride i32: the hashed texts'
 * pairs in row order), and TALLY i32 per kept column (cells by kind).
 */
export function csvOutputs(
  cellStride: i32,
  tagsPtr: usize,
  valsPtr: usize,
  startsPtr: usize,
  lensPtr: usize,
  codesPtr: usize,
  hashesPtr: usize,
  tallyPtr: usize,
): void {
  stride = <usize>cellStride;
  tags = tagsPtr;
  vals = valsPtr;
  starts = startsPtr;
  lens = lensPtr;
  codes = codesPtr;
  hashes = hashesPtr;
  tally = tallyPtr;
}

/** Entry e's text has code `code` in the column's builder (-1: forget it). */
export function csvMapEntry(e: i32, code: i32): void {
  store<i32>(entryMap + <usize>e * 4, code);
}

/** Forgets every entry's builder code (the builders started afresh). */
export function csvMapReset(): void {
  memory.fill(entryMap, 0xff, <usize>entryCount * 4);
}

/**
 * Parses the rows of [ptr, ptr + len) (whole rows; the last one only when `final`), at most `maxRows`
 * (<= the outputs' stride) data rows, into the cell slots (see csvOutputs). Returns the bytes consumed
 * (up to the end of the last row parsed), or DECLINE. Sets rowsOut, the row tallies (rows counted
 * within this block) and the cell tally.
 */
export function csvParseBlock(ptr: usize, len: i32, final: bool, maxRows: i32): i32 {
  base = ptr;
  memory.fill(tally, 0, <usize>max(kept, 1) * <usize>TALLY * 4);
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
    const slot = <usize>rows; // cell (row, col) is at col * stride + row: column-major
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
      // The fields read of the incomplete row are read again with the next block.
      for (let g = 0; g < f && g < width; g++) {
        const col = load<i32>(fieldCol + <usize>g * 4);
        if (col >= 0) uncount(col, <usize>col * stride + slot);
      }
      break;
    }
    consumed = p;
    if (f == 1) {
      const blank = blankness(f0s, f0e);
      if (blank < 0) return DECLINE;
      if (blank == 1) {
        const col = width > 0 ? load<i32>(fieldCol) : -1;
        if (col >= 0) uncount(col, <usize>col * stride + slot);
        blankRows++;
        tapBytes = rowTapBytes;
        tapUnits = rowTapUnits;
        continue;
      }
    }
    if (tf >= 0) store<i32>(tapEnds + <usize>rows * 4, tapUnits);
    if (f < width) {
      for (let c = 0; c < kept; c++) {
        if (load<i32>(colField + <usize>c * 4) >= f) missingCell(c, <usize>c * stride + slot);
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
    // ASCII 64 bytes at a time: no byte has its high bit set.
    if (p + 64 <= b) {
      const x = v128.or(v128.or(v128.load(p), v128.load(p, 16)), v128.or(v128.load(p, 32), v128.load(p, 48)));
      if (i8x16.bitmask(x) == 0) {
        p += 64;
        continue;
      }
    }
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
