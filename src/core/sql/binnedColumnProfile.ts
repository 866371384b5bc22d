/**
 * A binned typed column's profile straight from its groups (duckdbScanPlan.ts binnedSql, read as
 * Float64Arrays): the profile profileFromQueryResult builds from the same groups' rows (binnedRows),
 * without a row object per group, then per-row checks and a sort. The groups come sorted by key, so
 * their maxima (the bin edges) ascend already; the checks that matter stay as passes over the arrays
 * (edges strictly ascending, counts adding up to the rows).
 */
import { InputError } from '../errors.ts';
import { TEXT_DISTINCT_CAP, type ColumnProfile } from '../profile/columnProfile.ts';
import { applyTextLimit } from '../profile/profileBuilder.ts';
import type { BinGroups } from './duckdbScanPlan.ts';

export function binnedColumnProfile(
  name: string,
  rows: number,
  g: BinGroups,
  infinities: readonly { t: string; n: number; fr: number }[],
  distinct: number,
  nonInteger: number,
  file: string,
): ColumnProfile {
  const fail = (what: string): never => {
    throw new InputError(
      `${file}: does not match its query (${what}); run the query written with this --sql-meta file again and pass its whole result`,
    );
  };
  let special = 0;
  let finite = 0;
  for (const r of g.at) {
    if (Number.isNaN(g.k[r])) special += g.n[r];
    else finite++;
  }
  const values = new Float64Array(finite);
  const counts = new Float64Array(finite);
  let numberCells = 0;
  let ni = 0;
  let worst = 0;
  let j = 0;
  for (const r of g.at) {
    if (Number.isNaN(g.k[r])) continue;
    const v = g.hi[r] === 0 ? 0 : g.hi[r];
    const n = g.n[r];
    if (!Number.isFinite(v)) fail(`column ${JSON.stringify(name)}: bin edge ${v} is not a finite number`);
    if (j > 0 && !(v > values[j - 1])) fail(`column ${JSON.stringify(name)}: bin edges out of order at ${v}`);
    values[j] = v;
    counts[j] = n;
    j++;
    numberCells += n;
    ni += g.ni[r];
    // A group of one number (a point mass's own, or one cell) is all at its edge: no error inside it.
    if (!(n === 1 || g.p[r] % 2 === 1) && n > worst) worst = n;
  }
  const missing = special - infinities.reduce((s, t) => s + t.n, 0);
  const texts = [...infinities].sort((a, b) => a.fr - b.fr || (a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
  const text = new Map<string, number>();
  let nonNumeric = 0;
  for (const t of texts) {
    if (text.has(t.t)) fail(`column ${JSON.stringify(name)} lists the text ${JSON.stringify(t.t)} twice`);
    text.set(t.t, t.n);
    nonNumeric += t.n;
  }
  if (missing < 0 || missing + numberCells + nonNumeric !== rows)
    fail(`column ${JSON.stringify(name)}: ${missing} missing + ${numberCells} numbers + ${nonNumeric} texts is not the ${rows} rows`);
  const first = texts[0];
  const profile: ColumnProfile = {
    name,
    rows,
    missing,
    numbers: { mode: 'exact', values, counts },
    integerValued: (nonInteger > 0 ? nonInteger : ni) === 0,
    numbersUnique: numberCells === 0,
    nonNumeric,
    firstNonNumeric: first === undefined ? null : { row: first.fr, value: first.t },
    text,
    textDistinct: Math.min(text.size, TEXT_DISTINCT_CAP + 1),
  };
  profile.binned = { distinct: Math.max(distinct, values.length), bound: numberCells === 0 ? 0 : worst / numberCells };
  return applyTextLimit(profile, null);
}
