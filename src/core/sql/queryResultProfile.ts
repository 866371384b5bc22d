/**
 * A profile query's result (profileQuery.ts) turned into the profile the CSV reader builds from the
 * same cells: missing and non-numeric counts, exact numbers with counts (past profile.max_exact_values
 * distinct values a KLL sketch, as the CSV reader does), text counts in order of first appearance,
 * the first non-numeric cell, integer-valued / all-unique facts and the high-cardinality rule
 * (applyTextLimit), so a run types and tests the columns as it would the CSV.
 *
 * The result is checked against its query before anything is built: the query id it carries, one row
 * count, known columns and kinds, and every column's counts adding up to the rows. Any mismatch is one
 * InputError naming the result file.
 */
import Papa from 'papaparse';
import { InputError } from '../errors.ts';
import { TEXT_DISTINCT_CAP, type ColumnProfile, type NumberSummary, type Profile, type ProfileConfig } from '../profile/columnProfile.ts';
import { KllSketch } from '../profile/kllSketch.ts';
import { applyTextLimit } from '../profile/profileBuilder.ts';
import type { SqlMeta } from './sqlMeta.ts';

/** One row of the result, as read from any engine (numbers may come as text, bigint or number). */
export interface ResultRow {
  col: unknown;
  kind: unknown;
  num: unknown;
  txt: unknown;
  n: unknown;
  first_row: unknown;
  points: unknown;
}

export const RESULT_COLUMNS = ['col', 'kind', 'num', 'txt', 'n', 'first_row', 'points'] as const;

export interface QueryResultOptions {
  /** The result file's name, for errors. */
  file: string;
  /** The profile's source name (default: the query's table). */
  sourceName?: string;
  config: ProfileConfig;
  /** The run's reading settings recorded in the profile's source (the query used the same markers). */
  delimiter?: string;
  encoding?: string;
  decimal?: string;
  thousands?: string;
  createdAt?: string;
}

/** Rows of a result saved as CSV with a header (any column order, names in any case). */
export function parseResultCsv(text: string, file: string): ResultRow[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    throw new InputError(
      `${file}: is not a readable CSV (${e.message}${e.row !== undefined ? ` at row ${e.row + 1}` : ''}); save the query's result as CSV with a header row`,
    );
  }
  const [header, ...body] = parsed.data;
  if (header === undefined) throw new InputError(`${file}: is empty; save the query's result (with its header row) into it`);
  const index = columnIndex(header, file);
  return body.map((cells) => {
    const row = Object.create(null) as Record<string, unknown>;
    for (const k of RESULT_COLUMNS) {
      const cell = cells[index[k]];
      row[k] = cell === undefined || cell === '' ? (k === 'txt' ? (cell ?? null) : null) : cell;
    }
    return row as unknown as ResultRow;
  });
}

/**
 * Rows of a result saved as JSON: an array of objects, or one object per line (BigQuery's and Spark's
 * newline-delimited JSON). Keys in any case; integers may be strings (BigQuery writes INT64 so).
 */
export function parseResultJson(text: string, file: string): ResultRow[] {
  const trimmed = text.replace(/^\ufeff/, '').trim();
  let items: unknown[];
  try {
    items = trimmed.startsWith('[')
      ? (JSON.parse(trimmed) as unknown[])
      : trimmed
          .split(/\r?\n/)
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l) as unknown);
  } catch (e) {
    throw new InputError(
      `${file}: is not JSON (${(e as Error).message.split('\n')[0]}); save the query's result as a JSON array or as JSON lines`,
    );
  }
  if (!Array.isArray(items)) throw new InputError(`${file}: must hold a JSON array of rows or one JSON object per line`);
  return items.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw new InputError(`${file}: row ${i + 1} is not a JSON object`);
    const keys = Object.keys(item);
    const index = columnIndex(keys, file);
    const row = Object.create(null) as Record<string, unknown>;
    for (const k of RESULT_COLUMNS) row[k] = (item as Record<string, unknown>)[keys[index[k]]];
    return row as unknown as ResultRow;
  });
}

function columnIndex(header: string[], file: string): Record<(typeof RESULT_COLUMNS)[number], number> {
  const lower = header.map((h) => h.trim().toLowerCase());
  const out = Object.create(null) as Record<string, number>;
  for (const k of RESULT_COLUMNS) {
    const i = lower.indexOf(k);
    if (i < 0)
      throw new InputError(
        `${file}: has no column "${k}" (it has ${header.map((h) => JSON.stringify(h)).join(', ')}); it is not the result of a drift-monitor profile query, save that query's whole result`,
      );
    out[k] = i;
  }
  return out as Record<(typeof RESULT_COLUMNS)[number], number>;
}

