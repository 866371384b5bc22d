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
import { STAT_TESTS } from '../../core/stattests/registry.ts';
import { Run, type RunProgress } from '../run/startRun.ts';
import { partsOptions } from '../run/planParts.ts';
import type { FeatureDistribution } from '../../core/distribution/types.ts';
import { applyChoices, choicesFromConfig, type ColumnType } from './columnChoices.ts';
import { guessLabel } from './guessLabel.ts';
import { configIssues } from './configIssues.ts';
import { readHeader } from './readHeader.ts';
import { Retraining, type RetrainHost } from './retraining.svelte.ts';
import { version } from '../../../package.json';
import { readProfileSummary } from '../run/readProfileSummary.ts';
import type { ProfileSummary } from '../../workers/profileInfo.worker.ts';
import { isProfileFile } from './isProfileFile.ts';
import { SavedProfiles } from './savedProfiles.svelte.ts';
import { saveFile } from '../download/saveFile.ts';
import { configText } from '../../core/htmlReport/configText.ts';
import { defaultProfileName, profileFileName } from '../download/profileFileName.ts';
import type { WindowsConfig } from '../../core/windows/types.ts';
import { RunHistory } from './runHistory.svelte.ts';
import { summariseRun } from '../../core/windows/api.ts';
import { thresholdsKey, withWindows, type WindowsOutcome } from './windowsReport.ts';

export interface InputFile {
  name: string;
  data: Blob;
}

export type RunStatus = 'idle' | 'running' | 'done';

/** A chosen `*.profile` (a file, or a saved one as the reference): what the page shows of it. */
export interface ProfileInfo extends ProfileSummary {
  /** The saved profile's id when it came from the list (null for a chosen file). */
  savedId: string | null;
}

export class Dashboard implements RetrainHost {
  reference = $state.raw<InputFile | null>(null);
  /** Set when the reference is a profile (detected by its magic bytes, or picked from the saved ones). */
  referenceProfile = $state.raw<ProfileInfo | null>(null);
  /** Set when the production file is a profile (then the reference CSV is profiled too, as the CLI does). */
  productionProfile = $state.raw<ProfileInfo | null>(null);
  /** The reference profiles kept in this browser (IndexedDB). */
  readonly profiles: SavedProfiles = new SavedProfiles();
  production = $state.raw<InputFile | null>(null);
  /** Several production files chosen together (name order): one window each; empty for one file. */
  productions = $state.raw<InputFile[]>([]);
  /** The windows controls (the config's `windows:` keys). */
  windows = $state<WindowsConfig>(structuredClone(defaultConfig().windows));
  /** Windows of the run whose results show (threshold-free; decided with the live thresholds below). */
  windowsAnalysis = $state.raw<WindowsOutcome | null>(null);
  /** Rows of each production file of the windowed run whose results show (null: one file, see report.data). */
  #productionRows: number[] | null = null;
  /** Every finished run's summary, kept in this browser (History view). */
  readonly history: RunHistory = new RunHistory();
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
  /** The live thresholds' key, for the windows the worker decides (thresholdsKey). */
  #thresholdsKey: string = $derived(thresholdsKey($state.snapshot(this.thresholds) as Thresholds));

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
   * The reference of the run whose results show (the CSV to build a profile from, or the profile used),
   * and the production profile when the production side was one.
   */
  runReference = $state.raw<{ file: InputFile; profile: ProfileInfo | null; production: ProfileInfo | null } | null>(null);
  /** The model was left out of the run whose results show (a production profile has no rows to score). */
  modelSkipped = $state(false);
  /** The run whose results show compared against a reference profile (RetrainHost). */
  runAgainstProfile: boolean = $derived(
    this.runReference !== null && (this.runReference.profile !== null || this.runReference.production !== null),
  );
  /** Building or saving the reference profile. */
  savingProfile = $state(false);
  /**
   * The report's `retraining` section: the last retraining of the current run (automatic or "Retrain now"),
   * as runRetraining describes it (the CLI's section); null until one ran, reset by every new run.
   */
  retraining = $state.raw<RetrainingReport | null>(null);
  /** Retraining (family, automatic on/off, progress, cancel, last outcome, registry + log): its one owner. */
  readonly retrain: Retraining = new Retraining(this);
  generatedAt = $state('');
  /** The files of the run whose results show (the HTML report lists them with their SHA-256). */
  #runFiles: { role: string; name: string; data: Blob }[] = [];
  /** The HTML report is being rendered (the button waits). */
  savingHtml = $state(false);
  selectedFeature = $state<string | null>(null);
  /** In how many parts the shown run parsed its reference and production CSVs (1: one piece; 0: not parsed). */
  readParts = $state.raw<number[]>([]);

