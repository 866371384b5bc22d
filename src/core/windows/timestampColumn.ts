/**
 * The windows' timestamp column, read cell by cell as the parser passes (TableBuilder `cellTap`), into
 * local milliseconds in windows.timezone (zoneClock.ts): the formats looksLikeTimestamp accepts (the
 * rules that type a column as a timestamp), with a stricter calendar (31 February is not a date).
 * Cells with an offset (`Z`, `+02:00`) are instants and converted to the zone; cells without one are
 * wall-clock times in the zone already. `31/01/2024` vs `01/31/2024`: the column is day-first unless
 * a cell proves month-first (second part above 12) and none proves day-first; cells that fit neither
 * chosen reading are unparsable. Missing and unparsable cells are counted (with a few examples), never
 * dropped silently.
 */
import { utc, ZoneClock } from './zoneClock.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
const DMY = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;

/** Examples of unparsable cells kept for the report, each clipped to this many characters. */
const EXAMPLES = 3;
const CLIP = 40;

export interface TimestampValues {
  /** Local milliseconds per row (see zoneClock.ts); NaN where the cell is missing or unparsable. */
  local: Float64Array;
  missing: number;
  unparsable: number;
  /** The first unparsable cells (at most 3, clipped), in row order. */
  unparsableExamples: string[];
  /** 1-based data row of the first unparsable cell (0 when none). */
  firstUnparsableRow: number;
  /** How `31/01/2024`-style dates were read; null when the column had none. */
  dayOrder: 'day-first' | 'month-first' | null;
}

