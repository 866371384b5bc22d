/**
 * Checks and summaries over the production tables of a windowed run, shared by the CLI
 * (src/node/runWindows.ts) and the dashboard's analysis worker (src/workers/windowedRun.ts).
 */
import type { Config } from '../config/types.ts';
import { InputError } from '../errors.ts';
import type { Profile } from '../profile/columnProfile.ts';
import { profileConfigOf, profileFromTable } from '../profile/profileBuilder.ts';
import type { ParsedTable } from '../table/types.ts';
import { rowOffsets, sliceTables } from './sliceTables.ts';

/** The label column of the production files as a profile (for target drift). */
export function labelProfile(productions: readonly ParsedTable[], config: Config): Profile | null {
  const label = config.data.label_column;
  if (label === null) return null;
  const offsets = rowOffsets(productions);
  const all = Int32Array.from({ length: offsets[productions.length] }, (_, i) => i);
  return profileFromTable(sliceTables(productions, offsets, all, [label], 'production'), { config: profileConfigOf(config) });
}

/** Production files used as windows must have the same columns; else one line naming the first difference. */
export function checkSameColumns(tables: readonly ParsedTable[]): void {
  const names = (t: ParsedTable) => t.columns.map((c) => c.name);
  const first = names(tables[0]);
  for (const t of tables.slice(1)) {
    const these = names(t);
    const missing = first.find((n) => !these.includes(n));
    const extra = these.find((n) => !first.includes(n));
    if (missing !== undefined || extra !== undefined)
      throw new InputError(
        `${t.file}: production files used as windows need the same columns; ${missing !== undefined ? `column "${missing}" of ${tables[0].file} is missing` : `column "${extra}" is not in ${tables[0].file}`}`,
      );
  }
}
