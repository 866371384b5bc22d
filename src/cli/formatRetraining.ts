import type { RetrainingReport } from '../core/report/types.ts';

/**
 * The retraining step for the terminal: what happened in one line, then the champion and
 * challenger on the held-out rows and the files written.
 */
export function formatRetraining(r: RetrainingReport, logPath: string | null): string {
  const lines = [`Retraining: ${r.message}`];
  if (r.reasons.length && r.triggered) lines.push(`  triggered by: ${r.reasons.join('; ')}`);
  const f = (x: number) => x.toFixed(4);
  if (r.champion)
    lines.push(
      `  champion   ${r.champion.file}: F1 ${f(r.champion.f1)}, accuracy ${f(r.champion.accuracy)} (${short(r.champion.version)})`,
    );
  if (r.challenger)
    lines.push(
      `  challenger ${r.challenger.family}: F1 ${f(r.challenger.f1)}, accuracy ${f(r.challenger.accuracy)} (${short(r.challenger.version)})`,
    );
  if (r.save_path) lines.push(`  wrote model ${r.save_path}`);
  if (r.status === 'retrained' && logPath) lines.push(`  appended the event to ${logPath}`);
  return lines.join('\n');
}

function short(version: string | null): string {
  return version ? `version ${version.slice(0, 12)}` : 'version unknown';
}
