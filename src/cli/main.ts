/**
 * `drift-monitor`: argv + files -> core -> stdout and files. Never imports ui/ or workers/.
 * Exit codes: 0 success (drift or not), 3 overall drift with --fail-on-drift, 2 bad input, 1 internal error.
 */
import { join, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { InputError, isInputError } from '../core/errors.ts';
import { reportToJson } from '../core/report/reportToJson.ts';
import { scoresCsv } from '../core/report/scoresCsv.ts';
import { makeDemoPair } from '../core/samples/makeDemoPair.ts';
import { runPipeline } from '../node/runPipeline.ts';
import { packageVersion } from '../node/version.ts';
import type { OutputFile, OutputKey } from '../node/outputFiles.ts';
import { writeFileAtomic } from '../node/writeFileAtomic.ts';
import { trace } from '../node/threadTrace.ts';
import { inputFileInfo } from '../node/inputFileInfo.ts';
import { renderHtmlReport } from '../core/htmlReport/renderHtmlReport.ts';
import { configText } from '../core/htmlReport/configText.ts';
import { formatSummary } from './printSummary.ts';
import { formatPerformance } from './formatPerformance.ts';
import { formatRetraining } from './formatRetraining.ts';
import { profileCommand, type ProfileFlags } from './profileCommand.ts';
import { dropList } from './dropList.ts';
import { readFile } from 'node:fs/promises';
import type { ConfigOverrides } from '../core/config/mergeOverrides.ts';
import type { Report } from '../core/report/types.ts';
import { formatHistory, parseHistory, summariseRun } from '../core/windows/history.ts';
import { appendHistory } from '../node/appendHistory.ts';
import { postWebhook } from '../node/postWebhook.ts';
import { formatWindows } from './formatWindows.ts';
import { sqlCommand, type SqlFlags } from './sqlCommand.ts';

export const EXIT = { ok: 0, internal: 1, input: 2, drift: 3 } as const;

interface RunFlags {
  reference?: string;
  production?: string[];
  label?: string;
  config?: string;
  drop?: string;
  out?: string;
  scores?: string;
  html?: string;
  model?: string;
  failOnDrift?: boolean;
  quiet?: boolean;
  stream?: boolean;
  windowColumn?: string;
  windowEvery?: string;
  history?: string;
  webhook?: string;
  engine?: string;
}

export async function main(
  argv: string[],
  io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s) },
): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('drift-monitor')
    .description('Detect data drift between a reference CSV and a production CSV (KS, chi-square, PSI).')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .option(
      '-r, --reference <file>',
      'reference (training) CSV, Parquet file or *.profile (see: drift-monitor profile); overrides data.reference_path',
    )
    .option(
      '-p, --production <files...>',
      'production CSV or Parquet file (or *.profile) with the same columns; several files or a folder of CSVs are windows in order; overrides data.production_path',
    )
    .option('-l, --label <column>', 'label column, never tested as a feature; overrides data.label_column')
    .option('-c, --config <file>', 'YAML config (see config/default_config.yaml)')
    .option(
      '-m, --model <file.onnx>',
      'ONNX classifier: performance (baseline vs production), prediction drift, F1-drop alert; overrides model.path',
    )
    .option('--drop <columns>', 'comma-separated columns to leave out; overrides columns.drop')
    .option('-o, --out <file>', 'JSON report path (default: output.report_path or drift_report.json)')
    .option('-s, --scores <file>', 'CSV of per-feature scores (default: output.scores_path or <report>_scores.csv)')
    .option('--html <file>', 'self-contained offline HTML report (charts as static SVG, no script); overrides output.html_path')
    .option('--stream', 'stream both CSVs into profiles: memory bounded by the profiles, not the files (no model or retraining)')
    .option('--window-column <column>', 'timestamp column that cuts production into windows; overrides windows.column')
    .option('--window-every <period>', 'day | week | month | a number of rows per window; overrides windows.every')
    .option('--history <file>', 'append a one-line run summary to this JSON Lines file; overrides output.history_path')
    .option('--webhook <url>', 'POST a JSON alert (Slack-style text + summary) here when drift is detected; overrides alerts.webhook_url')
    .option(
      '--engine <name>',
      'csv (default: the built-in reader) or duckdb: profile CSV/Parquet files or globs inside DuckDB (optional package @duckdb/node-api)',
    )
    .option('--fail-on-drift', 'exit with code 3 when overall drift is detected (for CI and cron)')
    .option('-q, --quiet', 'print only the verdict line')
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      // One line per error, as everywhere else: "error: unknown option '--x' (Did you mean --y?)".
      outputError: (str, write) => write(`${str.trim().replace(/\s*\n\s*/g, ' ')} (see drift-monitor --help)\n`),
    })
    .action(async (flags: RunFlags) => {
      exitCode = await run(flags, io);
    });

  program
    .command('history')
    .description('print the trend table of a run history (output.history_path, JSON Lines)')
    .argument('<file>', 'the history file')
    .action(async (file: string) => {
      exitCode = await historyCommand(file, io);
    });

  program
    .command('samples')
    .description('write a seeded demo pair (reference.csv, production.csv) with injected drift')
    .requiredOption('-o, --out <dir>', 'folder to write into (created if missing)')
    .option('--rows <n>', 'rows per file', '5000')
    .option('--seed <n>', 'random seed', '42')
    .action(async (flags: { out: string; rows: string; seed: string }) => {
      exitCode = await samples(flags, io);
    });

  program
    .command('profile')
    .description(
      'make a reference profile from a CSV (-o FILE), merge profiles (--merge a.profile b.profile -o all.profile) or show one (--show x.profile)',
    )
    .argument('[files...]', 'the CSV or Parquet file to profile; with --merge, the profiles; with --show, the profile')
    .option('-o, --out <file>', 'where to write the profile (e.g. reference.profile)')
    .option('-l, --label <column>', 'label column (recorded; profiled like any column); overrides data.label_column')
    .option('--drop <columns>', 'comma-separated columns to leave out of the profile; overrides columns.drop')
    .option('-c, --config <file>', 'YAML config: reading settings (data.*), columns.drop, profile.max_exact_values, profile.sketch_k')
    .option('--merge', 'combine two or more profiles of the same columns (batches add up)')
    .option('--show', 'print what a profile holds')
    .option('--from-query-result <file>', "an SQL engine's result (CSV or JSON) of the query drift-monitor sql printed; needs --sql-meta")
    .option('--sql-meta <file>', 'the query description drift-monitor sql --meta wrote')
    .action(async (files: string[], flags: ProfileFlags) => {
      await profileCommand(files, flags, io);
      exitCode = EXIT.ok;
    });

  program
    .command('sql')
    .description('print the SQL query that profiles a warehouse table; its result becomes a profile (profile --from-query-result)')
    .option('--dialect <name>', 'duckdb, postgres, spark or bigquery')
    .option('--table <name>', 'the table (dotted parts quoted one by one: project.dataset.table)')
    .option('--columns <list>', 'comma-separated columns to profile (or a JSON array of names)')
    .option('--columns-from <profile>', 'profile the columns a (reference) profile holds')
    .option('--edges-from <profile>', "as --columns-from, and count numbers on the reference's bins where it has bins (binned columns)")
    .option('--where <condition>', 'SQL condition pasted as written (trusted operator input; no ";" or comments)')
    .option('-l, --label <column>', 'label column (recorded); overrides data.label_column')
    .option('--drop <columns>', 'comma-separated columns to leave out; overrides columns.drop')
    .option('-c, --config <file>', 'YAML config: data.missing_values, columns.drop, data.label_column')
    .option('--row-number <column>', "a column numbering the rows (first appearance order, messages); default the engine's scan order")
    .option('--meta <file>', 'where to write the query description (required; profile --sql-meta reads it)')
    .option('-o, --out <file>', 'write the query to this file instead of stdout')
    .option(
      '--exact',
      'count every number per value (default: per value up to profile.max_exact_values distinct numbers, else on bins between the engine quantiles)',
    )
    .action(async (flags: SqlFlags) => {
      await sqlCommand(flags, io);
      exitCode = EXIT.ok;
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // commander already printed "error: ..." (or the help/version text).
      return e.exitCode === 0 ? EXIT.ok : EXIT.input;
    }
    if (isInputError(e)) {
      io.err(`error: ${e.message}\n`);
      return EXIT.input;
    }
    io.err(`error: internal error: ${(e as Error)?.message ?? String(e)} (this is a bug; please report it with the command you ran)\n`);
    if (process.env.DRIFT_MONITOR_DEBUG) io.err(`${(e as Error)?.stack}\n`);
    return EXIT.internal;
  }
}

