import { InputError } from '../errors.ts';
import { closestName, columnHint } from '../config/suggestColumn.ts';
import { countDistinctNumbers } from './distinct.ts';
import { looksLikeTimestamp } from './looksLikeTimestamp.ts';
import { tableFacts, type ColumnFacts, type TableFacts } from './columnFacts.ts';
import type { ColumnPlan, ParsedTable } from './types.ts';

export interface PlanColumnsConfig {
  label: string | null;
  drop: string[];
  numerical: string[];
  categorical: string[];
  maxCategoricalUnique: number;
  /**
   * Whose values the distinct-number count of rule 5 covers: 'both' files (default: README "Column
   * types" infers types from both files) or the 'reference' only (pandas `ref[c].nunique()`, as the
   * Python script behind tests/fixtures/real_expectations.json types columns).
   */
  distinctFrom?: 'both' | 'reference';
  /**
   * The windows' timestamp column (windows.column), or null: it says when a row happened, not what it
   * holds, so it is never tested (a day's dates are all new to the reference: it would drift in every
   * window). It is skipped with that reason and may be absent from the reference.
   */
  timestamp?: string | null;
}

/** The skipped-column reason of the windows' timestamp column. */
export const TIMESTAMP_COLUMN_REASON = "the windows' timestamp column (windows.column)";

/** Distinct numbers are counted exactly up to this many (then reported as "more than"). */
const DISTINCT_CAP = 10_000;
/** The cap of the typing's distinct-number counts (exact up to it): ColumnFactsCache.distinct keeps one more. */
export function distinctCap(cfg: Pick<PlanColumnsConfig, 'maxCategoricalUnique'>): number {
  return Math.max(DISTINCT_CAP, cfg.maxCategoricalUnique);
}
/** Distinct text values examined by the timestamp rule. */
const TIMESTAMP_SAMPLE = 200;

/**
 * Decides the role of every feature column (numerical, categorical or skipped) from the values of
 * both files, with a human-readable reason naming the rule and its numbers. Plans follow the
 * reference file's column order; the label and `drop` columns get no plan.
 *
 * Rules, in order:
 * 1. `columns.numerical` / `columns.categorical` overrides win ("override: columns.numerical").
 * 2. A column with no value in either file is skipped ("all values missing in <ref> and <prod>").
 *    A column with no value in one file only is typed from the other file's values by the rules
 *    below, with "; all values missing in <file>" added to the reason and a warning: it is the
 *    largest missing-share change there is, so it is reported (decide() flags it) rather than
 *    skipped, though no test can run on it.
 * 3. Text in both files where every value parses as a date/timestamp: skipped ("timestamp").
 * 4. Strings or integers unique on every row in each file (more than `maxCategoricalUnique`
 *    values in all): skipped as an identifier.
 * 5. Numbers in both files: numerical with more than `maxCategoricalUnique` distinct values over
 *    both files, else categorical.
 * 6. Numbers with some text cells (in one file, or a minority of the cells in each): numerical when
 *    the numbers have more than `maxCategoricalUnique` distinct values, the text cells becoming
 *    missing (pandas `to_numeric(errors="coerce")`, with a warning naming the file, row and value);
 *    else categorical over the text.
 * 7. Text: categorical (booleans `true`/`false` say so), unless it has more distinct values than
 *    the parser keeps (65536, `highCardinality`): skipped.
 *
 * Throws InputError for a column present in only one file, a label found in neither file, and an
 * override naming a column that does not exist (or that is also dropped, the label, or in both lists).
 */
export function planColumns(ref: ParsedTable, prod: ParsedTable, cfg: PlanColumnsConfig): { plans: ColumnPlan[]; warnings: string[] } {
  return planColumnsFromFacts(tableFacts(ref), tableFacts(prod), cfg);
}

/**
 * planColumns on the facts of two files (columnFacts.ts): two parsed tables, or two profiles
 * (profile/profileFacts.ts), typed by the same rules.
 */
