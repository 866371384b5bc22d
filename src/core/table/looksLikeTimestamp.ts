const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?$/;
const DMY = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?$/;

/**
 * True when a cell is a date or timestamp in a well-defined format:
 * ISO 8601 `2024-01-31`, `2024-01-31T12:00`, `2024-01-31 12:00:00.123Z`, `2024-01-31T12:00:00+02:00`;
 * `2024/01/31 [12:00[:00]]`; day-first or month-first `31/01/2024`, `01/31/2024`, `31.01.2024`
 * with an optional time. Month, day, hour and minute ranges are checked.
 *
 * @example looksLikeTimestamp('2024-01-31 12:00:00') // true
 * @example looksLikeTimestamp('2024-13-01') // false
 */
export function looksLikeTimestamp(s: string): boolean {
  let m = ISO.exec(s) ?? YMD_SLASH.exec(s);
  if (m) return validDate(+m[2], +m[3]) && validTime(m[4], m[5], m[6]);
  m = DMY.exec(s);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    return (validDate(b, a) || validDate(a, b)) && validTime(m[4], m[5], m[6]);
  }
  return false;
}

function validDate(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function validTime(h?: string, min?: string, sec?: string): boolean {
  if (h === undefined) return true;
  return +h <= 23 && +min! <= 59 && (sec === undefined || +sec <= 60);
}
