import { POINT_DECIMAL } from './parseNumber.ts';
import {
  COMMA_AMBIGUOUS,
  DECIMAL_COMMA,
  DECIMAL_POINT,
  GROUP_APOSTROPHE,
  GROUP_COMMA,
  GROUP_POINT,
  GROUP_SPACE,
} from './parseGroupedNumber.ts';
import type { ColumnNumberFormat } from './types.ts';

/** `data.decimal` and `data.thousands`. */
export interface NumberFormatOptions {
  decimal?: 'auto' | '.' | ',';
  thousands?: 'auto' | ',' | '.' | ' ' | "'" | 'none';
  /**
   * The mark earlier rows of the same file decided (a file read in chunks, TableBuilder `chunkRows`),
   * with its decidedBy: the column starts decided, as the tracker of the whole file would be by now
   * (not fixed: cells of the other mark are conflicts, not text).
   */
  decided?: DecidedMark;
}

export interface DecidedMark {
  mark: '.' | ',';
  by: string;
}

const POINT = 1;
const COMMA = 2;
const GROUPS = GROUP_POINT | GROUP_COMMA | GROUP_SPACE | GROUP_APOSTROPHE;

/**
 * The decimal mark of one column of one file, learned from its cells as they stream past.
 *
 * A cell such as "3.14", "1,234.5" or "1,234,567" shows the decimal mark is '.'; "3,14", "1.234,5"
 * or "1.234.567" shows it is ','. The first such cell decides the column. "1.234" and "1,234" (1-3
 * digits, one separator, 3 digits) are ambiguous: read with the decided mark, and while the column
 * has not decided, kept as their decimal reading with their rows noted; the decision (here, or later
 * from the other file, see resolveNumberFormats) multiplies the ones that were thousands by 1000
 * (exact: the value is an integer below 10^6). Cells that contradict the decision keep their own
 * reading and are counted as conflicts.
 *
 * With `data.decimal` (or a `data.thousands` of ',' or '.', which implies the other mark) the mark is
 * fixed: cells written the other way are not numbers. `data.thousands` also limits the separators
 * accepted between groups ('none': no grouping at all).
 */
export class NumberFormatTracker {
  /** 0 undecided, POINT or COMMA. */
  decimal = 0;
  private readonly fixed: boolean;
  private readonly allowed: number;
  private groups = 0;
  private localeCells = 0;
  private ambiguous = 0;
  private pendingPoint: number[] = [];
  private pendingComma: number[] = [];
  private example: { row: number; text: string; score: number } | null = null;
  /** Cells with a separator seen (plain "3.14" ones only until the column decided). */
  private cells = 0;
  private conflicts = 0;
  private firstConflict: { row: number; text: string } | null = null;
  /** What decided the mark when earlier rows of the file did (`decided` option). */
  private decidedBy = 'cells';

  constructor(
    opts: NumberFormatOptions,
    /** Multiplies the values of these rows by 1000 (ambiguous cells that turned out to be thousands). */
    private readonly rescale: (rows: number[]) => void,
  ) {
    const t = opts.thousands ?? 'auto';
    const d = opts.decimal && opts.decimal !== 'auto' ? opts.decimal : t === '.' ? ',' : t === ',' ? '.' : null;
    this.fixed = d !== null;
    const start = d ?? opts.decided?.mark ?? null;
    this.decimal = start === '.' ? POINT : start === ',' ? COMMA : 0;
    if (!this.fixed && opts.decided !== undefined) this.decidedBy = opts.decided.by;
    this.allowed =
      t === 'auto'
        ? GROUPS & ~(d === '.' ? GROUP_POINT : d === ',' ? GROUP_COMMA : 0)
        : t === 'none'
          ? 0
          : t === ','
            ? GROUP_COMMA
            : t === '.'
              ? GROUP_POINT
              : t === ' '
                ? GROUP_SPACE
                : GROUP_APOSTROPHE;
  }

  /** True when a plain "3.14" needs no bookkeeping (the common case, checked inline by ColumnBuilder). */
  get pointSettled(): boolean {
    return this.decimal === POINT;
  }

  /**
   * A cell parseNumber read (`shape`: POINT_DECIMAL or POINT_AMBIGUOUS); returns the value to store,
   * NaN when the configured format says it is not a number.
   */
  point(row: number, v: number, shape: number, text: string): number {
    this.cells++;
    if (shape === POINT_DECIMAL) {
      if (this.decimal === COMMA && this.fixed) return NaN;
      this.evidence(POINT, row, text);
      return v;
    }
    return this.ambiguousCell(row, v, text, POINT);
  }