export function planColumnsFromFacts(
  ref: TableFacts,
  prod: TableFacts,
  cfg: PlanColumnsConfig,
): { plans: ColumnPlan[]; warnings: string[] } {
  const warnings: string[] = [];
  const refByName = new Map(ref.columns.map((c) => [c.name, c]));
  const prodByName = new Map(prod.columns.map((c) => [c.name, c]));
  const notParsed = new Set([...(ref.notParsed ?? []), ...(prod.notParsed ?? [])]);
  // Columns a file has but whose values could not be read (a Parquet file's nested columns): skipped
  // with the reader's reason, wherever the other file has them.
  const unreadable = new Map<string, string>();
  for (const u of [...(ref.unreadable ?? []), ...(prod.unreadable ?? [])]) if (!unreadable.has(u.name)) unreadable.set(u.name, u.reason);
  const exists = (name: string) => refByName.has(name) || prodByName.has(name) || notParsed.has(name) || unreadable.has(name);
  const allNames = () => [...new Set([...refByName.keys(), ...prodByName.keys()])];
  // "did you mean "Churn"? Columns: ...": a typed name is most often a case or spelling slip.
  const hint = (name: string) => columnHint(name, allNames());
  const both = `${ref.file} or ${prod.file}`;

  const label = cfg.label;
  if (label !== null && !exists(label)) {
    throw new InputError(`label column "${label}" (--label / data.label_column) is not in ${both}; ${hint(label)}`);
  }
  if (label !== null && unreadable.has(label)) {
    throw new InputError(`label column "${label}" cannot be read: ${unreadable.get(label)}; choose another label column`);
  }
  const drop = new Set(cfg.drop);
  for (const name of drop) {
    if (!exists(name)) {
      const close = closestName(name, allNames());
      // A drop list may be shared by files with different columns, so an absent name only warns; a close
      // one is probably a typo, so the warning says which column was meant.
      warnings.push(
        `columns.drop names "${name}", which is in neither ${ref.file} nor ${prod.file}; ignored${close === null ? '' : `; ${hint(name)}`}`,
      );
    }
  }
  const overrides = new Map<string, 'numerical' | 'categorical'>();
  for (const key of ['numerical', 'categorical'] as const) {
    for (const name of cfg[key]) {
      const where = `columns.${key} names "${name}"`;
      if (!exists(name)) throw new InputError(`column "${name}" (columns.${key}) is not in ${both}; ${hint(name)}`);
      if (name === label) throw new InputError(`${where}, the label column, which is never a feature; remove it from columns.${key}`);
      if (drop.has(name)) throw new InputError(`${where}, which columns.drop also lists; keep it in one of the two`);
      if (overrides.get(name) === (key === 'numerical' ? 'categorical' : 'numerical')) {
        throw new InputError(`${where}, which columns.numerical and columns.categorical both list; keep it in one of them`);
      }
      overrides.set(name, key);
    }
  }

  const timestamp =
    cfg.timestamp !== undefined && cfg.timestamp !== null && cfg.timestamp !== label && !drop.has(cfg.timestamp) ? cfg.timestamp : null;
  if (timestamp !== null && overrides.has(timestamp)) {
    throw new InputError(
      `columns.${overrides.get(timestamp)!} names "${timestamp}", the windows' timestamp column (windows.column), which is never a feature; remove it from columns.${overrides.get(timestamp)!}`,
    );
  }
  const isFeature = (name: string) => name !== label && !drop.has(name) && name !== timestamp;
  for (const [here, other] of [
    [ref, prod],
    [prod, ref],
  ] as const) {
    const otherNames = new Set([...other.columns.map((c) => c.name), ...unreadable.keys()]);
    for (const c of here.columns) {
      if (isFeature(c.name) && !otherNames.has(c.name)) {
        const close = closestName(
          c.name,
          [...otherNames].filter((n) => !refByName.has(n) || !prodByName.has(n)),
        );
        const renamed = close === null ? '' : ` (which has "${close}": rename one of them)`;
        const noHeader = [here, other].find((t) => t.headerIsNumbers);
        // A space- or |-separated file (German credit's german.data) reads as one column named after its
        // first line; the mismatch alone would not say why.
        const oneColumn = [here, other].find((t) => t.columns.length === 1 && /[\s|]/.test(t.columns[0].name.trim()));
        const hint = noHeader
          ? `; the first row of ${noHeader.file} is all numbers: the first row must be the header with the column names`
          : oneColumn
            ? `; ${oneColumn.file} reads as a single column: its header has no ",", ";" or tab; export it comma-, semicolon- or tab-separated (space- or |-separated files are not read)`
            : '';
        throw new InputError(
          `column "${c.name}" is in ${here.file} but missing from ${other.file}${renamed}; add it there or list it in columns.drop${hint}`,
        );
      }
    }
  }

  const plans: ColumnPlan[] = [];
  const unreadPlan = (name: string): ColumnPlan => {
    const reason = unreadable.get(name)!;
    warnings.push(`column "${name}" is skipped (${reason})`);
    return { name, role: 'skipped', reason };
  };
  for (const r of ref.columns) {
    if (!isFeature(r.name)) continue;
    if (unreadable.has(r.name)) {
      plans.push(unreadPlan(r.name));
      continue;
    }
    const p = prodByName.get(r.name)!;
    plans.push(
      planColumn(
        { col: r, file: ref.file, rows: ref.rows },
        { col: p, file: prod.file, rows: prod.rows },
        overrides.get(r.name),
        cfg.maxCategoricalUnique,
        cfg.distinctFrom ?? 'both',
        warnings,
      ),
    );
  }
  for (const name of unreadable.keys()) if (isFeature(name) && !refByName.has(name)) plans.push(unreadPlan(name));
  // Last, parsed or not (the reader may skip it: columnsToSkip), without a warning: it is not data to test.
  if (timestamp !== null && exists(timestamp)) plans.push({ name: timestamp, role: 'skipped', reason: TIMESTAMP_COLUMN_REASON });
  return { plans, warnings };
}