interface ColumnAcc {
  missing: number;
  values: number[];
  counts: number[];
  texts: { text: string; count: number; first: number }[];
  points: number;
  /** A binned column's 'd' row: approximate distinct count, numbers that are not integers. */
  binned: { distinct: number; nonInteger: number } | null;
  /** Binned: numbers equal to each edge ('e' rows). */
  atEdge: Map<number, number>;
  /** Rows of kind 'n' (numbers counted per value) and 'u' (bins): a column has one kind or the other. */
  exactRows: number;
  binRows: number;
}

/** The profile a query's result stands for (see the file comment). */
export function profileFromQueryResult(rows: readonly ResultRow[], meta: SqlMeta, o: QueryResultOptions): Profile {
  const fail = (what: string): never => {
    throw new InputError(
      `${o.file}: does not match its query (${what}); run the query written with this --sql-meta file again and pass its whole result`,
    );
  };
  const int = (v: unknown, what: string, min: number): number => {
    const x = typeof v === 'bigint' ? Number(v) : typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < min)
      return fail(`${what} is ${JSON.stringify(String(v))}, not an integer >= ${min}`);
    return x;
  };
  const cols: ColumnAcc[] = meta.columns.map(() => ({
    missing: 0,
    values: [],
    counts: [],
    texts: [],
    points: 0,
    binned: null,
    atEdge: new Map(),
    exactRows: 0,
    binRows: 0,
  }));
  let rowsTotal: number | null = null;
  let id: string | null = null;
  rows.forEach((r, i) => {
    const at = `row ${i + 1}`;
    const kind = r.kind;
    const col = int(r.col, `${at}: col`, -2);
    if (kind === 'q') {
      if (id !== null) fail('two query id rows');
      id = typeof r.txt === 'string' ? r.txt : fail(`${at}: the query id is missing`);
      return;
    }
    const n = int(r.n, `${at}: n`, 0);
    if (kind === 'r') {
      if (rowsTotal !== null) fail('two row-count rows');
      rowsTotal = n;
      return;
    }
    if (col < 0 || col >= cols.length) return fail(`${at}: column number ${col}, the query has ${cols.length} columns`);
    const c = cols[col];
    const num = () => {
      const x = typeof r.num === 'number' ? r.num : typeof r.num === 'string' && r.num.trim() !== '' ? Number(r.num) : NaN;
      if (!Number.isFinite(x)) fail(`${at}: number ${JSON.stringify(String(r.num))} is not a finite number`);
      return x === 0 ? 0 : x;
    };
    if (kind === 'd') {
      if (c.binned !== null) fail(`${at}: a second distinct-count row for column ${col}`);
      c.binned = { distinct: n, nonInteger: int(r.first_row ?? 0, `${at}: first_row`, 0) };
      c.points += int(r.points ?? 0, `${at}: points`, 0);
      return;
    }
    // A bin may be empty (DuckDB's histogram lists every edge).
    if (kind === 'u') {
      c.binRows++;
      if (n > 0) {
        c.values.push(num());
        c.counts.push(n);
      }
      return;
    }
    if (n < 1) fail(`${at}: count ${n}`);
    if (kind === 'e') c.atEdge.set(num(), (c.atEdge.get(num()) ?? 0) + n);
    else if (kind === 'm') c.missing += n;
    else if (kind === 'n') {
      c.exactRows++;
      c.values.push(num());
      c.counts.push(n);
      c.points += int(r.points ?? 0, `${at}: points`, 0);
    } else if (kind === 't') {
      if (typeof r.txt !== 'string' || r.txt === '') return fail(`${at}: a text row without text`);
      c.texts.push({ text: r.txt, count: n, first: int(r.first_row, `${at}: first_row`, 1) });
    } else fail(`${at}: unknown kind ${JSON.stringify(String(kind))}`);
  });
  if (id === null) fail('no query id row (kind "q")');
  if (id !== meta.query_id) fail(`its query id is ${JSON.stringify(id)}, the --sql-meta file's is ${meta.query_id}`);
  if (rowsTotal === null) return fail('no row-count row (kind "r")');
  const total: number = rowsTotal;

  const columns = cols.map((c, i): ColumnProfile => {
    const name = meta.columns[i];
    if (c.exactRows > 0 && (c.binned !== null || c.binRows > 0))
      fail(`column ${JSON.stringify(name)} has both numbers counted one by one and bins`);
    if (c.binRows > 0 && c.binned === null) fail(`column ${JSON.stringify(name)} has bins but no distinct-count row`);
    if (meta.bins !== undefined && meta.edges?.[name] === undefined && c.binRows > 2 * (meta.bins.parts + 2))
      fail(`column ${JSON.stringify(name)} has ${c.binRows} bins, its query makes at most ${2 * (meta.bins.parts + 2)}`);
    const edges = meta.edges?.[name];
    if (edges !== undefined) {
      // Counted on the reference's edges: every bin closes at one of them, or above the last (one bin).
      if (c.binned === null) fail(`column ${JSON.stringify(name)} has no distinct-count row, its query counts it on bins`);
      const known = new Set(edges);
      const above = c.values.filter((v) => !known.has(v));
      if (above.length > 1 || (above.length === 1 && !(above[0] > edges[edges.length - 1])))
        fail(`column ${JSON.stringify(name)} has a bin closing at ${above[0]}, not one of the reference's edges`);
    }
    const numbers: NumberSummary = c.binned !== null ? binnedSummary(c) : numberSummary(c, o.config);
    const numberCells = c.counts.reduce((s, n) => s + n, 0);
    c.texts.sort((a, b) => a.first - b.first || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    const text = new Map<string, number>();
    let nonNumeric = 0;
    for (const t of c.texts) {
      if (text.has(t.text)) fail(`column ${JSON.stringify(name)} lists the text ${JSON.stringify(t.text)} twice`);
      text.set(t.text, t.count);
      nonNumeric += t.count;
    }
    if (c.missing + numberCells + nonNumeric !== total)
      fail(`column ${JSON.stringify(name)}: ${c.missing} missing + ${numberCells} numbers + ${nonNumeric} texts is not the ${total} rows`);
    const first = c.texts[0];
    const profile: ColumnProfile = {
      name,
      rows: total,
      missing: c.missing,
      numbers: numbers,
      integerValued: c.binned !== null ? c.binned.nonInteger === 0 : c.values.every(Number.isInteger),
      // A binned column's distinct count is approximate: like a sketch, it cannot prove uniqueness.
      numbersUnique: c.binned !== null ? numberCells === 0 : c.counts.every((n) => n === 1),
      nonNumeric,
      firstNonNumeric: first === undefined ? null : { row: first.first, value: first.text },
      text,
      textDistinct: Math.min(text.size, TEXT_DISTINCT_CAP + 1),
      // The SQL side reads '.' as the decimal mark (Dialect.number); a column where a number was
      // written with one records it as decided by its cells, as the CSV reader does on such a column.
      ...(c.points > 0 ? { numberFormat: { decimal: '.', decidedBy: 'cells', thousands: '', localeCells: 0, ambiguousCells: 0 } } : {}),
    };
    if (c.binned !== null)
      profile.binned = {
        distinct: Math.max(c.binned.distinct, numbers.mode === 'exact' ? numbers.values.length : 0),
        bound: binBound(c, numberCells),
      };
    return applyTextLimit(profile, null);
  });

  return {
    config: { ...o.config },
    rows: total,
    columns,
    warnings: [],
    source: {
      file: o.sourceName ?? meta.table,
      size: 0,
      sha256: null,
      delimiter: o.delimiter ?? 'auto',
      missingValues: [...meta.missing_values],
      encoding: o.encoding ?? 'auto',
      decimal: o.decimal ?? 'auto',
      thousands: o.thousands ?? 'auto',
      dropped: [...meta.dropped],
      label: meta.label,
    },
    createdAt: o.createdAt ?? new Date().toISOString(),
  };
}

