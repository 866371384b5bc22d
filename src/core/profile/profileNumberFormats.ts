import type { ColumnNumberFormat } from '../table/types.ts';
import type { Profile } from './columnProfile.ts';

type Mark = '.' | ',';

interface Side {
  profile: Profile;
  file: string;
}

/**
 * resolveNumberFormats for profiles, as warnings only. Two tables settle a column whose cells were all
 * ambiguous ("1.234", "1,234") from the other file when their own file does not decide it (the same
 * column's cells there, then that file's other columns); a profile was settled when it was made, from
 * its own file alone, and keeps no rows to read again. So where the other side would have decided
 * differently, a warning names the column and the mark the two-file rule gives, to set as data.decimal
 * when making the profile.
 */
export function profileNumberFormatWarnings(reference: Side, production: Side): string[] {
  const warnings: string[] = [];
  for (const [here, other] of [
    [reference, production],
    [production, reference],
  ] as const) {
    const otherByName = new Map(other.profile.columns.map((c) => [c.name, c]));
    for (const col of here.profile.columns) {
      const f = col.numberFormat;
      if (f === undefined || f.ambiguousCells === 0 || f.decimal === null || ownMark(f) !== null) continue;
      // The table rule's first step (this file's other columns) is what the profile could see too.
      if (majority(here.profile, col.name) !== null) continue;
      const sameDelimiter = here.profile.source !== null && here.profile.source.delimiter === other.profile.source?.delimiter;
      if (!sameDelimiter) continue;
      const twin = ownMark(otherByName.get(col.name)?.numberFormat);
      const mark = twin ?? majority(other.profile, null);
      if (mark === null || mark === f.decimal) continue;
      warnings.push(
        `column "${col.name}" in ${here.file}: its cells such as "1,234" or "1.234" were read with "${f.decimal}" as decimal mark (${f.decidedBy}), but ${other.file} writes "${mark}"; a profile keeps no rows to read them again, so make it again with data.decimal "${mark}" if that is the file's mark`,
      );
    }
  }
  return warnings;
}

function ownMark(f: ColumnNumberFormat | undefined): Mark | null {
  return f !== undefined && (f.decidedBy === 'cells' || f.decidedBy === 'config') ? f.decimal : null;
}

function majority(p: Profile, except: string | null): Mark | null {
  let point = 0;
  let comma = 0;
  for (const c of p.columns) {
    if (c.name === except) continue;
    const m = ownMark(c.numberFormat);
    if (m === '.') point++;
    else if (m === ',') comma++;
  }
  return point === comma ? null : point > comma ? '.' : ',';
}
