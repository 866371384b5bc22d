/**
 * The functions the CLI and the dashboard call for windows and history (signatures fixed here; the
 * implementations live in the files named after what they hold and are re-exported).
 */
export type {
  WindowsConfig,
  WindowEvery,
  WindowPeriod,
  WindowResult,
  WindowFeatureResult,
  WindowPerformance,
  WindowingReport,
  ExpectedVariation,
  ScoreBand,
  LabelDriftReport,
  HistoryEntry,
  HistoryScore,
} from './types.ts';
export { TimestampColumn, type TimestampValues } from './timestampColumn.ts';
export { ZoneClock } from './zoneClock.ts';
export { calendarWindows, rowWindows, fileWindows, type WindowPlan } from './assignWindows.ts';
export { sliceTables, rowOffsets } from './sliceTables.ts';
export {
  analyseWindows,
  windowSource,
  labelPlan,
  WindowTester,
  type WindowsInput,
  type WindowsAnalysis,
  type WindowStats,
} from './analyseWindows.ts';
export { decideWindows, labelDriftReport } from './decideWindows.ts';
export { expectedVariation, percentile, BAND_PERCENTILES } from './expectedVariation.ts';
export {
  summariseRun,
  mergeHistory,
  parseHistory,
  historyId,
  historyLine,
  formatHistory,
  historyProblem,
  type RunInputs,
} from './history.ts';
