/**
 * Wall-clock time in an IANA time zone, from the runtime's Intl data (no time-zone library): the
 * offset of a zone at an instant, and the instant of a local wall-clock time. Wall-clock times are
 * handled as "local milliseconds": Date.UTC of the wall-clock fields, so calendar arithmetic on them
 * (days, weeks, months) is plain UTC arithmetic.
 */
const MINUTE = 60_000;
const BUCKET = 15 * MINUTE;
const DAY = 86_400_000;

export class ZoneClock {
  private readonly format: Intl.DateTimeFormat | null;
  /** Offset at the start of each 15-minute bucket of instants. */
  private readonly cache = new Map<number, number>();

  constructor(readonly zone: string) {
    this.format =
      zone === 'UTC'
        ? null
        : new Intl.DateTimeFormat('en-US', {
            timeZone: zone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
            era: 'short',
          });
  }

  /** The zone's offset from UTC at `instant` (ms): local milliseconds = instant + offset. */
  offsetAt(instant: number): number {
    if (this.format === null) return 0;
    // Offsets change at most once within 15 minutes (transitions are on whole minutes, months apart), so
    // a bucket whose two ends agree has that offset throughout; otherwise the instant is looked up itself.
    const b = Math.floor(instant / BUCKET);
    const start = this.bucketOffset(b);
    return start === this.bucketOffset(b + 1) ? start : this.exactOffset(instant);
  }

  private bucketOffset(b: number): number {
    let o = this.cache.get(b);
    if (o === undefined) {
      o = this.exactOffset(b * BUCKET);
      this.cache.set(b, o);
    }
    return o;
  }

  private exactOffset(instant: number): number {
    const seconds = Math.floor(instant / 1000) * 1000;
    const f: Record<string, string> = {};
    for (const p of this.format!.formatToParts(new Date(seconds))) f[p.type] = p.value;
    const year = f.era === 'BC' || f.era === 'B' ? 1 - Number(f.year) : Number(f.year);
    const wall = utc(year, Number(f.month), Number(f.day), Number(f.hour), Number(f.minute), Number(f.second));
    return wall - seconds;
  }

  /** Local milliseconds of an instant. */
  toLocal(instant: number): number {
    return instant + this.offsetAt(instant);
  }

  /**
   * The instant of a local wall-clock time, as Temporal's 'compatible' disambiguation: a time that
   * occurs twice (clocks set back) is its earlier instant; a time skipped by clocks set forward is
   * moved forward by the gap (02:30 on a spring-forward night of Europe/Berlin is 03:30 CEST).
   */
  toInstant(local: number): number {
    const before = this.offsetAt(local - DAY);
    const after = this.offsetAt(local + DAY);
    const a = local - before;
    const b = local - after;
    const aFits = this.toLocal(a) === local;
    const bFits = this.toLocal(b) === local;
    if (aFits && bFits) return Math.min(a, b);
    if (aFits) return a;
    if (bFits) return b;
    return a;
  }
}

/** Date.UTC for any year (Date.UTC maps years 0-99 to 1900-1999). */
export function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, ms);
  return d.getTime();
}
