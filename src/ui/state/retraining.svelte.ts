/**
 * The one owner of retraining state (held by the Dashboard as `dash.retrain`): the challenger family,
 * automatic retraining on/off, the retraining in progress (progress, cancel), the last outcome and its
 * model for download, and the registry + audit log in IndexedDB (the whole history across sessions):
 * export CSV / JSON, import JSON, clear. Components only read it and call its methods; the run awaits
 * afterAnalysis() itself.
 */
import type { Config } from '../../core/config/types.ts';
import type { PerformanceReport, RetrainingReport, Summary } from '../../core/report/types.ts';
import { parseRetrainLogJson, retrainLogToCsv, retrainLogToJson } from '../../core/retrainLog/index.ts';
import { isInputError } from '../../core/errors.ts';
import type { FitProgress } from '../../core/train/types.ts';
import type { RetrainRequest, RetrainResponse } from '../../workers/retrain/retrainTables.ts';
import type { RetrainOutcome } from '../../workers/retrain/retrainOutcome.ts';
import { shouldAutoRetrain } from './shouldAutoRetrain.ts';
import {
  clearRegistry,
  importRetrainEvents,
  listModelVersions,
  listRetrainEvents,
  openRegistry,
  recordRetrainEvent,
  saveModelVersion,
  getModelVersion,
  type ModelRecord,
  type RegistryDb,
  type RetrainEventRecord,
} from '../store/registryDb.ts';
import { storageErrorMessage } from '../store/storageErrorMessage.ts';
import { sha256Hex } from '../../core/retraining/sha256Hex.ts';

/** What this state needs from the analysis worker of the current run. */
export interface RetrainWorker {
  retrain(req: RetrainRequest, onProgress: (p: FitProgress) => void): Promise<RetrainOutcome<RetrainResponse>>;
  cancelRetrain(): Promise<void>;
  retrainReadiness(label: string | null): Promise<{ ok: boolean; reason: string }>;
}

/** What this state reads from the dashboard. */
export interface RetrainHost {
  readonly runId: number;
  readonly runConfig: Config | null;
  readonly model: { name: string; data: Blob } | null;
  readonly report: { summary: Summary; performance: PerformanceReport | null } | null;
  /** The demo model is in use (registered with metadata.demo = true). */
  readonly modelFromDemo: boolean;
  /** The run whose results show compared against a reference profile: no rows, so no model and no retraining. */
  readonly runAgainstProfile: boolean;
  retrainWorker(): RetrainWorker | null;
  /** Puts a retraining outcome into the report of run `runId` (ignored when another run has started since). */
  setRetraining(section: RetrainingReport, runId: number): void;
}

export type ModelListing = Omit<ModelRecord, 'bytes'>;

export type ModelFamily = Config['retraining']['model_family'];

export class Retraining {
  /** "Retrain automatically when drift is detected"; follows retraining.enabled of a loaded config. */
  auto = $state(false);
  /** The challenger's family (retraining.model_family): follows a loaded config, the select can change it. */
  family = $state<ModelFamily>('logistic');
  busy = $state(false);
  progress = $state.raw<FitProgress | null>(null);
  /** Why "Retrain now" is disabled (or the labelled-row count when it is enabled). */
  readiness = $state.raw<{ ok: boolean; reason: string }>({ ok: false, reason: 'Run an analysis first.' });
  /** The last retraining of this session (report section) and its model. */
  last = $state.raw<RetrainingReport | null>(null);
  lastModel = $state.raw<{ bytes: Uint8Array; version: string; name: string } | null>(null);
  lastMs = $state<number | null>(null);
  events = $state.raw<RetrainEventRecord[]>([]);
  models = $state.raw<ModelListing[]>([]);
  message = $state<string | null>(null);
  error = $state<string | null>(null);

  #host: RetrainHost;
  /** The last run whose after-analysis work (model registration, readiness, auto retrain) has finished. */
  settledRun = $state(0);
  #db: Promise<RegistryDb> | null = null;

