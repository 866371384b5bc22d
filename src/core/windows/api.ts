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