  /**
   * `n` ambiguous cells ("1.234") of a column whose mark is '.': point() reads each as its decimal
   * reading and only counts it.
   */
  settledAmbiguous(n: number): void {
    this.cells += n;
  }

  /** A cell parseGroupedNumber read, with its groupedShape. */
  grouped(row: number, v: number, shape: number, text: string): number {
    this.cells++;
    if (shape === COMMA_AMBIGUOUS) return this.ambiguousCell(row, v, text, COMMA);
    const group = shape & GROUPS;
    if ((group & ~this.allowed) !== 0) return NaN;
    const mark = shape & (DECIMAL_POINT | GROUP_COMMA) ? POINT : shape & (DECIMAL_COMMA | GROUP_POINT) ? COMMA : 0;
    if (mark !== 0 && this.fixed && mark !== this.decimal) return NaN;
    this.groups |= group;
    this.localeCells++;
    this.noteExample(row, text, (group !== 0 ? 2 : 0) + (shape & (DECIMAL_POINT | DECIMAL_COMMA) ? 1 : 0));
    if (mark !== 0) this.evidence(mark, row, text);
    return v;
  }

  /**
   * "1.234" (sep POINT) or "1,234" (sep COMMA); `v` is the decimal reading. A reading the options rule
   * out makes the cell unambiguous.
   */
  private ambiguousCell(row: number, v: number, text: string, sep: number): number {
    const groupFlag = sep === POINT ? GROUP_POINT : GROUP_COMMA;
    const canGroup = (this.allowed & groupFlag) !== 0;
    const canDecimal = !(this.fixed && this.decimal !== sep);
    if (!canGroup && !canDecimal) return NaN;
    if (!canGroup || (this.decimal === sep && canDecimal)) {
      if (sep === COMMA) {
        this.localeCells++;
        this.noteExample(row, text, 1);
      }
      this.evidence(sep, row, text);
      return v;
    }
    this.ambiguous++;
    if (!canDecimal || this.decimal !== 0) {
      // The decided mark is the other one: this separator groups thousands.
      this.groups |= groupFlag;
      this.localeCells++;
      this.noteExample(row, text, 2);
      return Math.round(v * 1000);
    }
    (sep === POINT ? this.pendingPoint : this.pendingComma).push(row);
    this.noteExample(row, text, 0);
    return v;
  }

  private evidence(mark: number, row: number, text: string): void {
    if (this.decimal === 0) {
      this.decide(mark);
    } else if (this.decimal !== mark) {
      if (this.conflicts++ === 0) this.firstConflict = { row: row + 1, text };
    }
  }

  /** Settles the mark and the ambiguous rows noted so far. */
  decide(mark: number): void {
    this.decimal = mark;
    const grouped = mark === POINT ? this.pendingComma : this.pendingPoint;
    if (grouped.length > 0) {
      this.rescale(grouped);
      this.groups |= mark === POINT ? GROUP_COMMA : GROUP_POINT;
      this.localeCells += grouped.length;
    }
    if (mark === COMMA && this.pendingComma.length > 0) this.localeCells += this.pendingComma.length;
    this.pendingPoint = [];
    this.pendingComma = [];
  }

  /** Keeps the first cell that shows the most of the format (thousands and decimal beat either one). */
  private noteExample(row: number, text: string, score: number): void {
    if (this.example === null || score > this.example.score) this.example = { row, text, score };
  }

  /** What the column's cells showed; null when nothing but plain integers (or no numbers) was seen. */
  finish(): ColumnNumberFormat | null {
    const pending = this.pendingPoint.length + this.pendingComma.length;
    if (this.cells === 0 && pending === 0) return null;
    return {
      decimal: this.decimal === POINT ? '.' : this.decimal === COMMA ? ',' : null,
      decidedBy: this.fixed ? 'config' : this.decimal !== 0 ? this.decidedBy : 'undecided',
      thousands: groupNames(this.groups),
      localeCells: this.localeCells,
      ambiguousCells: this.ambiguous,
      ...(this.pendingPoint.length ? { pendingPoint: this.pendingPoint } : {}),
      ...(this.pendingComma.length ? { pendingComma: this.pendingComma } : {}),
      ...(this.example ? { example: { row: this.example.row, text: this.example.text, score: this.example.score } } : {}),
      ...(this.conflicts ? { conflicts: { count: this.conflicts, ...this.firstConflict! } } : {}),
    };
  }
}

function groupNames(groups: number): string {
  return (
    (groups & GROUP_COMMA ? ',' : '') +
    (groups & GROUP_POINT ? '.' : '') +
    (groups & GROUP_SPACE ? ' ' : '') +
    (groups & GROUP_APOSTROPHE ? "'" : '')
  );
}
