/**
 * The run history: one summary per run (HistoryEntry), kept as JSON Lines by the CLI
 * (output.history_path) and in IndexedDB by the dashboard. The id is a hash of the entry's content, so
 * the same run read twice (an import of an export) is one entry after mergeHistory.
 */
import { InputError } from '../errors.ts';
import type { FeatureReport, Report } from '../report/types.ts';
import type { HistoryEntry, HistoryScore } from './types.ts';

export interface RunInputs {
  reference?: { sha256: string | null; profile_id: string | null };
  /** The production files with their hashes; default: the report's production file without a hash. */
  production?: { file: string; sha256: string | null; rows: number }[];
}

function score(f: { drift_score: number | null; psi: { value: number } | null; drifted: boolean }): HistoryScore {
  return { drift_score: f.drift_score, psi: f.psi?.value ?? null, drifted: f.drifted };
}

/** The history entry of a report. */
export function summariseRun(report: Report, inputs: RunInputs = {}): HistoryEntry {
  const entry: Omit<HistoryEntry, 'id'> = {
    history_version: 1,
    created_at: report.generated_at,
    tool_version: report.tool.version,
    reference: {
      file: report.data.reference.file,
      rows: report.data.reference.rows,
      profile_id: inputs.reference?.profile_id ?? null,
      sha256: inputs.reference?.sha256 ?? null,
    },
    production: {
      files: inputs.production ?? [{ file: report.data.production.file, sha256: null, rows: report.data.production.rows }],
      rows: report.data.production.rows,
    },
    thresholds: report.settings.thresholds,
    verdict: {
      overall_drift: report.summary.overall_drift,
      drifted_fraction: report.summary.drifted_fraction,
      drifted_features: report.summary.drifted_features,
      reasons: report.summary.reasons.map((r) => r.rule),
      first_drift: report.windowing?.first_drift ?? null,
    },
    scores: scoresOf(report.features),
    windows: (report.windows ?? []).map((w) => ({
      label: w.label,
      start: w.start,
      end: w.end,
      rows: w.rows,
      too_small: w.too_small,
      overall_drift: w.overall_drift,
      drifted_fraction: w.drifted_fraction,
      scores: Object.fromEntries(w.features.map((f) => [f.name, { drift_score: f.drift_score, psi: f.psi, drifted: f.drifted }])),
    })),
  };
  return { ...entry, id: historyId(entry) } as HistoryEntry;
}

function scoresOf(features: readonly FeatureReport[]): Record<string, HistoryScore> {
  const out: Record<string, HistoryScore> = Object.create(null) as Record<string, HistoryScore>;
  for (const f of features) out[f.name] = score(f);
  return { ...out };
}

/** JSON with object keys sorted at every level: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/**
 * The entry's id: 128-bit FNV-1a (four 32-bit lanes with different offsets) of its canonical JSON
 * without the id, as 32 hex digits. Not a cryptographic hash: it tells copies of one run apart from
 * other runs, it does not authenticate.
 */
export function historyId(entry: Omit<HistoryEntry, 'id'> | HistoryEntry): string {
  const { id: _id, ...rest } = entry as HistoryEntry;
  const text = canonicalJson(rest);
  const lanes = [0x811c9dc5, 0x050c5d1f, 0x2b5f4a3d, 0x6a09e667];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    for (let l = 0; l < 4; l++) lanes[l] = Math.imul(lanes[l] ^ (c + l * 0x9e), 0x01000193) >>> 0;
  }
  return lanes.map((x) => x.toString(16).padStart(8, '0')).join('');
}

/** Both histories, each run once (by id), oldest first (created_at, then id). */
export function mergeHistory(a: readonly HistoryEntry[], b: readonly HistoryEntry[]): HistoryEntry[] {
  const byId = new Map<string, HistoryEntry>();
  for (const e of [...a, ...b]) if (!byId.has(e.id)) byId.set(e.id, e);
  return [...byId.values()].sort((x, y) =>
    x.created_at < y.created_at ? -1 : x.created_at > y.created_at ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0,
  );
}

/** One history line (no newline inside: JSON.stringify escapes them). */
export function historyLine(entry: HistoryEntry): string {
  return JSON.stringify(entry);
}

/** Why a parsed value is not a history entry, or null when it is one. */
export function historyProblem(v: unknown): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not a JSON object';
  const e = v as Record<string, unknown>;
  if (e.history_version !== 1) return `history_version must be 1, got ${JSON.stringify(e.history_version) ?? 'nothing'}`;
  if (typeof e.id !== 'string' || !/^[0-9a-f]{32}$/.test(e.id)) return 'id must be 32 hex digits';
  if (typeof e.created_at !== 'string' || Number.isNaN(Date.parse(e.created_at))) return 'created_at must be an ISO 8601 time';
  const verdict = e.verdict as Record<string, unknown> | undefined;
  if (
    typeof verdict !== 'object' ||
    verdict === null ||
    typeof verdict.overall_drift !== 'boolean' ||
    typeof verdict.drifted_fraction !== 'number'
  )
    return 'verdict must have overall_drift and drifted_fraction';
  const production = e.production as Record<string, unknown> | undefined;
  if (typeof production !== 'object' || production === null || !Array.isArray(production.files)) return 'production.files must be a list';
  if (typeof e.scores !== 'object' || e.scores === null || Array.isArray(e.scores)) return 'scores must be an object';
  if (!Array.isArray(e.windows)) return 'windows must be a list';
  return null;
}

/**
 * The entries of a JSON Lines history (blank lines skipped). A bad line is one InputError naming the
 * file and the line.
 */
export function parseHistory(text: string, file: string): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new InputError(`${file}: line ${i + 1} is not JSON (${describeLine(line)}); remove or fix that line`);
    }
    const problem = historyProblem(v);
    if (problem !== null) throw new InputError(`${file}: line ${i + 1} is not a run summary: ${problem}; remove or fix that line`);
    out.push(v as HistoryEntry);
  });
  return out;
}

function describeLine(line: string): string {
  const shown = line.length > 40 ? `${line.slice(0, 37)}...` : line;
  return `starts ${JSON.stringify(shown)}`;
}

/** Control characters (terminal escapes) out of text printed to a terminal. */
function printable(s: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are replaced
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

/** The trend table `drift-monitor history` prints: one line per run, oldest first. */
export function formatHistory(entries: readonly HistoryEntry[]): string {
  if (entries.length === 0) return 'no runs in the history yet';
  const header = ['run', 'verdict', 'drifted', 'max score', 'windows', 'first drift', 'production'];
  const rows = entries.map((e) => {
    const max = Math.max(...Object.values(e.scores).map((s) => s.drift_score ?? -Infinity));
    const drifted = e.windows.filter((w) => w.overall_drift).length;
    return [
      e.created_at.replace('T', ' ').replace(/\.\d+Z$|Z$/, ''),
      e.verdict.overall_drift ? 'DRIFT' : 'ok',
      `${(e.verdict.drifted_fraction * 100).toFixed(0)}%`,
      Number.isFinite(max) ? max.toFixed(3) : '-',
      e.windows.length ? `${drifted}/${e.windows.length}` : '-',
      e.verdict.first_drift ?? '-',
      e.production.files.map((f) => f.file).join(', '),
    ].map(printable);
  });
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  const drifts = entries.filter((e) => e.verdict.overall_drift).length;
  return [line(header), ...rows.map(line), '', `${entries.length} run(s), ${drifts} with drift`].join('\n');
}