  /** Bumped by every file or config chosen: a new file is new data even under the same name. */
  #inputsVersion = $state(0);
  /**
   * What a run depends on besides the thresholds (files, config, label, column settings). Thresholds are
   * left out: they re-decide the current results at once, so changing one never makes them stale.
   */
  settingsKey: string = $derived(
    JSON.stringify([
      this.#inputsVersion,
      this.label,
      $state.snapshot(this.types),
      $state.snapshot(this.dropped),
      $state.snapshot(this.windows),
    ]),
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
    this.analysis
      ? decide(
          this.analysis.stats,
          $state.snapshot(this.thresholds),
          performanceSignal(this.performance),
          STAT_TESTS,
          this.analysis.dataQuality ?? null,
          this.analysis.domainClassifier ?? null,
        )
      : null,
  );

  report: Report | null = $derived(
    this.analysis && this.runConfig && this.decision
      ? withWindows(
          {
            ...buildReport(
              this.analysis,
              { ...this.runConfig, thresholds: $state.snapshot(this.thresholds) },
              { generatedAt: this.generatedAt, version },
              this.performance,
              { decision: this.decision },
            ),
            retraining: this.retraining,
          },
          this.windowsAnalysis,
          this.runConfig,
          $state.snapshot(this.thresholds),
        )
      : null,
  );

  #run: Run | null = null;
  /** Counts started runs, so a cancelled run's late progress messages are ignored. */
  #seq = 0;

  /** Thresholds edited after a windowed run: the run's worker decides its windows again (the report leaves them out meanwhile). */
  constructor() {
    $effect.root(() => {
      $effect(() => {
        const outcome = this.windowsAnalysis;
        const key = this.#thresholdsKey;
        const run = this.#run;
        if (!outcome || !run || outcome.decided.key === key) return;
        const thresholds = JSON.parse(key) as Thresholds;
        void run.decideWindows(thresholds).then((decided) => {
          if (decided && this.windowsAnalysis === outcome && this.#run === run)
            this.windowsAnalysis = { ...outcome, decided: { ...decided, key } };
        });
      });
    });
  }

  /**
   * A reference file: a CSV, or a `*.profile` (told by its first bytes, not its name), which is decoded
   * at once so a damaged one is refused here with one line and its columns fill the column controls.
   * `savedId`: the saved profile it came from.
   */
  async setReference(file: InputFile | null, savedId: string | null = null): Promise<void> {
    this.reference = file;
    this.referenceProfile = null;
    this.#inputsVersion += 1;
    this.error = null;
    this.#dropDemoModel();
    if (file && (await isProfileFile(file.data))) {
      await this.#readProfile(file, savedId);
      return;
    }
    await this.#readColumns();
  }

  async #readProfile(file: InputFile, savedId: string | null): Promise<void> {
    const info = await this.#profileInfo(file, savedId);
    if (this.reference !== file) return;
    if (!info) {
      this.reference = null;
      this.columns = [];
    } else {
      this.referenceProfile = info;
      this.columns = info.columns;
    }
    this.#resetChoices();
  }

