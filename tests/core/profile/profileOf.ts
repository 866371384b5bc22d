import { profileFromTable } from '../../../src/core/profile/profileBuilder.ts';
import type { Profile } from '../../../src/core/profile/columnProfile.ts';
import { resolveAlone } from '../../../src/core/table/resolveNumberFormats.ts';
import type { ParsedTable } from '../../../src/core/table/types.ts';

/**
 * The profile of a file read into `t`, as a profile is made from a file alone: its undecided number
 * formats settled by the file's own rules first (resolveAlone, as profileCsv does), the
 * source named after the table so reports name the same files.
 */
export function profileOf(t: ParsedTable, maxExactValues?: number): Profile {
  resolveAlone(t);
  return profileFromTable(t, {
    ...(maxExactValues !== undefined ? { config: { maxExactValues } } : {}),
    createdAt: '2026-01-01T00:00:00.000Z',
    source: {
      file: t.file,
      size: 0,
      sha256: null,
      delimiter: t.delimiter,
      missingValues: [],
      encoding: 'utf-8',
      decimal: 'auto',
      thousands: 'auto',
      dropped: t.notParsed ?? [],
      label: null,
    },
  });
}
