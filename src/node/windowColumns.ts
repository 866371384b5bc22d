/**
 * The second core for a run with windows over one production table: a worker thread takes a share of
 * the table's columns (a copy), profiles them (with their sorted numbers kept, sortedNumbers.ts) while
 * this thread profiles the others, and later computes those columns' statistics in every window
 * (windowColumnStats.ts) while this thread runs the whole-run tests and its own columns. Every column
 * is computed by the same functions on the same cells either way, so the profile and the windows'
 * results are those of one thread, bit for bit; only the work is shared.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Config } from '../core/config/types.ts';
import type { FeatureStats } from '../core/report/types.ts';
import type { ColumnPlan, ParsedColumn, ParsedTable } from '../core/table/types.ts';
import type { ColumnProfile, Profile, ProfileConfig } from '../core/profile/columnProfile.ts';
import { KllSketch, type KllState } from '../core/profile/kllSketch.ts';
import { tableBuffers } from '../core/table/tableBuffers.ts';
import { profileFromTable } from '../core/profile/profileBuilder.ts';
import type { WindowsPrep } from '../core/windows/analyseWindows.ts';

/** Below this many production rows the columns stay on this thread (a worker costs tens of milliseconds to start). */
export const COLUMN_WORKER_MIN_ROWS = 100_000;

const WORKER_URL = new URL('./windowColumnsWorker.js', import.meta.url);
/** Compiled (lib/) builds only: from TypeScript sources (vitest) the worker file is not runnable. */
export const canRunColumnWorker = import.meta.url.endsWith('.js') && existsSync(fileURLToPath(WORKER_URL));

/** What the worker is started with. */
export interface ColumnWorkerData {
  /** The production table with the worker's columns only. */
  table: ParsedTable;
  profileConfig: Partial<ProfileConfig>;
  /** The window of each row, when the windows were cut before the profile: each sorted number keeps its window (sortedNumbers.ts). */
  windowOf: Int32Array | null;
}

/** The windows job: the worker's features, each with its reference column, over the rows' windows. */
export interface ColumnWindowsJob {
  plans: ColumnPlan[];
  reference: ColumnProfile[];
  refRows: number;
  /** Null: the windowOf the worker was started with (ColumnWorkerData). */
  windowOf: Int32Array | null;
  windowRows: Int32Array;
  config: Config;
}

export type ColumnWorkerMessage =
  | { kind: 'profile'; columns: ColumnProfile[] }
  | { kind: 'error'; message: string }
  /** The last message: the windows job's statistics (empty without a job, null when it failed) and the table's columns, transferred back. */
  | { kind: 'windows'; stats: (FeatureStats[] | null)[] | null; message?: string; columns: ParsedColumn[] };

/** The worker stopped while it held columns of the table: the run starts over on this thread (runWindows). */
export class ColumnWorkerLost extends Error {}

/**
 * Relative cost of a column in both passes: a column of numbers alone is sorted (profile) and merged
 * with the reference (windows); a coded column is counted. Measured on the 1M-row bench (about 2:1).
 */
const cost = (c: ParsedColumn) => (c.codes === null ? 2 : 1);
/** This thread's head start: the whole-run tests, the window of each row and the label run here. */
const MAIN_EXTRA = 4;

/**
 * Columns a worker can take: parsed in full (not high-cardinality) and not the label, prediction,
 * probability or timestamp column (tested or read on this thread).
 */
function workerShare(table: ParsedTable, config: Config): Set<string> {
  const keep = new Set(
    [config.data.label_column, config.data.prediction_column, config.data.probability_column, config.windows.column].filter(
      (c): c is string => c !== null,
    ),
  );
  const candidates = table.columns.filter((c) => c.highCardinality === undefined && !keep.has(c.name));
  // Greedy by cost (largest first, stable): each column to the side with less work so far.
  const sorted = [...candidates].sort((a, b) => cost(b) - cost(a));
  let here = MAIN_EXTRA;
  let there = 0;
  const share = new Set<string>();
  for (const c of sorted) {
    if (there < here) {
      share.add(c.name);
      there += cost(c);
    } else here += cost(c);
  }
  return share;
}

