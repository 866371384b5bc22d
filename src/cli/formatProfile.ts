/**
 * `drift-monitor profile --show x.profile`: what a profile holds, for the terminal. Names, texts and
 * file names come from untrusted files: they are quoted (JSON escapes, so a newline cannot fake a line)
 * and any control character left is replaced (stripControl), so no terminal escape gets through.
 */
import { numberCount, type ColumnProfile, type Profile, type ProfileSource } from '../core/profile/columnProfile.ts';
import { rankErrorBound } from '../core/profile/kllSketch.ts';
import { profileKinds } from '../core/profile/profileKind.ts';
import { PROFILE_VERSION } from '../core/profile/profileFile.ts';
import { stripControl } from './printSummary.ts';

/** Categories listed per column. */
const TOP = 5;

export function formatProfile(p: Profile, file: { name: string; bytes: number }): string {
  const q = (s: string) => JSON.stringify(s);
  const list = (xs: readonly string[]) => (xs.length === 0 ? 'none' : xs.map(q).join(', '));
  const lines: string[] = [];
  lines.push(`profile ${q(file.name)} (format ${PROFILE_VERSION}, ${bytes(file.bytes)}), created ${p.createdAt}`);
  const src = (s: ProfileSource) => `${q(s.file)}, ${bytes(s.size)}, sha256 ${s.sha256 ?? 'unknown'}`;
  if (p.source) {
    lines.push(`source: ${src(p.source)}, ${p.rows} rows, ${p.columns.length} columns`);
    const s = p.source;
    lines.push(
      `read with: delimiter ${q(s.delimiter)}, missing values [${list(s.missingValues)}], encoding ${q(s.encoding)}, decimal ${q(s.decimal)}, thousands ${q(s.thousands)}, dropped [${list(s.dropped)}], label ${s.label === null ? 'none' : q(s.label)}`,
    );
  } else lines.push(`source: not recorded, ${p.rows} rows, ${p.columns.length} columns`);
  if (p.mergedFrom) {
    lines.push(`merged from ${p.mergedFrom.length} sources:`);
    for (const s of p.mergedFrom) lines.push(`  ${src(s)}`);
  }
  const c = p.config;
  lines.push(
    `settings: max_exact_values ${c.maxExactValues}, sketch k ${c.sketchK} (rank error ${pct(rankErrorBound(c.sketchK))} per sketch at 99% confidence), sketch seed ${c.sketchSeed}`,
  );
  if (p.headerIsNumbers) lines.push('header: every name is a number (the file probably has no header row)');
  if (p.warnings.length) {
    lines.push('warnings:');
    for (const w of p.warnings) lines.push(`  ${w}`);
  }
  lines.push(`columns (kind as this file alone would type it; a run types each column from both sides):`);
  const kinds = profileKinds(p);
  p.columns.forEach((col, i) => {
    lines.push(`  ${q(col.name)}: ${kinds[i]}, ${col.rows} rows, ${col.missing} missing (${pct(col.rows ? col.missing / col.rows : 0)})`);
    lines.push(`    ${numbersLine(col)}`);
    if (col.nonNumeric > 0) lines.push(`    ${textLine(col)}`);
    const top = kinds[i] === 'categorical' ? topCategories(col) : [];
    if (top.length) {
      lines.push(`    top: ${top.map(([label, n]) => `${q(label)} ${n} (${pct(n / (col.rows - col.missing))})`).join(', ')}`);
    }
  });
  return lines.map(safeLine).join('\n');
}

/**
 * One terminal line from untrusted text: line breaks and tabs (a warning read from a hostile file may
 * hold them, faking lines) and bidirectional overrides (which reorder what is shown) become '?', as
 * stripControl does for every other control character.
 */
function safeLine(s: string): string {
  return stripControl(s.replace(/[\t\n\r\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '?'));
}

function numbersLine(c: ColumnProfile): string {
  const n = numberCount(c);
  const int = c.integerValued ? ', integers' : '';
  const unique = c.numbersUnique && n > 0 ? ', each value once' : '';
  if (c.numbers.mode === 'exact') {
    if (n === 0) return 'numbers: none';
    const { values } = c.numbers;
    return `numbers: ${n} exact, ${values.length} distinct, from ${values[0]} to ${values[values.length - 1]}${int}${unique}`;
  }
  const s = c.numbers.sketch;
  const bound = s.errorBound;
  return `numbers: ${n} in a KLL sketch (k ${s.k}, ${s.retained} items kept, rank error ${bound === 0 ? '0: nothing compacted yet' : `${pct(bound)} at 99% confidence`}), at least ${c.numbers.distinctAtLeast} distinct, from ${s.min} to ${s.max}${int}`;
}

function textLine(c: ColumnProfile): string {
  const first = c.firstNonNumeric ? `, first ${JSON.stringify(c.firstNonNumeric.value)} in data row ${c.firstNonNumeric.row}` : '';
  const kept = c.text === null ? ' (too many to keep their counts)' : '';
  return `text: ${c.nonNumeric} cells, ${c.textDistinct} distinct${kept}${first}`;
}

/** The most frequent labels (texts, and exact numbers as written by the table reader), ties in order of appearance. */
function topCategories(c: ColumnProfile): [string, number][] {
  const counts: [string, number][] = [];
  if (c.numbers.mode === 'exact') {
    const { values, counts: n } = c.numbers;
    for (let i = 0; i < values.length; i++) counts.push([String(values[i]), n[i]]);
  }
  if (c.text) counts.push(...c.text);
  return counts
    .map((e, i) => [e, i] as const)
    .sort((a, b) => b[0][1] - a[0][1] || a[1] - b[1])
    .slice(0, TOP)
    .map(([e]) => e);
}

function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

function bytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}