  /**
   * What the page shows of a chosen `*.profile`, decoded in full off the main thread (readProfileSummary);
   * null (with `error` set) when it is damaged.
   */
  async #profileInfo(file: InputFile, savedId: string | null): Promise<ProfileInfo | null> {
    try {
      return { ...(await readProfileSummary(file.data, file.name)), savedId };
    } catch (e) {
      this.error = messageOf(e);
      return null;
    }
  }

  /** Makes a saved profile the reference. */
  async useSavedProfile(id: string): Promise<void> {
    const listing = this.profiles.list.find((p) => p.id === id);
    const bytes = await this.profiles.bytes(id);
    if (!listing || !bytes) return;
    await this.setReference({ name: listing.name, data: new Blob([bytes as Uint8Array<ArrayBuffer>]) }, id);
  }

  /** Downloads a saved profile as `<name>.profile`. */
  async exportSavedProfile(id: string): Promise<void> {
    const listing = this.profiles.list.find((p) => p.id === id);
    const bytes = await this.profiles.bytes(id);
    if (listing && bytes) saveFile(bytes as Uint8Array<ArrayBuffer>, profileFileName(listing.name), 'application/octet-stream');
  }

  /**
   * Downloads the self-contained HTML report of the results that show: rendered in the run's analysis
   * worker by the CLI's renderer (same inputs, same bytes), saved as drift_report.html.
   */
  async downloadHtmlReport(): Promise<void> {
    const run = this.#run;
    const report = this.report;
    const config = this.runConfig;
    if (!run || !report || !config || this.status !== 'done' || this.savingHtml) return;
    this.savingHtml = true;
    this.error = null;
    try {
      const page = await run.htmlReport(
        $state.snapshot(report) as Report,
        this.#runFiles,
        configText({ ...config, thresholds: $state.snapshot(this.thresholds) }),
      );
      saveFile(page, 'drift_report.html', 'text/html');
    } catch (e) {
      this.error = `Could not build the HTML report: ${messageOf(e)}`;
    } finally {
      this.savingHtml = false;
    }
  }

  /** The name "Save reference profile" suggests for the run whose results show. */
  suggestedProfileName(): string {
    const r = this.runReference;
    if (!r) return 'reference';
    return r.profile ? defaultProfileName(r.profile.file) : defaultProfileName(r.file.name);
  }

  /**
   * Saves the reference of the run whose results show as a profile under `name`, in this browser's
   * saved profiles. After a run on two CSVs the profile is built from the parsed reference (in the
   * analysis worker) and also offered as a `<name>.profile` download; a profile file used as the
   * reference is stored as it is. The download does not wait for the storage, so a full disk still
   * leaves the user the file.
   */
  async saveReferenceProfile(name: string): Promise<void> {
    const r = this.runReference;
    const run = this.#run;
    const config = this.runConfig;
    if (!r || !run || !config || this.status !== 'done' || this.savingProfile) return;
    const label = name.trim() || this.suggestedProfileName();
    this.savingProfile = true;
    this.profiles.lastAction = 'save';
    this.profiles.error = null;
    this.profiles.message = null;
    try {
      if (r.profile) {
        const bytes = new Uint8Array(await r.file.data.arrayBuffer());
        const p = r.profile;
        await this.profiles.save(label, bytes, {
          created: p.created,
          file: p.file,
          rows: p.rows,
          columns: p.columns.length,
          sha256: p.sha256,
          size: p.size ?? 0,
        });
        return;
      }
      const built = await run.referenceProfile(r.file, config);
      const { bytes, ...facts } = built;
      saveFile(bytes as Uint8Array<ArrayBuffer>, profileFileName(label), 'application/octet-stream');
      await this.profiles.save(label, bytes, facts);
    } catch (e) {
      this.profiles.error = `Could not build the reference profile: ${messageOf(e)}`;
    } finally {
      this.savingProfile = false;
    }
  }

  /** A production file: a CSV, or a `*.profile` (told by its first bytes; decoded at once, as a reference). */
  /** Several production files: one window each, in name order (the first one also shows as the production file). */
  async setProductions(files: InputFile[]): Promise<void> {
    const sorted = [...files].sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
    await this.setProduction(sorted[0] ?? null);
    this.productions = sorted.length > 1 && this.productionProfile === null ? sorted : [];
  }

  async setProduction(file: InputFile | null): Promise<void> {
    this.production = file;
    this.productions = [];
    this.productionProfile = null;
    this.#inputsVersion += 1;
    this.error = null;
    this.#dropDemoModel();
    if (!file || !(await isProfileFile(file.data))) return;
    const info = await this.#profileInfo(file, null);
    if (this.production !== file) return;
    if (info) this.productionProfile = info;
    else this.production = null;
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
      this.productions = [];
      this.productionProfile = null;
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
    config.windows = $state.snapshot(this.windows);
    return config;
  }

  async runAnalysis(): Promise<void> {
    const { reference, production } = this;
    const profile = this.referenceProfile;
    const productionProfile = this.productionProfile;
    if (!reference || !production) {
      this.error = profile
        ? 'Choose a production CSV to compare with the reference profile.'
        : 'Choose a reference CSV (or a saved profile) and a production CSV first (or load the demo data).';
      return;
    }
    this.#run?.cancel();
    this.error = null;
    this.notice = null;
    this.status = 'running';
    const config = this.effectiveConfig();
    const key = this.settingsKey;
    const seq = ++this.#seq;
    // A production profile has no rows to score: the model sits that run out (the page says why). Against
    // a reference profile the model scores production only (no baseline), as in the CLI.
    const model = productionProfile ? null : this.model;
    const kind = (p: ProfileInfo | null) => (p ? ('profile' as const) : ('csv' as const));
    const input = {
      reference: { ...reference, kind: kind(profile) },
      production: { ...production, kind: kind(productionProfile) },
      productions: this.productions,
    };
    const run = new Run(
      { ...input, model, config },
      (p) => {
        if (this.#seq === seq) this.progress = p;
      },
      partsOptions(location.search, navigator.hardwareConcurrency),
    );
    this.#run = run;
    let finished = false;
    try {
      const { analysis, performance, windows, windowWarnings, labelStats, productionRows } = await run.result;
      if (this.#run !== run) return;
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throwaway Date read once as a string; nothing reactive holds it
      this.generatedAt = new Date().toISOString();
      this.runConfig = config;
      this.performance = performance;
      this.retraining = null;
      this.runReference = { file: reference, profile, production: productionProfile };
      this.#runFiles = [
        { role: 'reference', name: reference.name, data: reference.data },
        { role: 'production', name: production.name, data: production.data },
        ...(model ? [{ role: 'model', name: model.name, data: model.data }] : []),
        ...(this.configFile ? [{ role: 'config', name: this.configFile.name, data: this.configFile.data }] : []),
      ];
      this.modelSkipped = productionProfile !== null && this.model !== null;
      this.readParts = await run.readParts();
      if (this.#run !== run) return;
      this.windowsAnalysis = windows
        ? { decided: { ...windows, key: thresholdsKey(config.thresholds) }, warnings: windowWarnings ?? [], labelStats: labelStats ?? null }
        : null;
      this.#productionRows = productionRows ?? null;
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
      this.windowsAnalysis = null;
      this.performance = null;
      this.retraining = null;
      this.runConfig = null;
      this.runReference = null;
      this.modelSkipped = false;
      if ((e as Error)?.name === 'RunCancelled') this.notice = 'Run cancelled.';
      else this.error = messageOf(e);
      this.status = 'idle';
    } finally {
      if (this.#run === run || this.#run === null) this.progress = null;
    }
    // The run goes on to what follows an analysis (model registration, retraining readiness and, with
    // automatic retraining on, the retraining itself) and ends only when that has settled.
    if (finished) {
      await this.#keepInHistory(run, reference, profile, this.productions.length ? this.productions : [production]);
      await this.retrain.afterAnalysis();
    }
  }

  /**
   * Keeps the finished run's summary in the History: the files' SHA-256 are taken in the run's analysis
   * worker (the summary's id is a hash of its content, so a re-run on the same files and settings at
   * another time is a new entry). A storage failure is the History's own one line; the run is unaffected.
   */
  async #keepInHistory(run: Run, reference: InputFile, profile: ProfileInfo | null, productions: InputFile[]): Promise<void> {
    const report = this.report;
    if (!report || this.#run !== run) return;
    try {
      const hashes = await run.hashFiles([...(profile ? [] : [reference.data]), ...productions.map((p) => p.data)]);
      const referenceSha = profile ? profile.sha256 : hashes.shift()!;
      // The report is a plain object (a $derived of buildReport), read only here: no copy of its windows.
      const entry = summariseRun(report, {
        reference: { sha256: referenceSha ?? null, profile_id: profile?.savedId ?? null },
        production: productions.map((p, i) => ({
          file: p.name,
          sha256: hashes[i] ?? null,
          rows: this.#productionRows?.[i] ?? report.data.production.rows,
        })),
      });
      await this.history.append(entry);
    } catch (e) {
      this.history.error = `Could not keep this run in the History: ${messageOf(e)}`;
    }
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
    this.windows = structuredClone(config.windows);
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
