/**
 * One analysis run, driven from the main thread: two parse workers (one per file, in parallel), then the
 * analysis worker with the wasm kernels. Tables move between workers as transferred buffers. The
 * analysis worker stays alive after the run to answer the distribution explorer (and to build the
 * reference profile on request); cancel() or dispose() terminates every worker of the run.
 *
 * When a side is a profile (`kind: 'profile'`) there are no tables: the analysis worker decodes the
 * profile, streams the other side's CSV into a profile and compares the two.
 */
import { columnsToSkip } from '../../core/table/columnsToSkip.ts';
import * as Comlink from 'comlink';
import type { Config, Thresholds } from '../../core/config/types.ts';
import type { WindowingReport, WindowResult } from '../../core/windows/types.ts';
import type { ParsedTable } from '../../core/table/types.ts';
import { tableBuffers } from '../../core/table/tableBuffers.ts';
import type { ParseRequest, ParseWorkerApi } from '../../workers/parse.worker.ts';
import type { PartsSource } from '../../workers/receiveTable.ts';
import { PARTS_DEFAULTS, partsPerFile, type PartsOptions } from './planParts.ts';
import type { AnalysisResult, AnalysisWorkerApi, BuiltProfile } from '../../workers/analysis.worker.ts';
import type { FeatureDistribution } from '../../core/distribution/types.ts';
import type { Report } from '../../core/report/types.ts';
import type { RetrainRequest, RetrainResponse } from '../../workers/retrain/retrainTables.ts';
import type { RetrainOutcome } from '../../workers/retrain/retrainOutcome.ts';
import type { FitProgress } from '../../core/train/types.ts';
import { InputError } from '../../core/errors.ts';
import { runMark } from '../../workers/runMarks.ts';
import { columnHelperCount, takeWorker } from './spareWorkers.ts';
import { planConfig } from '../../core/analyse.ts';
import type { PlanColumnsConfig } from '../../core/table/planColumns.ts';
import { windowSource, type TimestampValues } from '../../core/windows/api.ts';

export interface RunInput {
  /** The reference CSV, or (kind 'profile') a `*.profile` file. */
  reference: { name: string; data: Blob; kind?: 'csv' | 'profile' };
  /** The production CSV, or (kind 'profile') a `*.profile` file. */
  production: { name: string; data: Blob; kind?: 'csv' | 'profile' };
  /** An ONNX model to score both files with (its bytes go to the analysis worker). */
  model?: { name: string; data: Blob } | null;
  config: Config;
  /** Several production CSVs (one window each, in this order); `production` is the first of them. Empty or absent for one file. */
  productions?: readonly { name: string; data: Blob }[];
}

export type RunStage = 'parsing' | 'testing' | 'scoring';

export interface RunProgress {
  stage: RunStage;
  bytesRead: number;
  totalBytes: number;
}

/** Thrown by `result` after cancel(). */
export class RunCancelled extends Error {
  override name = 'RunCancelled';
  constructor() {
    super('Run cancelled.');
  }
}

export class Run {
  readonly result: Promise<AnalysisResult>;
  #workers: Worker[] = [];
  #analysis: Comlink.Remote<AnalysisWorkerApi>;
  #cancel!: (e: Error) => void;
  #done = false;

  /** How files are split for parallel parsing (planParts.ts). */
  #partsOptions: PartsOptions;

