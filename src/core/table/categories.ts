import { isSmallInteger, SMALL_INTEGERS } from './distinct.ts';
import { parseNumber } from './parseNumber.ts';
import type { ParsedColumn } from './types.ts';

export interface AlignedCategories {
  /** Union of the categories seen in either file, sorted (numerically when all are numbers). */
  categories: string[];
  /** Per row: index into `categories`, -1 = missing. */
  refCodes: Int32Array;
  prodCodes: Int32Array;
}

/**
 * Codes both files' values of a categorical column over the union of their categories.
 *
 * - Neither file has text (a numeric categorical): categories are the distinct numbers, labelled
 *   `String(value)`, so "1" and "1.0" are one category (pandas on a numeric dtype).
 * - Otherwise values are compared as text (pandas casts both sides to str when the dtypes differ):
 *   dictionary entries as they are (numbers in a dictionary are already `String(value)`, see
 *   ColumnBuilder), numbers of a file without text as `String(value)`.
 *
 * Categories are sorted numerically when every category is a number, else by UTF-16 code units,
 * so the order is deterministic and locale-free. Linear in the rows (typed-array remaps).
 *
 * @example alignCategories(col('1','2'), col('2.0','3')).categories // ['1', '2', '3']
 */
export function alignCategories(refCol: ParsedColumn, prodCol: ParsedColumn): AlignedCategories {
  for (const c of [refCol, prodCol]) {
    if (c.highCardinality) throw new Error(`alignCategories: column "${c.name}" is high-cardinality text (no codes)`);
  }
  // Without codes a column has values (types.ts).
  if (refCol.codes === null && prodCol.codes === null) return alignNumbers(refCol.values!, prodCol.values!);
  const { categories, ref, prod } = textUnion(refCol, prodCol);
  return { categories, refCodes: remap(ref.codes, ref.to), prodCodes: remap(prod.codes, prod.to) };
}

/**
 * alignCategories' categories with each file's count per category (index = position in
 * `categories`), for the tests, which read only counts: a text column's rows are counted by their own
 * dictionary codes and the counts moved to the shared positions, instead of re-coding every row (two
 * 1M-element remaps per column on the bench file).
 */
export function alignedCategoryCounts(
  refCol: ParsedColumn,
  prodCol: ParsedColumn,
  countCodes: (codes: Int32Array, k: number) => Float64Array,
): { categories: string[]; refCounts: Float64Array; prodCounts: Float64Array } {
  if (!refCol.highCardinality && !prodCol.highCardinality && refCol.codes === null && prodCol.codes === null) {
    return numberCounts(refCol.values!, prodCol.values!);
  }
  if (refCol.highCardinality || prodCol.highCardinality) {
    const { categories, refCodes, prodCodes } = alignCategories(refCol, prodCol);
    return { categories, refCounts: countCodes(refCodes, categories.length), prodCounts: countCodes(prodCodes, categories.length) };
  }
  const { categories, ref, prod } = textUnion(refCol, prodCol);
  const gather = (side: UnionSide): Float64Array => {
    const local = countCodes(side.codes, side.to.length);
    const out = new Float64Array(categories.length);
    side.to.forEach((position, i) => (out[position] += local[i]));
    return out;
  };
  return { categories, refCounts: gather(ref), prodCounts: gather(prod) };
}

/**
 * alignNumbers' categories with each file's count per category, counted as the numbers are read
 * (no codes to build and count: a 1M-row pair's numeric categorical took ~60 ms that way, ~10 ms so).
 */
