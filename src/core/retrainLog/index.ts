export { RETRAIN_LOG_COLUMNS, type RetrainLogRow } from './types.ts';
export { retrainLogCsvHeader, retrainLogCsvLines, retrainLogToCsv, retrainLogCsvAppendText } from './retrainLogCsv.ts';
export { retrainLogToJson, parseRetrainLogJson, RETRAIN_LOG_FORMAT, RETRAIN_LOG_VERSION } from './retrainLogJson.ts';
export { readModelFamily, currentFamilyRow } from './modelFamily.ts';