  constructor(input: RunInput, onProgress: (p: RunProgress) => void, partsOptions: PartsOptions = { ...PARTS_DEFAULTS, workers: 1 }) {
    this.#partsOptions = partsOptions;
    const analysisWorker = takeWorker('analysis', 'analysis');
    const cancelled = new Promise<never>((_, reject) => (this.#cancel = reject));
    this.#watch(analysisWorker);
    this.#analysis = Comlink.wrap<AnalysisWorkerApi>(analysisWorker);
    this.result = Promise.race([this.#execute(input, onProgress), cancelled]).finally(() => {
      this.#done = true;
      // Parse workers are done with their one file either way.
      for (const w of this.#workers.slice(1)) w.terminate();
    });
  }

  async #execute(input: RunInput, onProgress: (p: RunProgress) => void): Promise<AnalysisResult> {
    const productions = input.productions && input.productions.length > 1 ? input.productions : [input.production];
    if (windowSource(input.config, productions.length) !== null) return this.#executeWindows(input, productions, onProgress);
    if (input.reference.kind === 'profile' || input.production.kind === 'profile') return this.#executeProfiles(input, onProgress);
    runMark('run', true);
    const totalBytes = input.reference.data.size + input.production.data.size;
    const read = [0, 0];
    const report = (stage: RunStage) => onProgress({ stage, bytesRead: Math.min(read[0] + read[1], totalBytes), totalBytes });
    report('parsing');
    const warm = this.#analysis.warmUp();
    const modelBytes = input.model ? input.model.data.arrayBuffer().then((b) => new Uint8Array(b)) : null;
    const skipColumns = columnsToSkip(input.config, input.model !== null && input.model !== undefined);
    // Each parse worker posts its table (or its part of a large file) straight to the analysis worker.
    const files = [input.reference, input.production];
    const parts = partsPerFile(
      files.map((f) => f.data.size),
      this.#partsOptions,
    );
    // The per-column statistics run on a helper worker per core (one core: in the analysis worker),
    // started now (or spare already) so their kernels load while the files parse.
    const helpers = this.#columnHelpers(columnHelperCount(this.#partsOptions.workers));
    const sides = await Promise.all(
      files.map((f, i) =>
        this.#parseSide(
          f.name,
          f.data,
          readingSettings(input.config, f.name, skipColumns),
          parts[i],
          (bytes) => {
            read[i] = bytes;
            report('parsing');
          },
          planConfig(input.config),
        ),
      ),
    );
    const parsed = Promise.all(sides.map((s) => s.done));
    const bytes = await modelBytes;
    const model = input.model && bytes ? Comlink.transfer({ name: input.model.name, bytes }, [bytes.buffer]) : null;
    const analysed = this.#analysis.analyse(
      Comlink.transfer(sides[0].source, sides[0].transfer),
      Comlink.transfer(sides[1].source, sides[1].transfer),
      input.config,
      model,
      Comlink.proxy(() => report('scoring')),
      Comlink.transfer(helpers, helpers),
    );
    // A failed parse fails the run (the analysis worker, left waiting for that table, is terminated).
    analysed.catch(() => undefined);
    await parsed;
    read[0] = input.reference.data.size;
    read[1] = input.production.data.size;
    report('testing');
    await warm;
    const result = await analysed;
    runMark('result');
    return result;
  }

