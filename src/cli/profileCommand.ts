/**
 * `drift-monitor profile`: make a profile from a CSV, merge profiles, or show what one holds.
 *
 *   drift-monitor profile data.csv -o reference.profile [--label L] [--drop a,b] [--config c.yaml]
 *   drift-monitor profile --merge a.profile b.profile [c.profile ...] -o all.profile
 *   drift-monitor profile --show x.profile
 *
 * Every check (arguments, output not an input, folder writable) runs before any file is read, and
 * the output is written atomically, so a refused or failed command writes nothing.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { columnHint } from '../core/config/suggestColumn.ts';
import { InputError } from '../core/errors.ts';
import type { Profile } from '../core/profile/columnProfile.ts';
import { encodeProfile } from '../core/profile/profileFile.ts';
import { DEFAULT_PROFILE_CONFIG, mergeProfiles, profileConfigOf } from '../core/profile/profileBuilder.ts';
import { parseResultCsv, parseResultJson, profileFromQueryResult } from '../core/sql/queryResultProfile.ts';
import { parseSqlMeta } from '../core/sql/sqlMeta.ts';
import { describeFsError } from '../node/loadConfigFile.ts';
import { columnsToSkip } from '../core/table/columnsToSkip.ts';
import { checkOutputFiles } from '../node/checkOutputFiles.ts';
import type { OutputFile } from '../node/outputFiles.ts';
import { readCsvProfile } from '../node/readCsvProfile.ts';
import { isProfileFile, readProfileFile } from '../node/readProfileFile.ts';
import { resolveConfig } from '../node/runPipeline.ts';
import { writeFileAtomic } from '../node/writeFileAtomic.ts';
import { formatProfile } from './formatProfile.ts';
import { dropList } from './dropList.ts';

export interface ProfileFlags {
  out?: string;
  label?: string;
  drop?: string;
  config?: string;
  merge?: boolean;
  show?: boolean;
  /** A profile query's result (CSV or JSON), with --sql-meta: see fromQueryResult. */
  fromQueryResult?: string;
  sqlMeta?: string;
}

type Io = { out: (s: string) => void; err: (s: string) => void };

export async function profileCommand(files: string[], flags: ProfileFlags, io: Io): Promise<void> {
  if (flags.show && flags.merge) throw new InputError('profile: --show and --merge do not go together; use one of them');
  if (flags.fromQueryResult !== undefined || flags.sqlMeta !== undefined) return fromQueryResult(files, flags, io);
  if (flags.show) return show(files, flags, io);
  if (flags.merge) return merge(files, flags, io);
  return create(files, flags, io);
}

async function show(files: string[], flags: ProfileFlags, io: Io): Promise<void> {
  if (files.length !== 1)
    throw new InputError(`profile --show takes one profile file, got ${files.length}; e.g. drift-monitor profile --show reference.profile`);
  const extra = (['out', 'label', 'drop', 'config'] as const).find((k) => flags[k] !== undefined);
  if (extra) throw new InputError(`profile --show only reads a profile; leave out --${extra}`);
  const [file] = files;
  const profile = await readProfileFile(file);
  io.out(`${formatProfile(profile, { name: file, bytes: (await stat(file)).size })}\n`);
}

async function merge(files: string[], flags: ProfileFlags, io: Io): Promise<void> {
  if (files.length < 2)
    throw new InputError(
      `profile --merge takes two or more profile files, got ${files.length}; e.g. drift-monitor profile --merge a.profile b.profile -o all.profile`,
    );
  const extra = (['label', 'drop', 'config'] as const).find((k) => flags[k] !== undefined);
  if (extra)
    throw new InputError(
      `profile --merge combines profiles as they were made; leave out --${extra} (it applies when a profile is made from a CSV)`,
    );
  const output = await checkedOutput(
    flags.out,
    files.map((f, i) => ({ role: `profile ${i + 1} of --merge`, shown: f, path: f })),
  );
  // A CSV or damaged file among them fails here, before any profile is read in full.
  for (const file of files) if (!(await isProfileFile(file))) await readProfileFile(file);
  const t0 = performance.now();
  const createdAt = new Date().toISOString();
  let merged: Profile | null = null;
  // One profile in memory besides the running merge: read, fold in, let go.
  for (const file of files) {
    const p = await readProfileFile(file);
    merged = merged === null ? p : mergeProfiles(merged, p, { createdAt });
  }
  await writeProfile(merged!, output, t0, io);
}