/** Exact (values ascending, equal values merged) up to maxExactValues distinct values, else a KLL sketch. */
function numberSummary(c: ColumnAcc, config: ProfileConfig): NumberSummary {
  const order = c.values.map((_, i) => i).sort((a, b) => c.values[a] - c.values[b]);
  const values: number[] = [];
  const counts: number[] = [];
  for (const i of order) {
    const v = c.values[i];
    if (values.length > 0 && values[values.length - 1] === v) counts[counts.length - 1] += c.counts[i];
    else {
      values.push(v);
      counts.push(c.counts[i]);
    }
  }
  if (values.length <= config.maxExactValues)
    return { mode: 'exact', values: Float64Array.from(values), counts: Float64Array.from(counts) };
  const sketch = new KllSketch(config.sketchK, config.sketchSeed);
  for (let i = 0; i < values.length; i++) sketch.updateWeighted(values[i], counts[i]);
  return { mode: 'sketch', sketch, distinctAtLeast: values.length };
}

/** A binned column's edges (ascending) with the count of each bin. */
function binnedSummary(c: ColumnAcc): NumberSummary {
  const order = c.values.map((_, i) => i).sort((a, b) => c.values[a] - c.values[b]);
  for (let k = 1; k < order.length; k++)
    if (c.values[order[k]] === c.values[order[k - 1]]) throw new InputError(`the result lists the bin edge ${c.values[order[k]]} twice`);
  return { mode: 'exact', values: Float64Array.from(order, (i) => c.values[i]), counts: Float64Array.from(order, (i) => c.counts[i]) };
}

/** The largest share of the numbers strictly inside one bin (its count less those at its edge). */
function binBound(c: ColumnAcc, numbers: number): number {
  if (numbers === 0) return 0;
  let worst = 0;
  for (let i = 0; i < c.values.length; i++) worst = Math.max(worst, c.counts[i] - (c.atEdge.get(c.values[i]) ?? 0));
  return worst / numbers;
}