  /**
   * A run with windows: the reference (its table, or the profile file) and every production file
   * (a table each, its timestamp column read while parsing when windows.column is set), at most
   * PARSE_WORKERS parse workers at a time, then the analysis worker's analyseWindowed.
   */
  async #executeWindows(
    input: RunInput,
    productions: readonly { name: string; data: Blob; kind?: 'csv' | 'profile' }[],
    onProgress: (p: RunProgress) => void,
  ): Promise<AnalysisResult> {
    const { config } = input;
    if (input.production.kind === 'profile')
      throw new InputError(`windows need the production rows; choose the production CSV instead of the profile ${input.production.name}`);
    const referenceIsProfile = input.reference.kind === 'profile';
    const files = [...(referenceIsProfile ? [] : [input.reference]), ...productions];
    const totalBytes = files.reduce((n, f) => n + f.data.size, 0);
    const read = files.map(() => 0);
    const report = (stage: RunStage) =>
      onProgress({
        stage,
        bytesRead: Math.min(
          read.reduce((a, b) => a + b, 0),
          totalBytes,
        ),
        totalBytes,
      });
    report('parsing');
    const warm = this.#analysis.warmUp();
    const modelBytes = input.model ? input.model.data.arrayBuffer().then((b) => new Uint8Array(b)) : null;
    const skip = columnsToSkip(config, Boolean(input.model));
    const column = config.windows.column;
    const parsed = await inParallel(files, PARSE_WORKERS, (f, i): Promise<{ table: ParsedTable; timestamps: TimestampValues | null }> => {
      const onBytes = (bytes: number) => {
        read[i] = bytes;
        report('parsing');
      };
      const isProduction = referenceIsProfile || i > 0;
      return isProduction && column !== null
        ? this.#parseTimed(f.name, f.data, readingSettings(config, f.name, skip), { column, timezone: config.windows.timezone }, onBytes)
        : this.#parse(f.name, f.data, readingSettings(config, f.name, skip), onBytes).then((table) => ({ table, timestamps: null }));
    });
    files.forEach((f, i) => (read[i] = f.data.size));
    report('testing');
    await warm;
    const reference = referenceIsProfile ? null : parsed.shift()!.table;
    const tables = parsed.map((p) => p.table);
    const timestamps = column !== null ? parsed.map((p) => p.timestamps!) : null;
    const buffers = [...tables.flatMap(tableBuffers), ...(timestamps ?? []).map((t) => t.local.buffer)];
    const bytes = await modelBytes;
    const model = input.model && bytes ? Comlink.transfer({ name: input.model.name, bytes }, [bytes.buffer]) : null;
    return this.#analysis.analyseWindowed(
      reference ? Comlink.transfer(reference, tableBuffers(reference)) : { name: input.reference.name, data: input.reference.data },
      Comlink.transfer({ productions: tables, timestamps, config }, buffers),
      model,
    );
  }

  /**
   * A side is a profile: the CSV side is profiled as it streams, in the analysis worker. With a model or
   * prediction columns and a production CSV, production is parsed as a table instead (the model needs
   * its rows) and scored without a baseline, as the CLI does.
   */
  async #executeProfiles(input: RunInput, onProgress: (p: RunProgress) => void): Promise<AnalysisResult> {
    const { prediction_column, probability_column } = input.config.data;
    const scores = Boolean(input.model) || prediction_column !== null || probability_column !== null;
    if (scores && input.production.kind !== 'profile') return this.#executeProfileAndTable(input, onProgress);
    const csvSides = [input.reference, input.production].filter((s) => s.kind !== 'profile');
    const totalBytes = csvSides.reduce((n, s) => n + s.data.size, 0);
    onProgress({ stage: 'parsing', bytesRead: 0, totalBytes });
    await this.#analysis.warmUp();
    const skip = columnsToSkip(input.config, false);
    return this.#analysis.analyseProfiles(
      { name: input.reference.name, data: input.reference.data },
      { name: input.production.name, data: input.production.data },
      {
        reference: readingSettings(input.config, input.reference.name, skip),
        production: readingSettings(input.config, input.production.name, skip),
      },
      input.config,
      Comlink.proxy((bytesRead: number) => onProgress({ stage: 'parsing', bytesRead: Math.min(bytesRead, totalBytes), totalBytes })),
    );
  }

  async #executeProfileAndTable(input: RunInput, onProgress: (p: RunProgress) => void): Promise<AnalysisResult> {
    const totalBytes = input.production.data.size;
    const report = (stage: RunStage, bytesRead: number) => onProgress({ stage, bytesRead: Math.min(bytesRead, totalBytes), totalBytes });
    report('parsing', 0);
    const warm = this.#analysis.warmUp();
    const modelBytes = input.model ? input.model.data.arrayBuffer().then((b) => new Uint8Array(b)) : null;
    const withModel = input.model !== null && input.model !== undefined;
    const channel = new MessageChannel();
    const parsed = this.#parseTo(
      input.production.name,
      input.production.data,
      readingSettings(input.config, input.production.name, columnsToSkip(input.config, withModel)),
      channel.port1,
      (bytes) => report('parsing', bytes),
    );
    const bytes = await modelBytes;
    const model = input.model && bytes ? Comlink.transfer({ name: input.model.name, bytes }, [bytes.buffer]) : null;
    const analysed = this.#analysis.analyseProfileAndTable(
      { name: input.reference.name, data: input.reference.data },
      Comlink.transfer(channel.port2, [channel.port2]),
      totalBytes,
      readingSettings(input.config, input.reference.name, columnsToSkip(input.config, false)),
      input.config,
      model,
      Comlink.proxy(() => report('scoring', totalBytes)),
    );
    analysed.catch(() => undefined);
    await parsed;
    report('testing', totalBytes);
    await warm;
    const result = await analysed;
    runMark('result');
    return result;
  }

  /**
   * The reference profile of this run's reference CSV (built in its analysis worker from the parsed
   * table; the file is hashed there): `*.profile` bytes and what the saved-profiles list shows.
   */
  referenceProfile(reference: { name: string; data: Blob }, config: Config): Promise<BuiltProfile> {
    return this.#analysis.referenceProfile(
      { name: reference.name, data: reference.data },
      readingSettings(config, reference.name, []),
      config,
    ) as Promise<BuiltProfile>;
  }

  /**
   * One CSV of a run, on its way to the analysis worker: in one piece (a parse worker posting on a
   * port), or, with `parts` > 1, split (planParts in the first worker) and each part parsed in its own
   * worker, posted on a port of its own; the analysis worker merges them (receiveTable.ts). `done`
   * settles when every worker has posted; `source` and `transfer` go to the analysis worker. A file in
   * one piece is prepared for the analysis where it was parsed (`prepare`, parse.worker.ts parseTo).
   */
  async #parseSide(
    name: string,
    data: Blob,
    request: ParseRequest,
    parts: number,
    onBytes: (bytes: number) => void,
    prepare: PlanColumnsConfig | null = null,
  ): Promise<{ source: MessagePort | PartsSource; transfer: MessagePort[]; done: Promise<unknown> }> {
    const plan = parts > 1 ? await this.#withWorker(name, (api) => api.planParts(data, request, parts)) : null;
    if (plan === null) {
      const channel = new MessageChannel();
      return {
        source: channel.port2,
        transfer: [channel.port2],
        done: this.#parseTo(name, data, request, channel.port1, onBytes, prepare),
      };
    }
    const channels = plan.offsets.map(() => new MessageChannel());
    const read = plan.offsets.map(() => 0);
    const done = Promise.all(
      channels.map((c, k) =>
        this.#withWorker(`${name} part ${k + 1}`, (api) =>
          api.parsePartTo(
            data,
            request,
            plan,
            k,
            Comlink.transfer(c.port1, [c.port1]),
            Comlink.proxy((bytes: number) => {
              read[k] = bytes;
              onBytes(read.reduce((a, b) => a + b, 0));
            }),
          ),
        ),
      ),
    );
    const ports = channels.map((c) => c.port2);
    return { source: { parts: ports, data, request }, transfer: ports, done };
  }

  /** Runs `job` on a parse worker of its own (spareWorkers.ts), terminated when it settles (its heap is given back at once). */
  async #withWorker<T>(name: string, job: (api: Comlink.Remote<ParseWorkerApi>) => Promise<T>): Promise<T> {
    const worker = takeWorker('parse', `parse ${name}`);
    this.#watch(worker);
    try {
      return await job(Comlink.wrap<ParseWorkerApi>(worker));
    } finally {
      worker.terminate();
      this.#workers = this.#workers.filter((w) => w !== worker);
    }
  }

  /**
   * Parses one file in a parse worker that posts the table on `port` (to the analysis worker), and
   * ends that worker as soon as it has: its heap (the parser's garbage) is given back before the tests.
   */
  async #parseTo(
    name: string,
    data: Blob,
    request: ParseRequest,
    port: MessagePort,
    onBytes: (bytes: number) => void,
    prepare: PlanColumnsConfig | null = null,
  ): Promise<void> {
    await this.#withWorker(name, (api) => api.parseTo(data, request, Comlink.transfer(port, [port]), Comlink.proxy(onBytes), prepare));
  }

  /**
   * `count` helper workers for the analysis worker's per-column statistics (columns.worker.ts): the
   * analysis worker's ends of their ports. They are ended with the run's parse workers.
   */
  #columnHelpers(count: number): MessagePort[] {
    return Array.from({ length: count }, (_, i) => {
      const worker = takeWorker('columns', `columns ${i + 1}`);
      this.#watch(worker);
      const channel = new MessageChannel();
      worker.postMessage(channel.port1, [channel.port1]);
      return channel.port2;
    });
  }

  /** In how many parts this run's reference and production CSVs were parsed (1: one piece; 0: not parsed). */
  readParts(): Promise<number[]> {
    return this.#analysis.readParts();
  }

  /** Parses one file in a parse worker and returns its table (a windowed run hands all tables over together). */
  #parse(name: string, data: Blob, request: ParseRequest, onBytes: (bytes: number) => void): Promise<ParsedTable> {
    return this.#withWorker(name, (api) => api.parse(data, request, Comlink.proxy(onBytes)) as Promise<ParsedTable>);
  }

  /** #parse with the windows' timestamp column read while parsing (parse.worker.ts parseWithTimestamps). */
  #parseTimed(
    name: string,
    data: Blob,
    request: ParseRequest,
    timestamps: { column: string; timezone: string },
    onBytes: (bytes: number) => void,
  ): Promise<{ table: ParsedTable; timestamps: TimestampValues }> {
    return this.#withWorker(
      name,
      (api) =>
        api.parseWithTimestamps(data, request, timestamps, Comlink.proxy(onBytes)) as Promise<{
          table: ParsedTable;
          timestamps: TimestampValues;
        }>,
    );
  }

  /** A worker that fails to load or throws outside a call would leave its call pending: fail the run instead. */
  #watch(worker: Worker): void {
    this.#workers.push(worker);
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.#cancel(new Error(`a worker failed: ${e.message || 'it could not be loaded'}`));
    });
    worker.addEventListener('messageerror', () => this.#cancel(new Error('a worker message could not be read')));
  }

  /** Retrains on this run's tables in its analysis worker (src/workers/retrain/retrainTables.ts). */
  retrain(req: RetrainRequest, onProgress: (p: FitProgress) => void): Promise<RetrainOutcome<RetrainResponse>> {
    // The champion's bytes are copied, not transferred: the page stores them in the registry afterwards.
    return this.#analysis.retrain(req, Comlink.proxy(onProgress)) as Promise<RetrainOutcome<RetrainResponse>>;
  }

  cancelRetrain(): Promise<void> {
    return this.#analysis.cancelRetrain();
  }

  retrainReadiness(label: string | null): Promise<{ ok: boolean; reason: string }> {
    return this.#analysis.retrainReadiness(label);
  }

  /** This run's windows decided again with `thresholds`, in its analysis worker (null without windows). */
  decideWindows(thresholds: Thresholds): Promise<{ windows: WindowResult[]; windowing: WindowingReport } | null> {
    return this.#analysis.decideWindows(thresholds);
  }

  /** SHA-256 (hex) of each blob, taken in this run's analysis worker (streamed: memory stays bounded). */
  hashFiles(blobs: readonly Blob[]): Promise<string[]> {
    return this.#analysis.hashFiles(blobs);
  }

  /** The HTML report of this run, rendered in its analysis worker (which holds the tables or profiles). */
  htmlReport(report: Report, inputs: readonly { role: string; name: string; data: Blob }[], configText: string): Promise<string> {
    return this.#analysis.htmlReport(report, inputs, configText);
  }

  /** Explorer data for one feature of this run's tables (null when unknown or after dispose()). */
  distribution(feature: string): Promise<FeatureDistribution | null> {
    if (this.#workers.length === 0) return Promise.resolve(null);
    return this.#analysis.distribution(feature);
  }

  /** Stops every worker; `result` rejects with RunCancelled if the run was still going. */
  cancel(): void {
    if (!this.#done) this.#cancel(new RunCancelled());
    this.dispose();
  }

  dispose(): void {
    for (const w of this.#workers) w.terminate();
    this.#workers = [];
  }
}

/** At most this many parse workers at once (several production files would otherwise start one each). */
const PARSE_WORKERS = Math.max(2, Math.min(4, globalThis.navigator?.hardwareConcurrency ?? 2));

/** `work` on every item, at most `limit` at a time; results in the items' order. */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

/** The reading settings of the run's config for one file (the parse worker's request). */
function readingSettings(config: Config, file: string, skipColumns: string[]): ParseRequest {
  const { delimiter, missing_values, encoding, decimal, thousands } = config.data;
  return { file, delimiter, missingValues: missing_values, encoding, decimal, thousands, skipColumns };
}
