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
import type { ParseRequest, ParseWorkerApi } from '../../workers/parse.worker.ts';
import type { AnalysisResult, AnalysisWorkerApi, BuiltProfile } from '../../workers/analysis.worker.ts';
import type { FeatureDistribution } from '../../core/distribution/types.ts';
import type { Report } from '../../core/report/types.ts';
import { tableBuffers } from '../../core/table/tableBuffers.ts';
import type { RetrainRequest, RetrainResponse } from '../../workers/retrain/retrainTables.ts';
import type { RetrainOutcome } from '../../workers/retrain/retrainOutcome.ts';
import type { FitProgress } from '../../core/train/types.ts';
import { InputError } from '../../core/errors.ts';
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

  constructor(input: RunInput, onProgress: (p: RunProgress) => void) {
    const analysisWorker = new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), {
      type: 'module',
      name: 'analysis',
    });
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
    const totalBytes = input.reference.data.size + input.production.data.size;
    const read = [0, 0];
    const report = (stage: RunStage) => onProgress({ stage, bytesRead: Math.min(read[0] + read[1], totalBytes), totalBytes });
    report('parsing');
    const warm = this.#analysis.warmUp();
    const modelBytes = input.model ? input.model.data.arrayBuffer().then((b) => new Uint8Array(b)) : null;
    const skipColumns = columnsToSkip(input.config, input.model !== null && input.model !== undefined);
    const [reference, production] = await Promise.all(
      [input.reference, input.production].map((f, i) =>
        this.#parse(f.name, f.data, readingSettings(input.config, f.name, skipColumns), (bytes) => {
          read[i] = bytes;
          report('parsing');
        }),
      ),
    );
    read[0] = input.reference.data.size;
    read[1] = input.production.data.size;
    report('testing');
    await warm;
    const bytes = await modelBytes;
    const model = input.model && bytes ? Comlink.transfer({ name: input.model.name, bytes }, [bytes.buffer]) : null;
    return this.#analysis.analyse(
      Comlink.transfer(reference, tableBuffers(reference)),
      Comlink.transfer(production, tableBuffers(production)),
      input.config,
      model,
      Comlink.proxy(() => report('scoring')),
    );
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
    if (input.model) throw new InputError('windows with a model are not supported yet; remove the model, or turn the windows off');
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
    const skip = columnsToSkip(config, false);
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
    return this.#analysis.analyseWindowed(
      reference ? Comlink.transfer(reference, tableBuffers(reference)) : { name: input.reference.name, data: input.reference.data },
      Comlink.transfer({ productions: tables, timestamps, config }, buffers),
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
    const production = await this.#parse(
      input.production.name,
      input.production.data,
      readingSettings(input.config, input.production.name, columnsToSkip(input.config, withModel)),
      (bytes) => report('parsing', bytes),
    );
    report('testing', totalBytes);
    await warm;
    const bytes = await modelBytes;
    const model = input.model && bytes ? Comlink.transfer({ name: input.model.name, bytes }, [bytes.buffer]) : null;
    return this.#analysis.analyseProfileAndTable(
      { name: input.reference.name, data: input.reference.data },
      Comlink.transfer(production, tableBuffers(production)),
      totalBytes,
      readingSettings(input.config, input.reference.name, columnsToSkip(input.config, false)),
      input.config,
      model,
      Comlink.proxy(() => report('scoring', totalBytes)),
    );
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

  #parse(
    name: string,
    data: Blob,
    request: Parameters<ParseWorkerApi['parse']>[1],
    onBytes: (bytes: number) => void,
  ): Promise<ParsedTable> {
    const worker = new Worker(new URL('../../workers/parse.worker.ts', import.meta.url), {
      type: 'module',
      name: `parse ${name}`,
    });
    this.#watch(worker);
    const api = Comlink.wrap<ParseWorkerApi>(worker);
    // Done with its one file: end it now (a run with many production files would otherwise keep one idle worker per file).
    return (api.parse(data, request, Comlink.proxy(onBytes)) as Promise<ParsedTable>).finally(() => worker.terminate());
  }

  /** #parse with the windows' timestamp column read while parsing (parse.worker.ts parseWithTimestamps). */
  #parseTimed(
    name: string,
    data: Blob,
    request: ParseRequest,
    timestamps: { column: string; timezone: string },
    onBytes: (bytes: number) => void,
  ): Promise<{ table: ParsedTable; timestamps: TimestampValues }> {
    const worker = new Worker(new URL('../../workers/parse.worker.ts', import.meta.url), {
      type: 'module',
      name: `parse ${name}`,
    });
    this.#watch(worker);
    const api = Comlink.wrap<ParseWorkerApi>(worker);
    return (
      api.parseWithTimestamps(data, request, timestamps, Comlink.proxy(onBytes)) as Promise<{
        table: ParsedTable;
        timestamps: TimestampValues;
      }>
    ).finally(() => worker.terminate());
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
