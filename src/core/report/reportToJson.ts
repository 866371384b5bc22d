/**
 * The report as the JSON file the CLI writes and the dashboard downloads.
 */
import { reportKeyOrder } from './reportKeyOrder.ts';
import { testsIn } from '../stattests/testChoice.ts';
import type { StatRegistry } from '../stattests/driftTest.ts';
import { toJsonValue } from './toJsonValue.ts';
import type { Report } from './types.ts';

/**
 * @returns 2-space indented JSON with keys in the order of report/types.ts, non-finite numbers as
 *          null (never NaN or Infinity, which are not JSON), and a trailing newline; `tests` (default:
 *          the tests the features hold, testChoice.ts) places each test's feature and threshold keys
 * @example reportToJson(report).startsWith('{\n  "schema_version": "1.0.0",') // true
 */
export function reportToJson(report: Report, tests?: StatRegistry): string {
  return JSON.stringify(toJsonValue(report, reportKeyOrder(tests ?? testsIn(report.features))), null, 2) + '\n';
}
