export type * from './types.ts';
export { SCHEMA_VERSION } from './types.ts';
export { reportToJson } from './reportToJson.ts';
export { scoresCsv, SCORES_CSV_COLUMNS } from './scoresCsv.ts';
export { textCell, numberCell, booleanCell } from './csvCell.ts';
export { REPORT_KEY_ORDER, FEATURE_KEY_ORDER } from './reportKeyOrder.ts';
export type { KeyShape } from './reportKeyOrder.ts';
