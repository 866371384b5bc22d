/**
 * Numbers as spreadsheets write them for people: a decimal comma ("3,14"), thousands separators
 * ("1,234.5", "1.234,5", "1 234,5" with a space, no-break space U+00A0 or narrow no-break space
 * U+202F, "1'234.5"). {@link parseNumber} reads plain decimals; this reads the rest.
 */

/** Flags of {@link groupedShape}: what the separators of the last parsed cell were. */
export const DECIMAL_POINT = 1;
export const DECIMAL_COMMA = 2;
export const GROUP_POINT = 4;
export const GROUP_COMMA = 8;
export const GROUP_SPACE = 16;
export const GROUP_APOSTROPHE = 32;
/** 1-3 digits (not starting with 0), one ',' and exactly 3 digits: "1,234" (1.234 or 1234). */
export const COMMA_AMBIGUOUS = 64;

/** Shape of the last {@link parseGroupedNumber} call (a module variable: the hot path allocates nothing). */
export let groupedShape = 0;

const SPACE = 32;
const NBSP = 0xa0;
const NNBSP = 0x202f;
const APOSTROPHE = 39;
const COMMA = 44;
const POINT = 46;

function isGroupOnly(c: number): boolean {
  return c === SPACE || c === NBSP || c === NNBSP || c === APOSTROPHE;
}

/**
 * The value of a trimmed cell written with a decimal comma and/or thousands separators, or NaN.
 * Separators: ',' and '.' (decimal mark or thousands), space, U+00A0, U+202F and "'" (thousands
 * only). Rules (each cell on its own; the column decides the ambiguous ones, see ColumnBuilder):
 * - thousands groups: 1-3 leading digits (not a leading 0), then groups of exactly 3, one separator
 *   character throughout: "1,234,567", "1.234.567", "12 345";
 * - a last ',' or '.' that differs from the group separator is the decimal mark: "1,234.5",
 *   "1.234,5", "1 234,5"; a single ',' is a decimal comma ("3,14", ",5", "0,125") unless it is
 *   followed by exactly 3 digits after 1-3 digits ("1,234"): then the cell is {@link COMMA_AMBIGUOUS}
 *   and its value here is the decimal reading (1.234);
 * - an exponent may follow a decimal part ("1,5E-3").
 * A leading '-', '+' or U+2212 minus is a sign. Anything else (dates "01.02.2024", "1,2,3") is NaN.
 *
 * @example parseGroupedNumber('1.234,5') // 1234.5, groupedShape = DECIMAL_COMMA | GROUP_POINT
 */
export function parseGroupedNumber(s: string): number {
  groupedShape = 0;
  const n = s.length;
  let i = 0;
  let c = s.charCodeAt(0);
  if (c === 45 || c === 43 || c === 0x2212) i++;
  const start = i;
  let seps = 0;
  let first = 0; // first separator
  let last = 0; // latest separator
  let firstRun = 0;
  let run = 0;
  let groupsOk = true; // every run between two separators has 3 digits
  let exponent = -1;
  for (; i < n; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      run++;
      continue;
    }
    if ((c === 101 || c === 69) && seps > 0 && run > 0) {
      exponent = i;
      break;
    }
    if (!(c === COMMA || c === POINT || isGroupOnly(c))) return NaN;
    if (run === 0 && !(seps === 0 && i === start && (c === COMMA || c === POINT))) return NaN;
    if (seps === 0) {
      first = c;
      firstRun = run;
    } else {
      if (last !== first) return NaN; // a different separator before this one was not the last
      if (run !== 3) groupsOk = false;
    }
    last = c;
    seps++;
    run = 0;
  }
  if (seps === 0 || run === 0) return NaN;
  if (exponent >= 0 && !/^[eE][+-]?\d+$/.test(s.slice(exponent))) return NaN;
  const leadingZero = s.charCodeAt(start) === 48;
  const groupedStart = firstRun >= 1 && firstRun <= 3 && !leadingZero;
  let decimal = 0; // the decimal separator character, 0 = none
  let group = 0;
  if (first === last) {
    if (seps === 1 && (last === COMMA || last === POINT)) {
      decimal = last;
      if (groupedStart && run === 3 && exponent < 0) {
        if (last === POINT) return NaN; // plain "1.234" is parseNumber's
        groupedShape = COMMA_AMBIGUOUS;
      }
    } else {
      if (!groupedStart || !groupsOk || run !== 3 || exponent >= 0) return NaN;
      group = last;
    }
  } else {
    if (!(last === COMMA || last === POINT)) return NaN;
    if (!groupedStart || !groupsOk) return NaN;
    decimal = last;
    group = first;
  }
  if (groupedShape === 0) {
    groupedShape =
      (decimal === POINT ? DECIMAL_POINT : decimal === COMMA ? DECIMAL_COMMA : 0) |
      (group === POINT
        ? GROUP_POINT
        : group === COMMA
          ? GROUP_COMMA
          : group === APOSTROPHE
            ? GROUP_APOSTROPHE
            : group !== 0
              ? GROUP_SPACE
              : 0);
  }
  let text = s.charCodeAt(0) === 0x2212 ? '-' : start > 0 ? s[0] : '';
  const end = exponent >= 0 ? exponent : n;
  for (let k = start; k < end; k++) {
    const ch = s.charCodeAt(k);
    if (ch >= 48 && ch <= 57) text += s[k];
    else if (ch === decimal) text += '.';
  }
  if (exponent >= 0) text += s.slice(exponent);
  const v = Number(text);
  if (v - v !== 0) {
    groupedShape = 0;
    return NaN;
  }
  return v;
}

/** Could `s` (trimmed, not a plain number) be a grouped number? Its first character decides, cheaply. */
export function mayBeGrouped(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 0x2212 || c === COMMA || c === POINT;
}
