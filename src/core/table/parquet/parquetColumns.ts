/**
 * How each top-level column of a Parquet file is read, from its schema alone (README "Parquet input"):
 * - numbers: INT32/INT64 (signed or not, any bit width), FLOAT, DOUBLE, FLOAT16, DECIMAL (as the nearest
 *   float64; an INT64 past 2^53 loses its last digits, as in pandas' float columns);
 * - text: strings (STRING/UTF8, ENUM, JSON, UUID, dictionary-encoded or not, and BYTE_ARRAY without a
 *   type, read as UTF-8), booleans as the texts "true"/"false", DATE as "2024-01-31", TIMESTAMP and
 *   INT96 as "2024-01-31 12:00:00[.fff]" (UTC), so the typing rules treat them as a CSV's cells;
 * - skipped with a reason: nested columns (LIST, MAP, groups/structs, repeated fields), TIME, INTERVAL,
 *   BSON, geometry, VARIANT and fixed-length binary, which are no single value per row.
 */
import type { SchemaTree } from 'hyparquet';

export type ParquetValueKind = 'number' | 'text' | 'boolean' | 'date' | 'timestamp';

export interface ParquetColumn {
  name: string;
  kind: ParquetValueKind;
}

export interface UnreadColumn {
  name: string;
  reason: string;
}

/** The readable columns and the skipped ones (with why), in schema order. */
export function parquetColumns(root: SchemaTree): { columns: ParquetColumn[]; unread: UnreadColumn[] } {
  const columns: ParquetColumn[] = [];
  const unread: UnreadColumn[] = [];
  for (const child of root.children) {
    const kind = kindOf(child);
    if (typeof kind === 'string') columns.push({ name: child.element.name, kind });
    else unread.push({ name: child.element.name, reason: kind.skip });
  }
  return { columns, unread };
}

function kindOf(node: SchemaTree): ParquetValueKind | { skip: string } {
  const e = node.element;
  const logical = e.logical_type?.type;
  const converted = e.converted_type;
  const nested = (what: string) => ({ skip: `nested Parquet column (${what}): not a single value per row` });
  if (logical === 'LIST' || converted === 'LIST') return nested('LIST');
  if (logical === 'MAP' || converted === 'MAP' || converted === 'MAP_KEY_VALUE') return nested('MAP');
  if (node.children.length > 0) return nested('group/struct');
  if (e.repetition_type === 'REPEATED') return nested('repeated field');
  const unsupported = (what: string) => ({
    skip: `Parquet type ${what} is not read: cast it to a number or a string when writing the file`,
  });
  if (logical === 'TIME' || converted === 'TIME_MILLIS' || converted === 'TIME_MICROS') return unsupported('TIME');
  if (logical === 'INTERVAL' || converted === 'INTERVAL') return unsupported('INTERVAL');
  if (logical === 'BSON' || converted === 'BSON') return unsupported('BSON');
  if (logical === 'GEOMETRY' || logical === 'GEOGRAPHY' || logical === 'VARIANT' || logical === 'FILE') return unsupported(logical);
  if (logical === 'DATE' || converted === 'DATE') return 'date';
  if (logical === 'TIMESTAMP' || converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS' || e.type === 'INT96')
    return 'timestamp';
  if (logical === 'DECIMAL' || converted === 'DECIMAL' || logical === 'FLOAT16') return 'number';
  if (logical === 'STRING' || logical === 'ENUM' || logical === 'JSON' || logical === 'UUID') return 'text';
  if (converted === 'UTF8' || converted === 'ENUM' || converted === 'JSON') return 'text';
  switch (e.type) {
    case 'BOOLEAN':
      return 'boolean';
    case 'INT32':
    case 'INT64':
    case 'FLOAT':
    case 'DOUBLE':
      return 'number';
    case 'BYTE_ARRAY':
      return 'text';
    default:
      return unsupported(e.type === undefined ? 'without a physical type' : `${e.type} (binary)`);
  }
}