function spawnWorker(): Worker {
  const worker = new Worker(WORKER_URL);
  worker.unref();
  return worker;
}

/**
 * A column worker started before its table is read (ColumnWorker.start takes it): its thread starts
 * and loads its modules while the production file is parsed, instead of after.
 */
export class SpawnedColumnWorker {
  private readonly spawned = spawnWorker();
  private taken = false;
  private constructor() {
    // Until ColumnWorker.start takes it: an error is that worker's to report (it listens then).
    this.spawned.on('error', () => undefined);
  }

  /** The worker, for ColumnWorker.start (closeUnused then leaves it). */
  get worker(): Worker {
    this.taken = true;
    return this.spawned;
  }

  /** A worker when the build can run one, else null. */
  static spawn(): SpawnedColumnWorker | null {
    return canRunColumnWorker ? new SpawnedColumnWorker() : null;
  }

  /** Ends the worker unless ColumnWorker.start took it. */
  closeUnused(): void {
    if (!this.taken) void this.spawned.terminate();
  }
}

/** A worker holding a share of one production table's columns (see the file comment). */
export class ColumnWorker {
  private readonly worker: Worker;
  private readonly pending: { resolve: (m: ColumnWorkerMessage) => void; reject: (e: Error) => void }[] = [];
  private failed: Error | null = null;

