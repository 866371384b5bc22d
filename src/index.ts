/** The library API: `import { runPipeline } from 'drift-monitor'`. */
export { runPipeline } from './node/runPipeline.ts';
export type { PipelineOptions, PipelineResult } from './node/runPipeline.ts';
export { analyse } from './core/analyse.ts';
export type { Analysis } from './core/analyse.ts';
export { decide } from './core/decide.ts';
export { buildReport } from './core/buildReport.ts';
export { InputError } from './core/errors.ts';
export type { Config, Thresholds } from './core/config/types.ts';
export type { Report, FeatureReport, FeatureStats, Summary } from './core/report/types.ts';
export type { ParsedTable, ParsedColumn } from './core/table/types.ts';
export { encodeProfile, decodeProfile } from './core/profile/profileFile.ts';
export type { Profile, ColumnProfile } from './core/profile/columnProfile.ts';
