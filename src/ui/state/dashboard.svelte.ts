/**
 * The dashboard's state: inputs, column and threshold controls, the current run and its results.
 * Flags and the verdict are derived with decide() from the analysis and the live thresholds, so editing a
 * threshold re-decides at once without parsing or testing again.
 */
import type { Analysis } from '../../core/analyse.ts';
import { buildReport } from '../../core/buildReport.ts';
import type { Config, Thresholds } from '../../core/config/types.ts';
import { defaultConfig } from '../../core/config/defaults.ts';
import { parseConfig } from '../../core/config/loadConfig.ts';
import { decide, type Decision } from '../../core/decide.ts';
import { isInputError } from '../../core/errors.ts';
import type { PerformanceStats, Report, RetrainingReport } from '../../core/report/types.ts';
import { performanceSignal } from '../../core/performance.ts';
import { Run, type RunProgress } from '../run/startRun.ts';
import type { FeatureDistribution } from '../../workers/distribution/types.ts';
import { applyChoices, choicesFromConfig, type ColumnType } from './columnChoices.ts';
import { guessLabel } from './guessLabel.ts';
import { configIssues } from './configIssues.ts';
import { readHeader } from './readHeader.ts';
import { Retraining, type RetrainHost } from './retraining.svelte.ts';
import { version } from '../../../package.json';

export interface InputFile {
  name: string;
  data: Blob;
}

export type RunStatus = 'idle' | 'running' | 'done';

export class Dashboard implements RetrainHost {
  reference = $state.raw<InputFile | null>(null);
  production = $state.raw<InputFile | null>(null);
  /** An ONNX model: scored on both files in the analysis worker (performance section, prediction drift). */
  model = $state.raw<InputFile | null>(null);
  /** The model is the demo's (public/demo/model.onnx), loaded with the demo files. */
  modelFromDemo = $state(false);
  configFile = $state.raw<InputFile | null>(null);
  baseConfig = $state.raw<Config>(defaultConfig());

  /** Column names of the reference file's header. */
  columns = $state.raw<string[]>([]);
  label = $state<string | null>(null);
  types = $state<Record<string, ColumnType>>({});
  dropped = $state<Record<string, boolean>>({});
  thresholds = $state<Thresholds>(defaultConfig().thresholds);

  status = $state<RunStatus>('idle');
  progress = $state.raw<RunProgress | null>(null);
  /** One-line error of the last action (bad file, bad config); cleared by the next action. */
  error = $state<string | null>(null);
  notice = $state<string | null>(null);

  analysis = $state.raw<Analysis | null>(null);
  /** Threshold-independent performance statistics of the current run (model or prediction columns). */
  performance = $state.raw<PerformanceStats | null>(null);
  /** The config the current analysis ran with (its thresholds are replaced by the live ones). */
  runConfig = $state.raw<Config | null>(null);
  runId = $state(0);
  /**
   * The report's `retraining` section: the last retraining of the current run (automatic or "Retrain now"),
   * as runRetraining describes it (the CLI's section); null until one ran, reset by every new run.
   */
  retraining = $state.raw<RetrainingReport | null>(null);
  /** Retraining (family, automatic on/off, progress, cancel, last outcome, registry + log): its one owner. */
  readonly retrain: Retraining = new Retraining(this);
  generatedAt = $state('');
  selectedFeature = $state<string | null>(null);

