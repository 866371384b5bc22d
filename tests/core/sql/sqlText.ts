/** The inputs of the reviewed Spark / BigQuery query snapshots (tests/fixtures/sql), shared with scripts/sql-snapshots.mjs' checks. */
export const SNAPSHOT_TABLE = 'analytics.events';
export const SNAPSHOT_COLUMNS = [
  'age',
  'country',
  'select',
  'a"b',
  "it's",
  'tick`x',
  'back\\slash',
  'ünïcödé 名前',
  'semi;colon -- x',
  'new\nline',
];
export const SNAPSHOT_MISSING = ['', 'NA', 'NaN', 'null', '?', "it's NA"];
