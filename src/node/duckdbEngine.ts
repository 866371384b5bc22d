/**
 * DuckDB through the optional package @duckdb/node-api: runs a profile query (core/sql/profileQuery.ts)
 * and hands back its rows. The package is loaded only when asked for (`--engine duckdb`, tests), so
 * the CLI runs without it; when it is absent the error says how to add it.
 */
import { InputError } from '../core/errors.ts';
import { RESULT_COLUMNS, type ResultRow } from '../core/sql/queryResultProfile.ts';

type DuckDbModule = typeof import('@duckdb/node-api');

/** The version package.json pins (optionalDependencies); said in the install hint. */
export const DUCKDB_PACKAGE = '@duckdb/node-api@1.5.6-r.1';

let loaded: Promise<DuckDbModule> | null = null;

const importDuckDb = (): Promise<DuckDbModule> => import('@duckdb/node-api');

/** Loads @duckdb/node-api, or one InputError saying how to install it. `importer` is for tests. */
export function loadDuckDb(importer: () => Promise<DuckDbModule> = importDuckDb): Promise<DuckDbModule> {
  const load = async () => {
    try {
      return await importer();
    } catch (e) {
      throw new InputError(
        `--engine duckdb needs the optional package @duckdb/node-api, which is not installed (${(e as Error).message.split('\n')[0]}); install it with npm install --save-exact ${DUCKDB_PACKAGE}`,
      );
    }
  };
  if (importer === importDuckDb) return (loaded ??= load().catch((e: unknown) => ((loaded = null), Promise.reject(e))));
  return load();
}

export interface DuckDbSession {
  /** Runs one statement and returns its rows as objects (BIGINT as bigint). */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  /**
   * Runs a profile query (columns col, kind, num, txt, n, first_row, points) and reads its result
   * column by column (one conversion per column, not an object per cell).
   */
  resultRows(sql: string): Promise<ResultRow[]>;
  /** Runs one statement and returns its result column by column (JS values: BIGINT as bigint). */
  columns(sql: string): Promise<Record<string, unknown[]>>;
  /**
   * Runs a statement whose columns are all numbers (DOUBLE, INTEGER...) and returns each column as a
   * Float64Array (NULL as NaN): no JS value per cell, for results of many rows.
   */
  numbers(sql: string): Promise<{ rows: number; columns: Record<string, Float64Array> }>;
  /** Runs statements for their effect. */
  run(sql: string): Promise<void>;
  close(): void;
}

/**
 * An in-memory DuckDB database; `threads` limits its worker threads (default: DuckDB's own, one per
 * core). No query here depends on the order of rows it does not sort, so insertion order is not kept
 * (DuckDB may then skip order-restoring work in parallel scans and unions).
 */
export async function openDuckDb(opts: { threads?: number } = {}): Promise<DuckDbSession> {
  const duckdb = await loadDuckDb();
  const instance = await duckdb.DuckDBInstance.create(':memory:', {
    preserve_insertion_order: 'false',
    ...(opts.threads ? { threads: String(opts.threads) } : {}),
  });
  const connection = await instance.connect();
  return {
    async rows(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjects() as Record<string, unknown>[];
    },
    async columns(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getColumnsObjectJS() as Record<string, unknown[]>;
    },
    async resultRows(sql) {
      const reader = await connection.runAndReadAll(sql);
      const names = reader.columnNames();
      const cols = reader.getColumnsJS();
      const at = (k: string) => {
        const j = names.indexOf(k);
        if (j < 0) throw new Error(`the profile query's result has no column ${k}`);
        return cols[j];
      };
      const [col, kind, num, txt, n, first, points] = RESULT_COLUMNS.map(at);
      const out: ResultRow[] = new Array<ResultRow>(reader.currentRowCount);
      for (let r = 0; r < out.length; r++)
        out[r] = { col: col[r], kind: kind[r], num: num[r], txt: txt[r], n: n[r], first_row: first[r], points: points[r] };
      return out;
    },
    async numbers(sql) {
      const result = await connection.run(sql);
      const names = result.columnNames();
      const chunks = await result.fetchAllChunks();
      // rowCount is a native call: read once per chunk.
      const counts = chunks.map((c) => c.rowCount);
      const rows = counts.reduce((s, n) => s + n, 0);
      const columns: Record<string, Float64Array> = Object.create(null) as Record<string, Float64Array>;
      names.forEach((name, j) => {
        const out = new Float64Array(rows);
        let at = 0;
        chunks.forEach((chunk, c) => {
          const vector = chunk.getColumnVector(j);
          const count = counts[c];
          if (copyDoubles(vector, count, out, at)) {
            at += count;
            return;
          }
          for (let r = 0; r < count; r++) {
            const v = vector.getItem(r);
            out[at++] = typeof v === 'number' ? v : v === null ? NaN : Number(v);
          }
        });
        columns[name] = out;
      });
      return { rows, columns };
    },
    async run(sql) {
      await connection.run(sql);
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * A DOUBLE vector copied into `out` at `at` in one move, its NULLs as NaN; false when the vector is not
 * laid out so (then the caller reads it item by item). DuckDBDoubleVector keeps its numbers in a
 * Float64Array `items` and its NULLs in a validity bitmap (`validity.data`, 64-bit words, null when
 * every item is valid); getItem tests each bit with BigInt arithmetic, about 100 ns an item.
 */
function copyDoubles(vector: unknown, count: number, out: Float64Array, at: number): boolean {
  const v = vector as { items?: unknown; validity?: { data?: unknown; offset?: unknown } };
  const bits = v.validity?.data;
  if (!(v.items instanceof Float64Array) || v.items.length !== count || v.validity?.offset !== 0) return false;
  if (bits !== null && !(bits instanceof BigUint64Array)) return false;
  out.set(v.items, at);
  if (bits === null) return true;
  // The bitmap as 32-bit words: bit r of the 64-bit word r >> 6 is bit r & 31 of word r >> 5 on a
  // little-endian machine (every platform @duckdb/node-api ships for).
  const words = new Uint32Array(bits.buffer, bits.byteOffset, bits.length * 2);
  for (let r = 0; r < count; r++) if (((words[r >>> 5] >>> (r & 31)) & 1) === 0) out[at + r] = NaN;
  return true;
}