async function create(files: string[], flags: ProfileFlags, io: Io): Promise<void> {
  if (files.length !== 1)
    throw new InputError(
      `profile takes one CSV file, got ${files.length}; e.g. drift-monitor profile data.csv -o reference.profile (to combine profiles: --merge)`,
    );
  const [file] = files;
  const drop = dropList(flags.drop);
  const config = await resolveConfig({ config: flags.config, label: flags.label, drop });
  const inputs = [
    { role: 'the CSV', shown: file, path: file },
    ...(flags.config ? [{ role: 'the config file', shown: flags.config, path: flags.config }] : []),
  ];
  const output = await checkedOutput(flags.out, inputs);
  if (await isProfileFile(file))
    throw new InputError(
      `${file} is already a profile; to combine profiles use drift-monitor profile --merge a.profile b.profile -o all.profile`,
    );
  const t0 = performance.now();
  const profile = await readCsvProfile(file, {
    // The profile names its CSV without folders (source.file), in the texts it stores too (number-format
    // reasons, parser warnings), so they read the same wherever the profile is used.
    file: basename(file),
    delimiter: config.data.delimiter,
    missingValues: config.data.missing_values,
    encoding: config.data.encoding,
    decimal: config.data.decimal,
    thousands: config.data.thousands,
    skipColumns: columnsToSkip(config, false, { keepTimestamp: true }),
    profile: profileConfigOf(config),
    label: config.data.label_column,
  });
  const label = config.data.label_column;
  const names = profile.columns.map((c) => c.name);
  // A mistyped label would be recorded and only fail at the first run; say so now.
  if (label !== null && !names.includes(label))
    throw new InputError(`label column "${label}" (--label / data.label_column) is not in ${file}; ${columnHint(label, names)}`);
  await writeProfile(profile, output, t0, io);
}

/**
 * A profile from an SQL engine's result of the query `drift-monitor sql` printed (--from-query-result
 * result.csv|result.json) and that query's metadata (--sql-meta q.json). The label and drop list are
 * the query's (recorded in its metadata); --config gives the profile settings.
 */
async function fromQueryResult(files: string[], flags: ProfileFlags, io: Io): Promise<void> {
  if (flags.fromQueryResult === undefined || flags.sqlMeta === undefined)
    throw new InputError(
      'profile: --from-query-result RESULT and --sql-meta QUERY.json go together (the result and the query that made it)',
    );
  if (files.length > 0) throw new InputError(`profile --from-query-result reads no CSV; leave out ${files[0]}`);
  const extra = (['label', 'drop', 'merge', 'show'] as const).find((k) => flags[k] !== undefined);
  if (extra)
    throw new InputError(`profile --from-query-result takes the label and drop list from the query's --sql-meta; leave out --${extra}`);
  const resultFile = flags.fromQueryResult;
  const metaFile = flags.sqlMeta;
  const config = await resolveConfig({ config: flags.config });
  const output = await checkedOutput(flags.out, [
    { role: '--from-query-result', shown: resultFile, path: resultFile },
    { role: '--sql-meta', shown: metaFile, path: metaFile },
    ...(flags.config ? [{ role: 'the config file', shown: flags.config, path: flags.config }] : []),
  ]);
  const t0 = performance.now();
  const text = async (path: string) => {
    try {
      return await readFile(path, 'utf8');
    } catch (e) {
      throw new InputError(`cannot read ${path}: ${describeFsError(e)}`);
    }
  };
  const meta = parseSqlMeta(await text(metaFile), metaFile);
  const body = await text(resultFile);
  const rows = /^\s*[[{]/.test(body.replace(/^\ufeff/, '')) ? parseResultJson(body, resultFile) : parseResultCsv(body, resultFile);
  const profile = profileFromQueryResult(rows, meta, {
    file: resultFile,
    config: { ...DEFAULT_PROFILE_CONFIG, ...profileConfigOf(config) },
    delimiter: config.data.delimiter,
    encoding: config.data.encoding,
    decimal: config.data.decimal,
    thousands: config.data.thousands,
  });
  await writeProfile(profile, output, t0, io);
}

/** The -o output, checked against the inputs (not one of them, writable) before anything is read. */
async function checkedOutput(out: string | undefined, inputs: { role: string; shown: string; path: string }[]): Promise<OutputFile> {
  if (out === undefined) throw new InputError('profile: -o FILE is required (where to write the profile), e.g. -o reference.profile');
  const output: OutputFile = { key: 'profile', role: '-o', shown: out, path: resolve(out) };
  await checkOutputFiles(inputs, [output]);
  return output;
}

async function writeProfile(profile: Profile, output: OutputFile, t0: number, io: Io): Promise<void> {
  const bytes = encodeProfile(profile);
  try {
    await writeFileAtomic(output.path, bytes);
  } catch (e) {
    throw new InputError(`cannot write ${output.shown}: ${(e as Error).message.split('\n')[0]}; check the folder exists and is writable`);
  }
  const sketched = profile.columns.filter((c) => c.numbers.mode === 'sketch').length;
  const seconds = ((performance.now() - t0) / 1000).toFixed(2);
  io.out(
    `wrote ${output.shown}: ${profile.rows} rows, ${profile.columns.length} columns (${profile.columns.length - sketched} exact, ${sketched} sketched), ${bytes.length} bytes in ${seconds} s\n`,
  );
}