  private constructor(
    readonly table: ParsedTable,
    /** The worker's columns, by name. */
    readonly names: ReadonlySet<string>,
    profileConfig: Partial<ProfileConfig>,
    spawned: SpawnedColumnWorker | null,
    private readonly windowOf: Int32Array | null,
  ) {
    this.worker = spawned?.worker ?? spawnWorker();
    // Referenced only while a reply is awaited: a run that fails elsewhere never waits for the worker to end.
    this.worker.unref();
    this.worker.on('message', (m: ColumnWorkerMessage) => {
      this.pending.shift()?.resolve(m);
      if (this.pending.length === 0) this.worker.unref();
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', () => this.fail(new Error('the column worker stopped')));
    // The columns move to the worker (not copied) and come back with its last message (takeBack).
    const data: ColumnWorkerData = {
      table: { ...table, columns: table.columns.filter((c) => names.has(c.name)) },
      profileConfig,
      windowOf,
    };
    this.worker.postMessage(data, tableBuffers(data.table));
  }

  private fail(e: Error): void {
    this.failed ??= e;
    for (const p of this.pending.splice(0)) p.reject(e);
  }

  private next(): Promise<ColumnWorkerMessage> {
    if (this.failed) return Promise.reject(this.failed);
    this.worker.ref();
    return new Promise((resolve, reject) => this.pending.push({ resolve, reject }));
  }

  /**
   * A worker for `table` when it is large enough and the build can run one (see canRunColumnWorker);
   * null: do everything on this thread.
   */
  static start(
    table: ParsedTable,
    config: Config,
    profileConfig: Partial<ProfileConfig>,
    minRows = COLUMN_WORKER_MIN_ROWS,
    spawned: SpawnedColumnWorker | null = null,
    windowOf: Int32Array | null = null,
  ): ColumnWorker | null {
    const names = canRunColumnWorker && table.rows >= minRows ? workerShare(table, config) : new Set<string>();
    if (names.size === 0) {
      spawned?.closeUnused();
      return null;
    }
    const w = new ColumnWorker(table, names, profileConfig, spawned, windowOf);
    // The worker posts its columns' profiles as soon as it has them.
    w.profileReply = w.next();
    return w;
  }

  private profileReply: Promise<ColumnWorkerMessage> | null = null;
  /** The last reply, once asked for (windows or takeBack): the columns are back in `table` when it resolves. */
  private lastReply: Promise<(FeatureStats[] | null)[] | null> | null = null;

  /**
   * The table's profile (profileFromTable with `options`, sorted numbers kept): this thread's columns
   * profiled here, the worker's received, in the table's column order. A worker that fails gives its
   * columns back and this thread profiles them (ColumnWorkerLost when it cannot).
   */
  async profile(options: { config: Partial<ProfileConfig>; source: null }): Promise<Profile> {
    const t = this.table;
    const here = profileFromTable(
      { ...t, columns: t.columns.filter((c) => !this.names.has(c.name)) },
      { ...options, keepSortedNumbers: true, windowOf: this.windowOf },
    );
    let there: ColumnProfile[];
    const m = await this.profileReply!.catch(() => null);
    if (m !== null && m.kind === 'profile') there = m.columns.map(fromTransfer);
    else {
      await this.takeBack();
      there = profileFromTable(
        { ...t, columns: t.columns.filter((c) => this.names.has(c.name)) },
        { ...options, keepSortedNumbers: true, windowOf: this.windowOf },
      ).columns;
    }
    const byName = new Map([...here.columns, ...there].map((c) => [c.name, c]));
    return { ...here, columns: t.columns.map((c) => byName.get(c.name)!) };
  }

  /**
   * Starts the worker's features in every window of `prep` (columnStats); the promise gives them by
   * name, each as columnStats gives it, once the worker's columns are back in the table. Empty when
   * there is nothing to send (the windows overlap, data-quality thresholds need window profiles) or
   * the job failed: finishWindows then computes everything here.
   */
  windows(prep: WindowsPrep): Promise<Map<string, FeatureStats[] | null>> {
    const index = prep.index;
    const reference = prep.input.reference;
    const plans = prep.tester.featurePlans.filter((p) => this.names.has(p.name));
    const refColumns = new Map(reference.columns.map((c) => [c.name, c]));
    // A sketched, binned or absent reference column needs the window profiles: computed here (columnStats gives null).
    const sendable =
      index === null || !prep.tester.columnPasses
        ? []
        : plans.filter((p) => {
            const r = refColumns.get(p.name);
            return r !== undefined && r.numbers.mode === 'exact' && r.binned === undefined;
          });
    const job: ColumnWindowsJob | null =
      sendable.length === 0
        ? null
        : {
            plans: sendable,
            reference: sendable.map((p) => refColumns.get(p.name)!),
            refRows: reference.rows,
            windowOf: index!.windowOf === this.windowOf ? null : index!.windowOf,
            windowRows: index!.windowRows,
            config: prep.input.config,
          };
    return this.last(job).then((stats) => new Map(stats === null ? [] : sendable.map((p, i) => [p.name, stats[i]])));
  }

  /** The worker's columns back in the table (its last message, without a windows job unless windows() sent one); ends the worker. */
  async takeBack(): Promise<void> {
    await this.last(null);
  }

  private last(job: ColumnWindowsJob | null): Promise<(FeatureStats[] | null)[] | null> {
    if (this.lastReply === null) {
      const reply = this.next();
      if (!this.failed) this.worker.postMessage(job);
      this.lastReply = reply
        .then((m) => {
          if (m.kind !== 'windows') throw new Error(m.kind === 'error' ? m.message : 'unexpected message');
          this.putBack(m.columns);
          return m.stats;
        })
        .catch((e: Error) => {
          throw new ColumnWorkerLost(`the column worker stopped: ${e.message}`);
        })
        .finally(() => this.close());
    }
    return this.lastReply;
  }

  /** The columns as they came back, into the table's column objects (which only lent their arrays). */
  private putBack(columns: ParsedColumn[]): void {
    const byName = new Map(columns.map((c) => [c.name, c]));
    for (const c of this.table.columns) {
      const back = byName.get(c.name);
      if (back !== undefined && this.names.has(c.name)) Object.assign(c, back);
    }
  }

  close(): void {
    this.worker.removeAllListeners('exit');
    void this.worker.terminate();
  }
}

/** A column profile as a worker posts it: a sketch as its state (class instances do not cross threads). */
export function toTransfer(c: ColumnProfile): ColumnProfile {
  return c.numbers.mode === 'sketch' ? { ...c, numbers: { ...c.numbers, sketch: c.numbers.sketch.toState() as unknown as KllSketch } } : c;
}

/** Undoes toTransfer. */
export function fromTransfer(c: ColumnProfile): ColumnProfile {
  if (c.numbers.mode === 'sketch') c.numbers.sketch = KllSketch.fromState(c.numbers.sketch as unknown as KllState);
  return c;
}