async function run(flags: RunFlags, io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  trace('cli run');
  const drop = dropList(flags.drop);
  const { report, config, timings, outputs, distributions, hashed } = await runPipeline({
    reference: flags.reference,
    production: flags.production,
    label: flags.label,
    config: flags.config,
    drop,
    overrides: runOverrides(flags),
    model: flags.model,
    stream: flags.stream,
    ...(flags.engine !== undefined ? { engine: flags.engine as 'csv' | 'duckdb' } : {}),
    // Checked with the retraining outputs against every input before the CSVs are read.
    report: { out: flags.out, scores: flags.scores, html: flags.html },
  });
  const reportPath = outputPath(outputs, 'report');
  const scoresPath = outputPath(outputs, 'scores');
  await writeOutput(reportPath, reportToJson(report));
  await writeOutput(scoresPath, scoresCsv(report));
  trace('outputs written');
  const htmlPath = outputs.find((f) => f.key === 'html')?.path ?? null;
  if (htmlPath !== null) {
    const sources: [string, string | null | undefined][] = [
      ['reference', flags.reference ?? config.data.reference_path],
      ...(flags.production ?? [config.data.production_path]).map((p): [string, string | null | undefined] => ['production', p]),
      ['model', flags.model ?? config.model.path],
      ['config', flags.config],
    ];
    const inputs = [];
    for (const [role, path] of sources) if (path) inputs.push(await inputFileInfo(role, path, hashed.get(path)));
    await writeOutput(htmlPath, renderHtmlReport({ report, distributions: distributions ?? [], inputs, configText: configText(config) }));
  }
  const historyPath = outputs.find((f) => f.key === 'history')?.path ?? null;
  const webhook = config.alerts.webhook_url;
  if (historyPath !== null || (webhook !== null && report.summary.overall_drift)) {
    const entry = summariseRun(report, { production: await productionInfo(flags.production ?? [], report, hashed) });
    if (historyPath !== null) {
      try {
        await appendHistory(historyPath, entry);
      } catch (e) {
        throw new InputError(
          `cannot append to ${historyPath}: ${(e as Error).message.split('\n')[0]}; check the folder exists and is writable`,
        );
      }
    }
    if (webhook !== null && report.summary.overall_drift) {
      const sent = await postWebhook(webhook, entry);
      if (!sent.ok)
        io.err(
          `warning: the drift alert to ${webhookHost(webhook)} was not delivered after ${sent.attempts} attempts (${sent.error}); the report is written\n`,
        );
    }
  }
  if (flags.quiet) {
    io.out(
      `${report.summary.overall_drift ? 'drift detected' : 'no drift'}: ${report.summary.drifted}/${report.summary.features} features drifted\n`,
    );
  } else {
    io.out(`${formatSummary(report)}\n\n`);
    if (report.windowing) io.out(`${formatWindows(report)}\n\n`);
    if (report.performance) io.out(`${formatPerformance(report.performance)}\n\n`);
    if (report.retraining)
      io.out(`${formatRetraining(report.retraining, config.output.retrain_log_path && resolve(config.output.retrain_log_path))}\n\n`);
    io.out(
      `wrote ${reportPath}\nwrote ${scoresPath}\n${htmlPath !== null ? `wrote ${htmlPath}\n` : ''}${historyPath !== null ? `appended to ${historyPath}\n` : ''}`,
    );
    io.out(
      `time: parse ${ms(timings.parse)}, detect ${ms(timings.detect)}, tests ${ms(timings.tests)}${timings.model !== undefined ? `, model ${ms(timings.model)}` : ''}${timings.retrain !== undefined ? `, retrain ${ms(timings.retrain)}` : ''}, total ${ms(timings.total)}\n`,
    );
  }
  if (process.env.DRIFT_MONITOR_TIMINGS) {
    // Machine-readable stage times and peak memory for scripts/bench.mjs.
    io.err(`${JSON.stringify({ timings, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
  }
  return flags.failOnDrift && report.summary.overall_drift ? EXIT.drift : EXIT.ok;
}

/** The config values the run's flags set (windows, history, webhook). */
function runOverrides(flags: RunFlags): ConfigOverrides {
  const o: ConfigOverrides = {};
  const every = flags.windowEvery;
  if (flags.windowColumn !== undefined || every !== undefined)
    o.windows = {
      ...(flags.windowColumn !== undefined ? { column: flags.windowColumn } : {}),
      ...(every !== undefined ? { every: /^\d+$/.test(every) ? Number(every) : (every as 'day') } : {}),
    };
  if (flags.history !== undefined) o.output = { history_path: resolve(flags.history) };
  if (flags.webhook !== undefined) o.alerts = { webhook_url: flags.webhook };
  return o;
}

/** The production files' names, sizes' hashes when the run took them, and rows (the whole run's when one file). */
async function productionInfo(
  paths: readonly string[],
  report: Report,
  hashed: Map<string, { size: number; sha256: string }>,
): Promise<{ file: string; sha256: string | null; rows: number }[]> {
  const hashOf = async (path: string) =>
    hashed.get(path)?.sha256 ?? (await inputFileInfo('production', path).catch(() => null))?.sha256 ?? null;
  if (report.windowing?.source === 'file' && report.windows) {
    const out = [];
    for (const w of report.windows)
      out.push({ file: w.file ?? w.label, sha256: w.file !== null ? await hashOf(w.file) : null, rows: w.rows });
    return out;
  }
  const file = paths.length === 1 ? paths[0] : report.data.production.file;
  const sha256 = paths.length === 1 ? await hashOf(file) : null;
  return [{ file: report.data.production.file, sha256, rows: report.data.production.rows }];
}

/** The webhook's host only: its path may hold a secret token (Slack's do). */
function webhookHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the webhook';
  }
}

async function historyCommand(file: string, io: { out: (s: string) => void }): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${(e as Error).message.split('\n')[0]}`);
  }
  io.out(`${formatHistory(parseHistory(text, file))}\n`);
  return EXIT.ok;
}

