import type { Config } from '../../core/config/types.ts';

export type ColumnType = 'auto' | 'numerical' | 'categorical';

export interface ColumnChoices {
  label: string | null;
  types: Record<string, ColumnType>;
  dropped: Record<string, boolean>;
}

/** The column controls' starting state from a config: its overrides and drops for the file's columns. */
export function choicesFromConfig(columns: readonly string[], config: Config, label: string | null): ColumnChoices {
  const types: Record<string, ColumnType> = {};
  const dropped: Record<string, boolean> = {};
  for (const c of columns) {
    types[c] = config.columns.numerical.includes(c) ? 'numerical' : config.columns.categorical.includes(c) ? 'categorical' : 'auto';
    dropped[c] = config.columns.drop.includes(c);
  }
  return { label, types, dropped };
}

/**
 * The config of a run: `base` with the label, type overrides and drops of the column controls. Entries of
 * the base config for columns the file does not have are kept, so the engine reports them as the CLI would.
 */
export function applyChoices(base: Config, columns: readonly string[], choices: ColumnChoices): Config {
  const config = structuredClone(base);
  const shown = new Set(columns);
  const notShown = (names: string[]) => names.filter((n) => !shown.has(n));
  // The label and dropped columns are never features, so their type choice does not apply (the engine
  // refuses a column that is both dropped and typed).
  const dropped = (c: string) => choices.dropped[c] === true && c !== choices.label;
  const typed = (type: ColumnType) => columns.filter((c) => choices.types[c] === type && c !== choices.label && !dropped(c));
  config.data.label_column = choices.label;
  config.columns.numerical = [...notShown(base.columns.numerical), ...typed('numerical')];
  config.columns.categorical = [...notShown(base.columns.categorical), ...typed('categorical')];
  config.columns.drop = [...notShown(base.columns.drop), ...columns.filter(dropped)];
  return config;
}
