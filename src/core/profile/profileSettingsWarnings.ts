/**
 * A profile was read with the reading settings of the run that made it (delimiter, missing markers,
 * encoding, number format, drop list, label). A later run reads its other file with its own settings;
 * where the two differ the sides were not read alike (a "NA" missing on one side is a category on the
 * other), so each difference is a warning line naming both values.
 */
import type { Config } from '../config/types.ts';
import type { ProfileSource } from './columnProfile.ts';

export function profileSettingsWarnings(profileFile: string, source: ProfileSource | null, config: Config): string[] {
  if (source === null) return [];
  const out: string[] = [];
  const differ = (key: string, made: string, now: string) =>
    out.push(
      `${profileFile} was made with ${key} ${made}, this run uses ${now}: the two sides are not read alike; make the profile again with this run's settings or set ${key} to match`,
    );
  const q = (s: string | null) => (s === null ? 'none' : JSON.stringify(s));
  const list = (xs: readonly string[]) => `[${xs.map((x) => JSON.stringify(x)).join(', ')}]`;
  const sameSet = (a: readonly string[], b: readonly string[]) => {
    const x = new Set(a);
    const y = new Set(b);
    return x.size === y.size && [...x].every((v) => y.has(v));
  };
  const d = config.data;
  // 'auto' in this run reads whatever the profile's file used (the profile records what was detected).
  if (d.delimiter !== 'auto' && d.delimiter !== source.delimiter) differ('data.delimiter', q(source.delimiter), q(d.delimiter));
  if (d.encoding !== 'auto' && d.encoding !== source.encoding) differ('data.encoding', q(source.encoding), q(d.encoding));
  if (d.decimal !== source.decimal) differ('data.decimal', q(source.decimal), q(d.decimal));
  if (d.thousands !== source.thousands) differ('data.thousands', q(source.thousands), q(d.thousands));
  if (!sameSet(d.missing_values, source.missingValues)) differ('data.missing_values', list(source.missingValues), list(d.missing_values));
  if (!sameSet(config.columns.drop, source.dropped)) differ('columns.drop', list(source.dropped), list(config.columns.drop));
  if (d.label_column !== source.label) differ('data.label_column', q(source.label), q(d.label_column));
  return out;
}
