/**
 * Profiles computed by DuckDB with the generated query equal the CSV reader's profiles of the same
 * files: every column summary, and the whole report of the real-data pairs, hostile names and number
 * shapes. The CSV files are loaded into DuckDB as text (all_varchar), as a warehouse would hold them
 * before the query types them.
 */
import { profileQueryTests } from './sqlChecks.ts';

profileQueryTests('duckdb');
