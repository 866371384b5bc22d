/**
 * `drift-monitor sql`: prints the profile query for a warehouse table and writes what it asked
 * (--meta), so the engine's result can become a profile:
 *
 *   drift-monitor sql --dialect postgres --table sales.orders --columns a,b,c --meta orders.query.json > orders.sql
 *   psql --csv -f orders.sql > orders.result.csv
 *   drift-monitor profile --from-query-result orders.result.csv --sql-meta orders.query.json -o orders.profile
 *
 * The columns come from --columns, or from a profile (--columns-from reference.profile: the columns a
 * reference profile holds, so a production table is profiled like its reference), or --edges-from
 * reference.profile: those columns, and numbers counted on the reference's own bins where it has bins.
 * Every other column's numbers are counted per value when the engine counts at most
 * profile.max_exact_values distinct ones, else on bins between the engine's quantiles, decided in the
 * engine (core/sql/quantileBins.ts); --exact counts them per value always.
 */
import { resolve } from 'node:path';
import { InputError } from '../core/errors.ts';
import { dialectOf } from '../core/sql/dialects.ts';
import { binnedEdges } from '../core/sql/edgeBins.ts';
import { profileQuery } from '../core/sql/profileQuery.ts';
import { SQL_BIN_PARTS } from '../core/sql/quantileBins.ts';
import { checkOutputFiles } from '../node/checkOutputFiles.ts';
import type { OutputFile } from '../node/outputFiles.ts';
import { readProfileFile } from '../node/readProfileFile.ts';
import { resolveConfig } from '../node/runPipeline.ts';
import { writeFileAtomic } from '../node/writeFileAtomic.ts';
import { dropList } from './dropList.ts';

export interface SqlFlags {
  dialect?: string;
  table?: string;
  columns?: string;
  columnsFrom?: string;
  edgesFrom?: string;
  where?: string;
  label?: string;
  drop?: string;
  config?: string;
  rowNumber?: string;
  meta?: string;
  out?: string;
  exact?: boolean;
}

type Io = { out: (s: string) => void; err: (s: string) => void };

/** --columns: comma-separated names, or a JSON array of names (for names with commas). */
export function columnList(flag: string): string[] {
  const t = flag.trim();
  if (t.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(t);
    } catch {
      throw new InputError('--columns starts with "[" but is not a JSON array of names; e.g. --columns \'["a,b", "c"]\'');
    }
    if (!Array.isArray(parsed) || !parsed.every((s) => typeof s === 'string'))
      throw new InputError('--columns as JSON must be an array of strings, e.g. --columns \'["a,b", "c"]\'');
    return parsed;
  }
  return t
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function sqlCommand(flags: SqlFlags, io: Io): Promise<void> {
  if (flags.dialect === undefined) throw new InputError('sql: --dialect is required (duckdb, postgres, spark or bigquery)');
  const dialect = dialectOf(flags.dialect);
  if (flags.table === undefined) throw new InputError('sql: --table is required (the table to profile, e.g. --table sales.orders)');
  if (flags.meta === undefined)
    throw new InputError('sql: --meta FILE is required (where to write what the query asks; profile --from-query-result reads it)');
  if ([flags.columns, flags.columnsFrom, flags.edgesFrom].filter((f) => f !== undefined).length !== 1)
    throw new InputError(
      'sql: give the columns with --columns a,b,c or take them from a profile with --columns-from reference.profile or --edges-from reference.profile (one of the three)',
    );
  const drop = dropList(flags.drop);
  const config = await resolveConfig({ config: flags.config, label: flags.label, drop });
  if (config.data.decimal === ',' || (config.data.thousands !== 'auto' && config.data.thousands !== 'none'))
    throw new InputError(
      'sql: the profile query reads numbers written with a "." decimal point and no thousands separators; set data.decimal and data.thousands to auto (or none) for it',
    );
  const outputs: OutputFile[] = [
    { key: 'sqlMeta', role: '--meta', shown: flags.meta, path: resolve(flags.meta) },
    ...(flags.out ? [{ key: 'sql' as const, role: '-o', shown: flags.out, path: resolve(flags.out) }] : []),
  ];
  const inputs = [
    ...(flags.columnsFrom ? [{ role: '--columns-from', shown: flags.columnsFrom, path: flags.columnsFrom }] : []),
    ...(flags.edgesFrom ? [{ role: '--edges-from', shown: flags.edgesFrom, path: flags.edgesFrom }] : []),
    ...(flags.config ? [{ role: 'the config file', shown: flags.config, path: flags.config }] : []),
  ];
  await checkOutputFiles(inputs, outputs);
  const reference = flags.columns !== undefined ? null : await readProfileFile((flags.columnsFrom ?? flags.edgesFrom)!);
  const listed = reference === null ? columnList(flags.columns!) : reference.columns.map((c) => c.name);
  const dropped = config.columns.drop.filter((c) => c !== config.data.label_column);
  const columns = listed.filter((c) => !dropped.includes(c));
  const edges = flags.edgesFrom !== undefined && reference !== null ? binnedEdges(reference, columns) : undefined;
  const { sql, meta } = profileQuery({
    dialect,
    table: flags.table,
    columns,
    missingValues: config.data.missing_values,
    rowNumber: flags.rowNumber ?? null,
    where: flags.where ?? null,
    label: config.data.label_column,
    dropped,
    ...(edges ? { edges } : {}),
    ...(flags.exact ? {} : { quantileBins: { maxExactValues: config.profile.max_exact_values, parts: SQL_BIN_PARTS } }),
  });
  const write = async (path: string, shown: string, text: string) => {
    try {
      await writeFileAtomic(path, text);
    } catch (e) {
      throw new InputError(`cannot write ${shown}: ${(e as Error).message.split('\n')[0]}; check the folder exists and is writable`);
    }
  };
  await write(resolve(flags.meta), flags.meta, `${JSON.stringify(meta, null, 2)}\n`);
  if (flags.out) {
    await write(resolve(flags.out), flags.out, sql);
    io.out(`wrote ${flags.out} and ${flags.meta}: ${columns.length} columns of ${flags.table} (${dialect.name})\n`);
  } else io.out(sql);
}
