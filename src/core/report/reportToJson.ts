/**
 * The report as the JSON file the CLI writes and the dashboard downloads.
 */
import { REPORT_KEY_ORDER } from './reportKeyOrder.ts';
import { toJsonValue } from './toJsonValue.ts';
import type { Report } from './types.ts';

/**
 * @returns 2-space indented JSON with keys in the order of report/types.ts, non-finite numbers as
 *          null (never NaN or Infinity, which are not JSON), and a trailing newline
 * @example reportToJson(report).startsWith('{\n  "schema_version": "1.0.0",') // true
 */
export function reportToJson(report: Report): string {
  return JSON.stringify(toJsonValue(report, REPORT_KEY_ORDER), null, 2) + '\n';
}