interface Side {
  col: ColumnFacts;
  file: string;
  rows: number;
}

function planColumn(
  ref: Side,
  prod: Side,
  override: 'numerical' | 'categorical' | undefined,
  max: number,
  distinctFrom: 'both' | 'reference',
  warnings: string[],
): ColumnPlan {
  const name = ref.col.name;
  const empty = [ref, prod].filter((s) => s.col.missing === s.rows);
  if (empty.length === 2) {
    const reason = `all values missing in ${ref.file} and ${prod.file}`;
    warnings.push(`column "${name}" is skipped (${reason})`);
    return { name, role: 'skipped', reason };
  }
  // The rules below look at the files that have values (one of them when the other is all missing).
  const sides = [ref, prod].filter((s) => s.col.missing < s.rows);
  const plan = typeColumn(ref, sides, override, max, distinctFrom, warnings);
  // Only a profile keeps its numbers as a sketch (past profile.max_exact_values distinct values), which
  // has no count per value for categories: reachable with a huge max_categorical_unique or an override.
  const sketched = plan.role === 'categorical' ? sides.find((s) => s.col.numberValues() === null) : undefined;
  if (sketched) {
    throw new InputError(
      `column "${name}" is categorical (${plan.reason}) but the profile of ${sketched.file} keeps its numbers as a sketch (at least ${sketched.col.distinctNumbersAtLeast} distinct values), without counts per value; make the profile again with a larger profile.max_exact_values, or list the column in columns.numerical or columns.drop`,
    );
  }
  if (empty.length === 0 || plan.role === 'skipped') return plan;
  const [gone] = empty;
  const [other] = sides;
  warnings.push(
    `column "${name}": all values missing in ${gone.file} (not in ${other.file}); no test can run, it is reported as drifted by its missing share`,
  );
  return { ...plan, reason: `${plan.reason}; all values missing in ${gone.file}` };
}