  /** Bumped by every file or config chosen: a new file is new data even under the same name. */
  #inputsVersion = $state(0);
  /**
   * What a run depends on besides the thresholds (files, config, label, column settings). Thresholds are
   * left out: they re-decide the current results at once, so changing one never makes them stale.
   */
  settingsKey: string = $derived(
    JSON.stringify([this.#inputsVersion, this.label, $state.snapshot(this.types), $state.snapshot(this.dropped)]),
  );
  /** settingsKey of the run whose results show. */
  #resultsKey = $state<string | null>(null);
  /** Results show, but a setting they depend on changed since: the page says "out of date — Run again". */
  stale: boolean = $derived(this.analysis !== null && this.status === 'done' && this.#resultsKey !== this.settingsKey);

  /** What the loaded config asks that the dashboard cannot do as asked (label not in the file, a model path). */
  configIssues: string[] = $derived(
    configIssues(this.configFile ? this.baseConfig : null, {
      columns: this.columns,
      file: this.reference?.name ?? null,
      modelChosen: this.model !== null,
    }),
  );

  /** Flags and verdict under the live thresholds: decided once per threshold change, the report reuses it. */
  decision: Decision | null = $derived(
    this.analysis ? decide(this.analysis.stats, $state.snapshot(this.thresholds), performanceSignal(this.performance)) : null,
  );

  report: Report | null = $derived(
    this.analysis && this.runConfig && this.decision
      ? {
          ...buildReport(
            this.analysis,
            { ...this.runConfig, thresholds: $state.snapshot(this.thresholds) },
            { generatedAt: this.generatedAt, version },
            this.performance,
            { decision: this.decision },
          ),
          retraining: this.retraining,
        }
      : null,
  );

  #run: Run | null = null;
  /** Counts started runs, so a cancelled run's late progress messages are ignored. */
  #seq = 0;

  async setReference(file: InputFile | null): Promise<void> {
    this.reference = file;
    this.#inputsVersion += 1;
    this.error = null;
    this.#dropDemoModel();
    await this.#readColumns();
  }

  setProduction(file: InputFile | null): void {
    this.production = file;
    this.#inputsVersion += 1;
    this.error = null;
    this.#dropDemoModel();
  }

  setModel(file: InputFile | null): void {
    this.model = file;
    this.#inputsVersion += 1;
    this.modelFromDemo = false;
    this.error = null;
  }

  /** The demo model fits the demo files only: a file of the user's own replaces it with no model. */
  #dropDemoModel(): void {
    if (!this.modelFromDemo) return;
    this.model = null;
    this.modelFromDemo = false;
  }

  async setConfigFile(file: InputFile | null): Promise<void> {
    this.error = null;
    this.#inputsVersion += 1;
    if (!file) {
      this.configFile = null;
      this.#useConfig(defaultConfig());
      return;
    }
    try {
      const config = parseConfig(await file.data.text(), file.name);
      this.configFile = file;
      this.#useConfig(config);
    } catch (e) {
      this.configFile = null;
      this.error = messageOf(e);
    }
  }

  async loadDemo(): Promise<void> {
    this.error = null;
    try {
      const [reference, production, model] = await Promise.all(['reference.csv', 'production.csv', 'model.onnx'].map(fetchDemo));
      await this.setReference(reference);
      this.production = production;
      this.model = model;
      this.modelFromDemo = true;
      this.#inputsVersion += 1;
    } catch (e) {
      this.error = messageOf(e);
    }
  }

  /** The config a run would use now: the base config with the column controls and live thresholds. */
  effectiveConfig(): Config {
    const config = applyChoices(this.baseConfig, this.columns, {
      label: this.label,
      types: $state.snapshot(this.types),
      dropped: $state.snapshot(this.dropped),
    });
    config.thresholds = $state.snapshot(this.thresholds);
    return config;
  }

  async runAnalysis(): Promise<void> {
    const { reference, production } = this;
    if (!reference || !production) {
      this.error = 'Choose a reference CSV and a production CSV first (or load the demo data).';
      return;
    }
    this.#run?.cancel();
    this.error = null;
    this.notice = null;
    this.status = 'running';
    const config = this.effectiveConfig();
    const key = this.settingsKey;
    const seq = ++this.#seq;
    const run = new Run({ reference, production, model: this.model, config }, (p) => {
      if (this.#seq === seq) this.progress = p;
    });
    this.#run = run;
    let finished = false;
    try {
      const { analysis, performance } = await run.result;
      if (this.#run !== run) return;
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throwaway Date read once as a string; nothing reactive holds it
      this.generatedAt = new Date().toISOString();
      this.runConfig = config;
      this.performance = performance;
      this.retraining = null;
      this.analysis = analysis;
      this.#resultsKey = key;
      this.runId += 1;
      const first = this.decision?.features.slice().sort((a, b) => (b.drift_score ?? -1) - (a.drift_score ?? -1))[0];
      this.selectedFeature = first?.name ?? null;
      this.status = 'done';
      finished = true;
    } catch (e) {
      if (this.#run !== run) return;
      run.dispose();
      this.#run = null;
      // The previous run's worker is gone, so its results go too: what shows always matches a live run.
      this.analysis = null;
      this.performance = null;
      this.retraining = null;
      this.runConfig = null;
      if ((e as Error)?.name === 'RunCancelled') this.notice = 'Run cancelled.';
      else this.error = messageOf(e);
      this.status = 'idle';
    } finally {
      if (this.#run === run || this.#run === null) this.progress = null;
    }
    // The run goes on to what follows an analysis (model registration, retraining readiness and, with
    // automatic retraining on, the retraining itself) and ends only when that has settled.
    if (finished) await this.retrain.afterAnalysis();
  }

  /** Puts a retraining outcome into the report of run `runId` (ignored when another run has started since). */
  setRetraining(section: RetrainingReport, runId: number): void {
    if (this.runId === runId) this.retraining = section;
  }

  cancel(): void {
    if (this.status !== 'running' || !this.#run) return;
    this.#run.cancel();
  }

  /** The finished run's analysis worker, for retraining on its tables (null while running or without a run). */
  retrainWorker(): Run | null {
    return this.status === 'done' ? this.#run : null;
  }

  distribution(feature: string): Promise<FeatureDistribution | null> {
    return this.#run?.distribution(feature) ?? Promise.resolve(null);
  }

  #useConfig(config: Config): void {
    this.baseConfig = config;
    this.thresholds = structuredClone(config.thresholds);
    this.retrain.useConfig(config);
    this.#resetChoices();
  }

  async #readColumns(): Promise<void> {
    if (!this.reference) {
      this.columns = [];
    } else {
      try {
        this.columns = await readHeader(
          this.reference.data,
          this.baseConfig.data.delimiter,
          this.baseConfig.data.encoding,
          this.reference.name,
        );
      } catch (e) {
        this.columns = [];
        this.error = `${this.reference.name}: cannot read the header: ${messageOf(e)}`;
      }
    }
    this.#resetChoices();
  }

  #resetChoices(): void {
    const label = guessLabel(this.columns, this.baseConfig.data.label_column);
    const choices = choicesFromConfig(this.columns, this.baseConfig, label);
    this.label = choices.label;
    this.types = choices.types;
    this.dropped = choices.dropped;
  }
}

async function fetchDemo(name: string): Promise<InputFile> {
  const url = new URL(`demo/${name}`, document.baseURI);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`demo/${name}: could not load the demo data (HTTP ${response.status})`);
  return { name, data: await response.blob() };
}

function messageOf(e: unknown): string {
  if (isInputError(e)) return e.message;
  console.error(e);
  const message = e instanceof Error ? e.message : String(e);
  return `Unexpected error: ${message.split('\n')[0]}`;
}