/** Days in a month of the proleptic Gregorian calendar. */
function daysIn(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validTime(h: number, min: number, sec: number): boolean {
  return h <= 23 && min <= 59 && sec <= 60;
}

/** Milliseconds of a fraction of a second written with up to 9 digits (truncated to whole ms). */
function fraction(digits: string | undefined): number {
  return digits === undefined ? 0 : Math.floor(Number((digits + '00').slice(0, 3)));
}

/** The wall-clock reading of (year, month, day, time), or NaN when not a calendar date/time. */
function wall(y: number, mo: number, d: number, m: RegExpExecArray, at: number): number {
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return NaN;
  const h = m[at] === undefined ? 0 : +m[at];
  const mi = m[at + 1] === undefined ? 0 : +m[at + 1];
  const s = m[at + 2] === undefined ? 0 : +m[at + 2];
  if (!validTime(h, mi, s)) return NaN;
  return utc(y, mo, d, h, mi, s, fraction(m[at + 3]));
}

/** The offset in ms of `Z`, `+02`, `+0200`, `+02:00`; null when absent. */
function offsetOf(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (text === 'Z') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const h = +digits.slice(0, 2);
  const min = digits.length > 2 ? +digits.slice(2, 4) : 0;
  return sign * (h * 60 + min) * 60_000;
}

/**
 * A TimestampColumn's state before finish() (plain data, to post between threads): what one part of a
 * file tapped, its rows numbered from the part's first row. TimestampColumn.joined puts parts together.
 */
export interface TimestampState {
  local: Float64Array;
  alt: Float64Array | null;
  rows: number;
  missing: number;
  dmyRows: number[];
  onlyExamples: { day: { row: number; text: string }[]; month: { row: number; text: string }[] };
  unparsableCount: number;
  examples: { row: number; text: string }[];
  dayFirstOnly: number;
  monthFirstOnly: number;
}

export class TimestampColumn {
  private local: Float64Array;
  /** Month-first readings of ambiguous `a/b/yyyy` cells (NaN elsewhere), allocated on the first one. */
  private alt: Float64Array | null = null;
  private readonly clock: ZoneClock;
  private readonly missingMarkers: Set<string>;
  /** The lengths of the missing markers. */
  private readonly markerLengths: Set<number>;
  missing = 0;
  /** Rows of `a/b/yyyy` cells, settled at finish(). */
  private dmyRows: number[] = [];
  /** The first cells only one reading fits, by reading: unparsable if the column takes the other. */
  private onlyExamples = { day: [] as { row: number; text: string }[], month: [] as { row: number; text: string }[] };
  private unparsableCount = 0;
  private examples: { row: number; text: string }[] = [];
  private dayFirstOnly = 0;
  private monthFirstOnly = 0;
  private rows = 0;

  /**
   * @param timeZone       windows.timezone
   * @param missingValues  data.missing_values (the empty cell is always missing)
   */
  constructor(timeZone: string, missingValues: readonly string[], capacity = 1024) {
    this.clock = new ZoneClock(timeZone);
    this.missingMarkers = new Set(missingValues.map((v) => v.trim()));
    this.markerLengths = new Set([...this.missingMarkers].map((v) => v.length));
    this.local = new Float64Array(Math.max(16, capacity)).fill(NaN);
  }

  /** Records data row `row` (0-based) from its raw cell text. */
  add(row: number, raw: string): void {
    if (row >= this.local.length) this.grow(Math.max(row + 1, this.local.length * 2));
    if (row >= this.rows) this.rows = row + 1;
    const s = raw.trim();
    // A marker's length first: a cell of another length is no marker, and its text is not hashed.
    if (s === '' || (this.markerLengths.has(s.length) && this.missingMarkers.has(s))) {
      this.missing++;
      return;
    }
    const t = this.parse(s, row);
    if (t === AMBIGUOUS) return;
    if (t === t) this.local[row] = t;
    else this.unparsable(row, s);
  }

  /**
   * Records data row `row` from a typed date/time cell (a Parquet TIMESTAMP or DATE): milliseconds
   * since 1970, an `instant` (UTC-adjusted, as a cell with an offset) converted to the zone, else a
   * wall-clock reading already in the zone (as a cell without one). NaN is missing.
   */
  addTime(row: number, ms: number, instant: boolean): void {
    if (row >= this.local.length) this.grow(Math.max(row + 1, this.local.length * 2));
    if (row >= this.rows) this.rows = row + 1;
    if (!Number.isFinite(ms)) {
      this.missing++;
      return;
    }
    this.local[row] = instant ? this.clock.toLocal(ms) : ms;
  }

  private unparsable(row: number, s: string): void {
    this.unparsableCount++;
    if (this.examples.length < EXAMPLES) this.examples.push({ row, text: s.length > CLIP ? s.slice(0, CLIP - 1) + '…' : s });
  }

  private grow(capacity: number): void {
    const local = new Float64Array(capacity).fill(NaN);
    local.set(this.local);
    this.local = local;
    if (this.alt !== null) {
      const alt = new Float64Array(capacity).fill(NaN);
      alt.set(this.alt);
      this.alt = alt;
    }
  }

  /** The day of the last plain ISO cell (isoPlain) and its start, for the cells of the same day that follow. */
  private dayText = '';
  private dayStart = NaN;

  /**
   * `yyyy-mm-dd`, `yyyy-mm-dd hh:mm` or `yyyy-mm-ddThh:mm:ss` (no fraction, no offset) read without the
   * ISO expression, as its branch of parse() reads them: the same checks (calendar day, time) and the same
   * milliseconds (utc() of the day plus the time of day, which is how Date adds them up, exactly in
   * integers). null for any other text (parse() then applies the expressions).
   */
  private isoPlain(s: string): number | null {
    const n = s.length;
    if ((n !== 10 && n !== 16 && n !== 19) || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
    const day = n === 10 ? s : s.slice(0, 10);
    if (day !== this.dayText) {
      const y = digits(s, 0, 4);
      const mo = digits(s, 5, 2);
      const d = digits(s, 8, 2);
      if (y < 0 || mo < 0 || d < 0) return null;
      this.dayText = day;
      this.dayStart = mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) ? NaN : utc(y, mo, d);
    }
    if (n === 10) return this.dayStart;
    const sep = s.charCodeAt(10);
    if ((sep !== 84 && sep !== 32) || s.charCodeAt(13) !== 58 || (n === 19 && s.charCodeAt(16) !== 58)) return null;
    const h = digits(s, 11, 2);
    const mi = digits(s, 14, 2);
    const sec = n === 19 ? digits(s, 17, 2) : 0;
    if (h < 0 || mi < 0 || sec < 0) return null;
    if (this.dayStart !== this.dayStart || !validTime(h, mi, sec)) return NaN;
    return this.dayStart + ((h * 60 + mi) * 60 + sec) * 1000;
  }

  private parse(s: string, row: number): number {
    const plain = this.isoPlain(s);
    if (plain !== null) return plain;
    let m = ISO.exec(s);
    if (m !== null) {
      const t = wall(+m[1], +m[2], +m[3], m, 4);
      const offset = offsetOf(m[8]);
      return offset === null || t !== t ? t : this.clock.toLocal(t - offset);
    }
    m = YMD_SLASH.exec(s);
    if (m !== null) return wall(+m[1], +m[2], +m[3], m, 4);
    m = DMY.exec(s);
    if (m === null) return NaN;
    const dayFirst = wall(+m[3], +m[2], +m[1], m, 4);
    const monthFirst = wall(+m[3], +m[1], +m[2], m, 4);
    if (dayFirst === dayFirst && monthFirst === monthFirst && dayFirst !== monthFirst) {
      // Decided at finish(): keep both readings.
      this.alt ??= new Float64Array(this.local.length).fill(NaN);
      this.alt[row] = monthFirst;
      this.dmyRows.push(row);
      this.local[row] = dayFirst;
      return AMBIGUOUS;
    }
    if (dayFirst === dayFirst && monthFirst !== monthFirst) {
      this.dayFirstOnly++;
      return this.pendingOnly(row, dayFirst, 'day', s);
    }
    if (monthFirst === monthFirst && dayFirst !== dayFirst) {
      this.monthFirstOnly++;
      return this.pendingOnly(row, monthFirst, 'month', s);
    }
    return dayFirst;
  }

  /** A cell that only one reading fits: kept in its slot (local day-first, alt month-first) until the column's order is known. */
  private pendingOnly(row: number, t: number, order: 'day' | 'month', text: string): number {
    this.alt ??= new Float64Array(this.local.length).fill(NaN);
    if (order === 'day') this.local[row] = t;
    else this.alt[row] = t;
    this.dmyRows.push(row);
    const examples = this.onlyExamples[order];
    if (examples.length < EXAMPLES) examples.push({ row, text: text.length > CLIP ? text.slice(0, CLIP - 1) + '…' : text });
    return AMBIGUOUS;
  }

  /** The state so far (see TimestampState); its arrays are this column's own (no copy). */
  state(): TimestampState {
    return {
      local: this.local.subarray(0, this.rows),
      alt: this.alt === null ? null : this.alt.subarray(0, this.rows),
      rows: this.rows,
      missing: this.missing,
      dmyRows: this.dmyRows,
      onlyExamples: this.onlyExamples,
      unparsableCount: this.unparsableCount,
      examples: this.examples,
      dayFirstOnly: this.dayFirstOnly,
      monthFirstOnly: this.monthFirstOnly,
    };
  }

  /**
   * The column one tap over the whole file would hold, from the states of its parts in order, part k
   * starting at data row `rowsBefore[k]`: every cell was read alone, so the parts' readings, counts
   * and pending day/month decisions put end to end are the one tap's (the first examples being the
   * first of the parts' first examples). Call finish() with the file's rows.
   */
  static joined(
    timeZone: string,
    missingValues: readonly string[],
    parts: readonly TimestampState[],
    rowsBefore: readonly number[],
  ): TimestampColumn {
    const rows = parts.reduce((m, p, k) => (p.rows > 0 ? Math.max(m, rowsBefore[k] + p.rows) : m), 0);
    const out = new TimestampColumn(timeZone, missingValues, rows);
    const shift = (xs: readonly { row: number; text: string }[], by: number) => xs.map((e) => ({ row: e.row + by, text: e.text }));
    parts.forEach((p, k) => {
      const at = rowsBefore[k];
      out.local.set(p.local.subarray(0, p.rows), at);
      if (p.alt !== null) {
        out.alt ??= new Float64Array(out.local.length).fill(NaN);
        out.alt.set(p.alt.subarray(0, p.rows), at);
      }
      out.missing += p.missing;
      for (const r of p.dmyRows) out.dmyRows.push(r + at);
      out.onlyExamples.day.push(...shift(p.onlyExamples.day, at));
      out.onlyExamples.month.push(...shift(p.onlyExamples.month, at));
      out.unparsableCount += p.unparsableCount;
      out.examples.push(...shift(p.examples, at));
      out.dayFirstOnly += p.dayFirstOnly;
      out.monthFirstOnly += p.monthFirstOnly;
    });
    out.onlyExamples.day.length = Math.min(out.onlyExamples.day.length, EXAMPLES);
    out.onlyExamples.month.length = Math.min(out.onlyExamples.month.length, EXAMPLES);
    out.examples.length = Math.min(out.examples.length, EXAMPLES);
    out.rows = rows;
    return out;
  }

  /** The column for `rows` data rows (rows the tap never saw are missing). */
  finish(rows: number): TimestampValues {
    if (rows > this.local.length) this.grow(rows);
    this.missing += Math.max(0, rows - this.rows);
    let dayOrder: TimestampValues['dayOrder'] = null;
    if (this.alt !== null) {
      const monthFirst = this.monthFirstOnly > 0 && this.dayFirstOnly === 0;
      dayOrder = monthFirst ? 'month-first' : 'day-first';
      for (const row of this.dmyRows) {
        const chosen = monthFirst ? this.alt[row] : this.local[row];
        this.local[row] = chosen;
        if (chosen !== chosen) this.unparsableCount++;
      }
      this.examples.push(...this.onlyExamples[monthFirst ? 'day' : 'month']);
      this.alt = null;
      this.dmyRows = [];
    }
    this.examples.sort((a, b) => a.row - b.row);
    this.examples.length = Math.min(this.examples.length, EXAMPLES);
    return {
      local: this.local.subarray(0, rows),
      missing: this.missing,
      unparsable: this.unparsableCount,
      unparsableExamples: this.examples.map((e) => e.text),
      firstUnparsableRow: this.examples.length ? this.examples[0].row + 1 : 0,
      dayOrder,
    };
  }
}

/** The number written by the `count` ASCII digits of s from `at`; -1 when one is not a digit. */
function digits(s: string, at: number, count: number): number {
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** parse()'s result for a DMY cell decided at finish(). */
const AMBIGUOUS = -Infinity;