/** Rules 1 and 3-7 on the files that have values (`sides`: both, or the one that is not all missing). */
function typeColumn(
  ref: Side,
  sides: Side[],
  override: 'numerical' | 'categorical' | undefined,
  max: number,
  distinctFrom: 'both' | 'reference',
  warnings: string[],
): ColumnPlan {
  const name = ref.col.name;
  const skip = (reason: string, advice: string): ColumnPlan => {
    warnings.push(`column "${name}" is skipped (${reason})${advice}`);
    return { name, role: 'skipped', reason };
  };
  // distinctFrom 'reference' counts the reference's values, unless the reference has none.
  const counted = distinctFrom === 'reference' && sides.includes(ref) ? [ref] : sides;
  const where = distinctFrom === 'both' ? '' : ` in ${sides.includes(ref) ? ref.file : sides[0].file}`;

  const tooMany = sides.find((s) => s.col.highCardinality !== undefined);
  if (override === 'categorical') {
    if (tooMany) return skip(highCardinalityReason(tooMany), '; remove it from columns.categorical or add it to columns.drop');
    return { name, role: 'categorical', reason: 'override: columns.categorical' };
  }
  if (override === 'numerical') {
    if (sides.some((s) => s.col.nonNumeric === s.rows - s.col.missing)) {
      const s = sides.find((x) => x.col.nonNumeric === x.rows - x.col.missing)!;
      return skip(`columns.numerical lists it but no value in ${s.file} is a number`, '; remove it from columns.numerical');
    }
    for (const s of sides) if (s.col.nonNumeric > 0) warnings.push(coercionWarning(name, s));
    return { name, role: 'numerical', reason: 'override: columns.numerical' };
  }

  const withText = sides.filter((s) => s.col.nonNumeric > 0);
  const textOnly = (s: Side) => s.col.nonNumeric === s.rows - s.col.missing;

  if (withText.length === sides.length && sides.every(textOnly)) {
    const sample = timestampSample(sides);
    if (sample !== null) {
      return skip(`timestamp: values such as "${sample}" parse as dates`, '; add it to columns.drop');
    }
  }

  const uniqueCounts = sides.map((s) => uniqueValues(s));
  if (uniqueCounts.every((n) => n !== null) && uniqueCounts.reduce((a, b) => a! + b!, 0)! > max) {
    const each = sides.map((s, i) => `${uniqueCounts[i]} in ${s.file}`).join(', ');
    return skip(`identifier: every value is unique in each file (${each})`, '; add it to columns.drop');
  }

  if (withText.length === 0) {
    const distinct = distinctNumberCount(counted, Math.max(DISTINCT_CAP, max));
    const shown = distinctText(distinct, Math.max(DISTINCT_CAP, max));
    return distinct > max
      ? { name, role: 'numerical', reason: `numeric, ${shown} distinct values${where} > ${max}` }
      : { name, role: 'categorical', reason: `numeric, ${shown} distinct values${where} <= ${max}` };
  }

  // Some text. Numbers dominate when every file with text has fewer text cells than numbers.
  const numbersDominate = withText.every((s) => s.col.nonNumeric < s.rows - s.col.missing - s.col.nonNumeric);
  if (numbersDominate) {
    const cap = Math.max(DISTINCT_CAP, max);
    const distinct = distinctNumberCount(counted, cap);
    if (distinct > max) {
      for (const s of withText) warnings.push(coercionWarning(name, s));
      const textFiles = withText.map((s) => `${s.col.nonNumeric} in ${s.file}`).join(', ');
      return {
        name,
        role: 'numerical',
        reason: `numeric, ${distinctText(distinct, cap)} distinct values > ${max}; non-numeric values treated as missing (${textFiles})`,
      };
    }
  }
  if (tooMany) return skip(highCardinalityReason(tooMany), '; add it to columns.drop');
  const categories = countCategories(sides);
  const textFiles = withText.map((s) => s.file).join(' and ');
  if (isBoolean(sides)) return { name, role: 'categorical', reason: `boolean (true/false) text in ${textFiles}` };
  if (categories > max) {
    const sample = numericLookingSample(sides);
    if (sample !== null) {
      warnings.push(
        `column "${name}" is categorical with ${categories} categories, but its values look like numbers the reader could not parse (e.g. "${sample}"); set data.decimal / data.thousands, clean the values, or list it in columns.numerical or columns.drop`,
      );
    }
  }
  return { name, role: 'categorical', reason: `text in ${textFiles}, ${categories} categories` };
}

