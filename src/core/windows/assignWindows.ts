/**
 * Which production rows fall in which window: calendar windows (day, ISO week from Monday, month)
 * cut on local wall-clock time in windows.timezone, consecutive row-count windows, or one window per
 * production file. Rows may come unsorted; a window's rows keep their file order. Calendar windows
 * run from the first to the last window with rows, empty ones included (they show as gaps, 0 rows).
 */
import { InputError } from '../errors.ts';
import type { WindowPeriod, WindowSource } from './types.ts';
import { ZoneClock, utc } from './zoneClock.ts';

const DAY = 86_400_000;
/** More windows than this is a period far too short for the data's span; refused with a hint. */
export const MAX_WINDOWS = 20_000;

/** One window before analysis: its rows as indices into the run's rows (the production files end to end). */
export interface WindowPlan {
  label: string;
  source: WindowSource;
  start: string | null;
  end: string | null;
  file: string | null;
  rows: Int32Array;
}

/** Days since 1970-01-01 -> [year, month 1-12, day] (H. Hinnant's civil_from_days, proleptic Gregorian). */
export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const dateText = ([y, m, d]: [number, number, number]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** The window key of local milliseconds: day number, Monday-week number, or year * 12 + month - 1. */
function keyOf(local: number, period: WindowPeriod): number {
  const day = Math.floor(local / DAY);
  if (period === 'day') return day;
  // 1970-01-01 was a Thursday: day + 3 counts from Monday 1969-12-29.
  if (period === 'week') return Math.floor((day + 3) / 7);
  const [y, m] = civilFromDays(day);
  return y * 12 + m - 1;
}

/** The first local day of a window key. */
function firstDay(key: number, period: WindowPeriod): number {
  if (period === 'day') return key;
  if (period === 'week') return key * 7 - 3;
  const y = Math.floor(key / 12);
  return Math.round(utc(y, (key % 12) + 1, 1) / DAY);
}

/** '2024-03-04', '2024-W10' (ISO 8601 week of its Monday), '2024-03'. */
function labelOf(key: number, period: WindowPeriod): string {
  if (period === 'day') return dateText(civilFromDays(key));
  if (period === 'month') return `${pad(Math.floor(key / 12), 4)}-${pad((key % 12) + 1)}`;
  const monday = firstDay(key, 'week');
  // The ISO week-year is the Thursday's year; week 1 holds the year's first Thursday.
  const thursday = monday + 3;
  const [y] = civilFromDays(thursday);
  const jan1 = Math.round(utc(y, 1, 1) / DAY);
  return `${pad(y, 4)}-W${pad(Math.floor((thursday - jan1) / 7) + 1)}`;
}

/**
 * Calendar windows of `local` (local milliseconds per row, NaN = no timestamp). Empty when no row
 * has a timestamp.
 */
export function calendarWindows(local: Float64Array, period: WindowPeriod, timeZone: string): WindowPlan[] {
  const n = local.length;
  const keys = new Float64Array(n);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = local[i];
    if (t !== t) {
      keys[i] = NaN;
      continue;
    }
    const k = keyOf(t, period);
    keys[i] = k;
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  if (lo === Infinity) return [];
  const count = hi - lo + 1;
  if (count > MAX_WINDOWS) {
    throw new InputError(
      `windows: the timestamps run from ${labelOf(lo, period)} to ${labelOf(hi, period)}, ${count} ${period} windows (at most ${MAX_WINDOWS}); choose a longer windows.every or check the timestamp column`,
    );
  }
  // Counting sort by key: rows stay in file order within a window.
  const sizes = new Int32Array(count);
  for (let i = 0; i < n; i++) if (keys[i] === keys[i]) sizes[keys[i] - lo]++;
  const windows = Array.from(sizes, (size) => new Int32Array(size));
  const fill = new Int32Array(count);
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (k !== k) continue;
    const w = k - lo;
    windows[w][fill[w]++] = i;
  }
  const clock = new ZoneClock(timeZone);
  const startOf = (key: number) => new Date(clock.toInstant(firstDay(key, period) * DAY)).toISOString();
  return windows.map((rows, w) => ({
    label: labelOf(lo + w, period),
    source: 'time' as const,
    start: startOf(lo + w),
    end: startOf(lo + w + 1),
    file: null,
    rows,
  }));
}

/** Consecutive windows of `every` rows over `rows` rows (the last one may be shorter). */
export function rowWindows(rows: number, every: number): WindowPlan[] {
  const out: WindowPlan[] = [];
  for (let from = 0; from < rows; from += every) {
    const to = Math.min(rows, from + every);
    const idx = new Int32Array(to - from);
    for (let i = 0; i < idx.length; i++) idx[i] = from + i;
    out.push({ label: `rows ${from + 1}-${to}`, source: 'rows', start: null, end: null, file: null, rows: idx });
  }
  return out;
}

/** One window per file: `files` in order with their row counts, rows numbered end to end. */
export function fileWindows(files: readonly { file: string; rows: number }[]): WindowPlan[] {
  let offset = 0;
  return files.map(({ file, rows }) => {
    const idx = new Int32Array(rows);
    for (let i = 0; i < rows; i++) idx[i] = offset + i;
    offset += rows;
    return { label: file, source: 'file' as const, start: null, end: null, file, rows: idx };
  });
}
