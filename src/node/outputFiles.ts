/**
 * Every file a run reads and every file it writes, with the name the user knows it by (a flag or a
 * config key), so that checkOutputFiles can refuse an output that would overwrite an input or
 * another output before any work is done. A new output joins `outputFiles` with one line.
 */
import { resolve } from 'node:path';
import type { Config } from '../core/config/types.ts';
import { checkRetrainLog } from './appendRetrainLog.ts';

export type OutputKey = 'report' | 'scores' | 'model' | 'retrainLog' | 'profile' | 'html' | 'history';

export interface InputFile {
  /** e.g. "the reference CSV" */
  role: string;
  /** as given (flag value or config value), for messages */
  shown: string;
  /** as the reader opens it */
  path: string;
}

export interface OutputFile {
  key: OutputKey;
  /** the flag or config key that chose it, e.g. "--out", "output.report_path" */
  role: string;
  /** as given, for messages */
  shown: string;
  /** absolute, "." and ".." removed: what the writer opens */
  path: string;
  /** Appended to: may already exist (it is still never an input or another output). */
  append?: boolean;
  /** Extra check of an existing file before any work (e.g. the retrain log's header). */
  check?: (path: string) => Promise<void>;
}

/** Where the caller will write the report and scores (the CLI's --out and --scores). */
export interface ReportTargets {
  out?: string;
  scores?: string;
  /** The HTML report (--html); falls back to output.html_path, none when both are unset. */
  html?: string;
}

/**
 * The outputs of a run with `config`: the report and scores when the caller writes them
 * (`report` given), the retrained model and the retrain log when retraining is enabled.
 */
export function outputFiles(config: Config, report?: ReportTargets): OutputFile[] {
  const reportFile = report ? reportOutput(config, report) : null;
  const files: (OutputFile | null)[] = [
    reportFile,
    reportFile && report ? scoresOutput(config, report, reportFile.path) : null,
    report ? htmlOutput(config, report) : null,
    config.retraining.enabled ? output('model', 'retraining.save_path', config.retraining.save_path) : null,
    config.retraining.enabled
      ? output('retrainLog', 'output.retrain_log_path', config.output.retrain_log_path, { append: true, check: checkRetrainLog })
      : null,
    // The run history (JSON Lines), appended to by the caller after the report is written.
    report ? output('history', 'output.history_path', config.output.history_path, { append: true }) : null,
  ];
  return files.filter((f): f is OutputFile => f !== null);
}

/** The files a run reads: the two CSVs (when paths), the config file and the model. */
export function inputFiles(sources: {
  reference?: unknown;
  production?: unknown;
  config?: unknown;
  model?: string | null;
  /** The reference / production is a *.profile, named so in messages. */
  referenceIsProfile?: boolean;
  productionIsProfile?: boolean;
}): InputFile[] {
  const files: (InputFile | null)[] = [
    input(sources.referenceIsProfile ? 'the reference profile' : 'the reference CSV', sources.reference),
    input(sources.productionIsProfile ? 'the production profile' : 'the production CSV', sources.production),
    input('the config file', sources.config),
    input('the model', sources.model),
  ];
  return files.filter((f): f is InputFile => f !== null);
}

function input(role: string, path: unknown): InputFile | null {
  return typeof path === 'string' && path !== '' ? { role, shown: path, path } : null;
}

function output(key: OutputKey, role: string, path: string | null, extra: Partial<OutputFile> = {}): OutputFile | null {
  return path === null ? null : { key, role, shown: path, path: resolve(path), ...extra };
}

function reportOutput(config: Config, report: ReportTargets): OutputFile {
  if (report.out !== undefined) return output('report', '--out', report.out)!;
  if (config.output.report_path) return output('report', 'output.report_path', config.output.report_path)!;
  return output('report', 'the default report path', 'drift_report.json')!;
}

function scoresOutput(config: Config, report: ReportTargets, reportPath: string): OutputFile {
  if (report.scores !== undefined) return output('scores', '--scores', report.scores)!;
  if (config.output.scores_path) return output('scores', 'output.scores_path', config.output.scores_path)!;
  return output('scores', 'the default scores path (<report>_scores.csv)', reportPath.replace(/(\.json)?$/i, '_scores.csv'))!;
}

function htmlOutput(config: Config, report: ReportTargets): OutputFile | null {
  if (report.html !== undefined) return output('html', '--html', report.html);
  return output('html', 'output.html_path', config.output.html_path);
}
