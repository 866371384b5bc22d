/**
 * Profiles computed by PostgreSQL (a cluster the test starts in a temporary folder, see
 * tests/helpers/postgresCluster.ts) with the generated query equal the CSV reader's profiles: every
 * column summary and the whole report of the real-data pairs, hostile names and number shapes. The
 * result goes the way an operator's would: psql --csv output read by parseResultCsv.
 */
import { profileQueryTests } from './sqlChecks.ts';

profileQueryTests('postgres');