function numberCounts(ref: Float64Array, prod: Float64Array): { categories: string[]; refCounts: Float64Array; prodCounts: Float64Array } {
  // Small non-negative integers (isSmallInteger, tested on the int32 as in countDistinctNumbers) are
  // counted in arrays, other numbers in a Map.
  const small = [new Float64Array(SMALL_INTEGERS), new Float64Array(SMALL_INTEGERS)];
  let smallEnd = 0;
  const others = new Map<number, [number, number]>();
  [ref, prod].forEach((values, side) => {
    const counts = small[side];
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const j = v | 0;
      if (j === v && j >>> 0 < SMALL_INTEGERS) {
        counts[j]++;
        if (j >= smallEnd) smallEnd = j + 1;
      } else if (v === v) {
        let both = others.get(v);
        if (both === undefined) others.set(v, (both = [0, 0]));
        both[side]++;
      }
    }
  });
  const distinct: number[] = [];
  for (let v = 0; v < smallEnd; v++) if (small[0][v] !== 0 || small[1][v] !== 0) distinct.push(v);
  for (const v of others.keys()) distinct.push(v);
  const sorted = Float64Array.from(distinct).sort();
  const refCounts = new Float64Array(sorted.length);
  const prodCounts = new Float64Array(sorted.length);
  sorted.forEach((v, i) => {
    const both = isSmallInteger(v) ? null : others.get(v)!;
    refCounts[i] = both === null ? small[0][v] : both[0];
    prodCounts[i] = both === null ? small[1][v] : both[1];
  });
  return { categories: Array.from(sorted, (v) => String(v)), refCounts, prodCounts };
}

/** One file's rows coded over its own labels, and where each of its labels sits among the union's categories. */
interface UnionSide {
  codes: Int32Array;
  to: number[];
}

/** The sorted union of two text-coded columns' labels, each side's local codes mapped onto it. */
function textUnion(refCol: ParsedColumn, prodCol: ParsedColumn): { categories: string[]; ref: UnionSide; prod: UnionSide } {
  const ref = textCodes(refCol);
  const prod = textCodes(prodCol);
  const categories = sortCategories([...new Set([...ref.labels, ...prod.labels])]);
  const position = new Map(categories.map((c, i) => [c, i]));
  const side = ({ labels, codes }: { labels: string[]; codes: Int32Array }): UnionSide => ({
    codes,
    to: labels.map((l) => position.get(l)!),
  });
  return { categories, ref: side(ref), prod: side(prod) };
}

function alignNumbers(ref: Float64Array, prod: Float64Array): AlignedCategories {
  // Small non-negative integers (the usual numeric categories) go through flag / position arrays,
  // other numbers through a Set and a Map.
  const small = new Uint8Array(SMALL_INTEGERS);
  let smallEnd = 0;
  const others = new Set<number>();
  for (const values of [ref, prod]) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== v) continue;
      if (isSmallInteger(v)) {
        small[v] = 1;
        if (v >= smallEnd) smallEnd = v + 1;
      } else others.add(v);
    }
  }
  const distinct: number[] = [];
  for (let v = 0; v < smallEnd; v++) if (small[v] !== 0) distinct.push(v);
  for (const v of others) distinct.push(v);
  const sorted = Float64Array.from(distinct).sort();
  const smallPosition = new Int32Array(smallEnd);
  const position = new Map<number, number>();
  sorted.forEach((v, i) => (isSmallInteger(v) ? (smallPosition[v] = i) : position.set(v, i)));
  const encode = (values: Float64Array) => {
    const codes = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      codes[i] = v !== v ? -1 : isSmallInteger(v) ? smallPosition[v] : position.get(v)!;
    }
    return codes;
  };
  return { categories: Array.from(sorted, (v) => String(v)), refCodes: encode(ref), prodCodes: encode(prod) };
}

/** A column as local codes over its own text labels. */
function textCodes(col: ParsedColumn): { labels: string[]; codes: Int32Array } {
  if (col.codes !== null && col.dictionary !== null) return { labels: col.dictionary, codes: col.codes };
  const values = col.values!;
  const local = new Map<number, number>();
  const labels: string[] = [];
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) {
      codes[i] = -1;
      continue;
    }
    let c = local.get(v);
    if (c === undefined) {
      c = labels.length;
      labels.push(String(v));
      local.set(v, c);
    }
    codes[i] = c;
  }
  return { labels, codes };
}

function remap(codes: Int32Array, to: number[]): Int32Array {
  const table = Int32Array.from(to);
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    out[i] = c < 0 ? -1 : table[c];
  }
  return out;
}

/** Numeric order when every label is a number, else code-unit order. */
export function sortCategories(labels: string[]): string[] {
  const numbers = labels.map((l) => parseNumber(l.length > 0 ? l : 'x'));
  if (numbers.every((n) => n === n)) {
    const order = labels.map((_, i) => i).sort((a, b) => numbers[a] - numbers[b] || (labels[a] < labels[b] ? -1 : 1));
    return order.map((i) => labels[i]);
  }
  return [...labels].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
