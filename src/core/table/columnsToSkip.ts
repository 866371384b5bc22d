import type { Config } from '../config/types.ts';

/**
 * The columns a run need not parse at all: `columns.drop`, except the label and prediction columns,
 * and nothing when a model will be scored (its inputs may include a column left out of the drift
 * tests). Skipping them saves their parse cost (a timestamp column costs ~0.25 s per million rows).
 * The windows' timestamp column (windows.column) is never a feature (planColumns), so it is skipped
 * too: the windows read its cells through the parser's cell tap, which sees unparsed columns. A
 * profile file keeps it (`keepTimestamp`): it may serve later runs without windows.
 */
export function columnsToSkip(config: Config, withModel: boolean, options: { keepTimestamp?: boolean } = {}): string[] {
  if (withModel) return [];
  const keep = new Set([config.data.label_column, config.data.prediction_column, config.data.probability_column]);
  const skip = config.columns.drop.filter((name) => !keep.has(name));
  const timestamp = config.windows.column;
  if (!options.keepTimestamp && timestamp !== null && !keep.has(timestamp) && !skip.includes(timestamp)) skip.push(timestamp);
  return skip;
}