function highCardinalityReason(s: Side): string {
  return `high-cardinality text: ${s.col.highCardinality!.distinct} distinct values in ${s.file}, too many for categories`;
}

function coercionWarning(name: string, s: Side): string {
  const first = s.col.firstNonNumeric;
  const where = first ? ` (first: "${first.value}" in data row ${first.row})` : '';
  return `column "${name}": ${s.file} has ${s.col.nonNumeric} non-numeric value(s) in a numerical column${where}; they are treated as missing`;
}

function distinctText(n: number, cap: number): string {
  return n > cap ? `more than ${cap}` : String(n);
}

/** Non-missing values when every one is unique in the file (strings or integers), else null. */
function uniqueValues(s: Side): number | null {
  const { col } = s;
  const present = s.rows - col.missing;
  if (col.nonNumeric > 0) {
    // Every non-missing cell has a label; the labels are the distinct cells.
    return col.labelCount() === present ? present : null;
  }
  if (!col.integerValued()) return null;
  return col.numbersUnique() ? present : null;
}

/**
 * Distinct numbers over the sides, exact up to `cap` (`cap + 1` means more). A side whose numbers are
 * a sketch adds its lower bound; the column is then typed as with at least that many (a categorical
 * outcome is refused in typeColumn).
 */
function distinctNumberCount(sides: Side[], cap: number): number {
  const arrays: Float64Array[] = [];
  let atLeast = 0;
  for (const s of sides) {
    const values = s.col.numberValues();
    // Distinct numbers past the cap in one file are past it over the files.
    if (values !== null && s.col.numbersDistinct === true && values.length > cap) return cap + 1;
    // A file typed alone is both sides: its numbers are counted once.
    if (values !== null) {
      if (!arrays.includes(values)) arrays.push(values);
    } else atLeast = Math.max(atLeast, s.col.distinctNumbersAtLeast);
  }
  const counted = countDistinctNumbers(arrays, cap);
  return Math.min(cap + 1, Math.max(counted, atLeast));
}

/** A sample value when the text values of both files all look like timestamps, else null. */
function timestampSample(sides: Side[]): string | null {
  let sample: string | null = null;
  for (const s of sides) {
    const dict = s.col.texts();
    if (dict === null || dict.length === 0) return null;
    const step = Math.max(1, Math.floor(dict.length / TIMESTAMP_SAMPLE));
    for (let i = 0; i < dict.length; i += step) {
      if (!looksLikeTimestamp(dict[i])) return null;
    }
    sample ??= dict[0];
  }
  return sample;
}

/** Digits with separators, a sign, a currency symbol or a percent sign: "1.234.5", "12,5 %", "€ 3,50". */
const NUMERIC_LOOKING = /^[-+\u2212]?[$€£¥]?\s?[-+\u2212]?[\d.,'\s\u00a0\u202f]*\d[\d.,'\s\u00a0\u202f]*\s?[%$€£¥]?$/;

/** A text value of the column when most of its (sampled) text values look like numbers, else null. */
function numericLookingSample(sides: Side[]): string | null {
  let looks = 0;
  let seen = 0;
  let sample: string | null = null;
  for (const s of sides) {
    if (s.col.nonNumeric === 0 || s.col.highCardinality !== undefined) continue;
    const text = s.col.texts() ?? [];
    const step = Math.max(1, Math.floor(text.length / TIMESTAMP_SAMPLE));
    for (let i = 0; i < text.length; i += step) {
      seen++;
      if (NUMERIC_LOOKING.test(text[i])) {
        looks++;
        sample ??= text[i];
      }
    }
  }
  return seen > 0 && looks * 2 > seen ? sample : null;
}

function countCategories(sides: Side[]): number {
  const seen = new Set<string>();
  for (const s of sides) for (const d of s.col.labels()) seen.add(d);
  return seen.size;
}

const BOOLEAN = new Set(['true', 'false']);
function isBoolean(sides: Side[]): boolean {
  return sides.every((s) => {
    if (s.col.nonNumeric === 0) return false;
    for (const d of s.col.labels()) if (!BOOLEAN.has(d.toLowerCase())) return false;
    return true;
  });
}