  constructor(host: RetrainHost) {
    this.#host = host;
  }

  #open(): Promise<RegistryDb> {
    this.#db ??= openRegistry().catch((e) => {
      this.#db = null;
      throw e;
    });
    return this.#db;
  }

  /** Reads the history from IndexedDB (called on mount and after every write). */
  async refresh(): Promise<void> {
    try {
      const db = await this.#open();
      const [events, models] = await Promise.all([listRetrainEvents(db), listModelVersions(db)]);
      this.events = events;
      this.models = models;
    } catch (e) {
      this.error = storageErrorMessage(e);
    }
  }

  /**
   * After each analysis: registers the model it used (a model version, like a trained one), then
   * works out whether retraining is possible and, with retraining on, retrains: the outcome
   * (retrained, not triggered or cannot retrain) becomes the report's `retraining` section, as in the CLI.
   */
  async afterAnalysis(): Promise<void> {
    const runId = this.#host.runId;
    try {
      await this.#afterAnalysis();
    } catch (e) {
      // The run awaits this: a failure here shows in this section and leaves the analysis as it is.
      this.error = failure(e);
    } finally {
      this.settledRun = runId;
    }
  }

  async #afterAnalysis(): Promise<void> {
    const worker = this.#host.retrainWorker();
    const config = this.#host.runConfig;
    this.last = null;
    this.lastModel = null;
    this.error = null;
    this.message = null;
    if (!worker || !config) {
      this.readiness = { ok: false, reason: 'Run an analysis first.' };
      return;
    }
    const runId = this.#host.runId;
    await this.registerModel();
    if (this.#host.runAgainstProfile) {
      // The worker says why retraining cannot run; nothing is retrained automatically either.
      this.readiness = await worker.retrainReadiness(config.data.label_column);
      return;
    }
    this.readiness = await worker.retrainReadiness(config.data.label_column);
    if (shouldAutoRetrain({ auto: this.auto, hasReport: this.#host.report !== null, runId, currentRunId: this.#host.runId }))
      await this.retrain('auto');
  }

  /**
   * Stores the model of the current run in the registry (version = SHA-256 of its bytes; a version
   * already there is kept as it was). A storage failure shows one line; the analysis is unaffected.
   */
  async registerModel(): Promise<void> {
    const model = this.#host.model;
    if (!model) return;
    const perf = this.#host.report?.performance ?? null;
    try {
      const bytes = new Uint8Array(await model.data.arrayBuffer());
      const record: ModelRecord = {
        id: await sha256Hex(bytes),
        name: model.name,
        source: 'uploaded',
        // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throwaway Date read once as a string; nothing reactive holds it
        created: new Date().toISOString(),
        size: bytes.length,
        metadata: {
          demo: this.#host.modelFromDemo,
          classes: perf ? perf.classes.join(', ') : null,
          baseline_f1: perf?.baseline?.f1 ?? null,
        },
        bytes,
      };
      await saveModelVersion(await this.#open(), record);
    } catch (e) {
      this.error = storageErrorMessage(e, `the model version of ${model.name}`);
    }
    await this.refresh();
  }

  async retrain(trigger: 'auto' | 'manual'): Promise<void> {
    const worker = this.#host.retrainWorker();
    const report = this.#host.report;
    const runConfig = this.#host.runConfig;
    const runId = this.#host.runId;
    if (!worker || !report || !runConfig || this.busy) return;
    const family = this.family;
    this.busy = true;
    this.error = null;
    this.message = null;
    this.progress = null;
    try {
      const model = this.#host.model;
      const champion = model ? { name: model.name, bytes: new Uint8Array(await model.data.arrayBuffer()) } : null;
      const config: Config = {
        ...runConfig,
        retraining: { ...runConfig.retraining, model_family: family, enabled: this.auto || trigger === 'manual' },
      };
      const out = await worker.retrain(
        {
          config,
          summary: $state.snapshot(report.summary) as Summary,
          performance: $state.snapshot(report.performance) as PerformanceReport | null,
          champion,
          trigger,
        },
        (p) => (this.progress = p),
      );
      if (out.kind === 'cancelled') {
        this.message = 'Retraining cancelled.';
        return;
      }
      const res = out.value;
      this.last = res.section;
      this.lastMs = res.ms;
      this.#host.setRetraining(res.section, runId);
      if (!res.logRow || !res.challenger) {
        this.message = sentence(res.section.message);
        return;
      }
      const name = `retrained-${res.challenger.version.slice(0, 12)}.onnx`;
      this.lastModel = { bytes: res.challenger.bytes, version: res.challenger.version, name };
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throwaway Date read once as a string; nothing reactive holds it
      const created = new Date().toISOString();
      const record: ModelRecord = {
        id: res.challenger.version,
        name,
        source: 'trained',
        created,
        size: res.challenger.bytes.length,
        metadata: {
          family: res.section.challenger?.family ?? null,
          classes: res.challenger.classes.join(', '),
          features: res.challenger.features.join(', '),
          holdout_f1: res.section.challenger?.f1 ?? null,
          promoted: res.section.promoted,
          seed: res.section.seed,
        },
        bytes: res.challenger.bytes,
      };
      try {
        const db = await this.#open();
        if (champion && res.championVersion) {
          await saveModelVersion(db, {
            id: res.championVersion,
            name: champion.name,
            source: 'uploaded',
            created,
            size: champion.bytes.length,
            metadata: { holdout_f1: res.section.champion?.f1 ?? null },
            bytes: champion.bytes,
          });
        }
        await recordRetrainEvent(db, res.logRow, record);
        this.message = sentence(res.section.message);
      } catch (e) {
        this.error = storageErrorMessage(e);
      }
      await this.refresh();
    } catch (e) {
      this.error = failure(e);
    } finally {
      this.busy = false;
      this.progress = null;
    }
  }

  cancel(): void {
    void this.#host.retrainWorker()?.cancelRetrain();
  }

  /** Follows retraining.enabled and model_family of the loaded config (the controls can still change them). */
  useConfig(config: Config): void {
    this.auto = config.retraining.enabled;
    this.family = config.retraining.model_family;
  }

  csv(): string {
    return retrainLogToCsv(this.events);
  }

  json(): string {
    return retrainLogToJson(this.events);
  }

  async modelBytes(id: string): Promise<Uint8Array | null> {
    try {
      return (await getModelVersion(await this.#open(), id))?.bytes ?? null;
    } catch (e) {
      this.error = storageErrorMessage(e);
      return null;
    }
  }

  async importJson(file: { name: string; data: Blob }): Promise<void> {
    this.error = null;
    this.message = null;
    let rows;
    try {
      rows = parseRetrainLogJson(await file.data.text(), file.name);
    } catch (e) {
      this.error = isInputError(e) ? (e as Error).message : `${file.name}: cannot read it (${String(e)})`;
      return;
    }
    try {
      const { added, skipped } = await importRetrainEvents(await this.#open(), rows);
      this.message = `Imported ${added} entr${added === 1 ? 'y' : 'ies'} from ${file.name}${skipped ? ` (${skipped} already in the log, skipped)` : ''}.`;
    } catch (e) {
      this.error = storageErrorMessage(e);
    }
    await this.refresh();
  }

  async clear(): Promise<void> {
    this.error = null;
    try {
      await clearRegistry(await this.#open());
      this.message = 'The retraining log and the model registry were cleared.';
    } catch (e) {
      this.error = storageErrorMessage(e);
    }
    await this.refresh();
  }
}

/** The core's lower-case message as a sentence: 'not retrained: ...' -> 'Not retrained: ....' */
function sentence(message: string): string {
  const s = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

function failure(e: unknown): string {
  return isInputError(e) ? (e as Error).message : `Retraining failed: ${String((e as Error)?.message ?? e).split('\n')[0]}`;
}
