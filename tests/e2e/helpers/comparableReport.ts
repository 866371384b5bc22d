import type { Report } from '../../../src/core/report/types.ts';

/**
 * A report as the page and the CLI can both produce it: without `generated_at`, and with the CLI's
 * absolute `paths` replaced everywhere by their file names (what the page sees of an upload).
 */
export function comparableReport(r: Report, paths: readonly string[] = []): Omit<Report, 'generated_at'> {
  let text = JSON.stringify(r);
  for (const p of paths) text = text.replaceAll(JSON.stringify(p).slice(1, -1), p.split('/').pop()!);
  const { generated_at: _, ...rest } = JSON.parse(text) as Report;
  return rest;
}
