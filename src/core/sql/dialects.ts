import { InputError } from '../errors.ts';
import { bigqueryDialect } from './bigqueryDialect.ts';
import { DIALECTS, type Dialect } from './dialect.ts';
import { duckdbDialect } from './duckdbDialect.ts';
import { postgresDialect } from './postgresDialect.ts';
import { sparkDialect } from './sparkDialect.ts';

const BY_NAME: Record<string, Dialect> = {
  duckdb: duckdbDialect,
  postgres: postgresDialect,
  spark: sparkDialect,
  bigquery: bigqueryDialect,
};

/** The dialect called `name`; an unknown name is one InputError listing the known ones. */
export function dialectOf(name: string): Dialect {
  if (!Object.hasOwn(BY_NAME, name)) throw new InputError(`unknown SQL dialect ${JSON.stringify(name)}; use one of ${DIALECTS.join(', ')}`);
  return BY_NAME[name];
}
