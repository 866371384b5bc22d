import type { FeatureDistribution } from '../distribution/types.ts';
import type { Report } from '../report/types.ts';

/** One file the run read, as the report lists it (file name only: the CLI's folders stay private). */
export interface InputFileInfo {
  /** e.g. "reference", "production", "model", "config" */
  role: string;
  name: string;
  size: number;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
}

/** Everything the HTML report shows: the JSON report plus bounded plot data, the inputs and the config. */
export interface HtmlReportInput {
  report: Report;
  /** Per analysed feature (report order), bounded by reportDistributions(): never raw rows. */
  distributions: readonly FeatureDistribution[];
  inputs: readonly InputFileInfo[];
  /** The config used, as YAML text (configText()). */
  configText: string;
}