async function samples(flags: { out: string; rows: string; seed: string }, io: { out: (s: string) => void }): Promise<number> {
  const rows = Number(flags.rows);
  const seed = Number(flags.seed);
  if (!Number.isInteger(rows) || rows < 50) throw new InputError(`--rows must be an integer of at least 50, got "${flags.rows}"`);
  if (!Number.isInteger(seed)) throw new InputError(`--seed must be an integer, got "${flags.seed}"`);
  const pair = makeDemoPair({ rows, seed });
  const dir = resolve(flags.out);
  await writeOutput(join(dir, 'reference.csv'), pair.reference);
  await writeOutput(join(dir, 'production.csv'), pair.production);
  io.out(`wrote ${join(dir, 'reference.csv')}\nwrote ${join(dir, 'production.csv')}\n`);
  return EXIT.ok;
}

function outputPath(outputs: readonly OutputFile[], key: OutputKey): string {
  const file = outputs.find((f) => f.key === key);
  if (!file) throw new Error(`no ${key} output planned`);
  return file.path;
}

/** Atomic (temporary file + rename), so an interrupted run leaves the previous file whole. */
async function writeOutput(path: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path, text);
  } catch (e) {
    throw new InputError(`cannot write ${path}: ${(e as Error).message.split('\n')[0]}; check the folder exists and is writable`);
  }
}

function ms(x: number): string {
  return x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`;
}
