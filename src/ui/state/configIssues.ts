/**
 * A config loaded in the dashboard may ask for what the page cannot do as asked: a label, type override,
 * dropped or other column the chosen file lacks (a typo, or a config written for other data), or a model
 * by path (a web page reads only the files a person picks). Each becomes one visible sentence saying what
 * to do, instead of a silently guessed label, an ignored drop or an ignored model.
 */
import type { Config } from '../../core/config/types.ts';
import { columnHint } from '../../core/config/suggestColumn.ts';

export interface ConfigContext {
  /** Columns of the chosen reference file (empty before one is chosen: column checks wait for it). */
  columns: readonly string[];
  /** Its name, for the messages. */
  file: string | null;
  /** A model file was chosen with the Model (ONNX) input. */
  modelChosen: boolean;
}

/** The loaded config's problems for these files, one sentence each; none without a loaded config. */
export function configIssues(config: Config | null, ctx: ConfigContext): string[] {
  if (config === null) return [];
  const issues: string[] = [];
  if (ctx.columns.length > 0 && ctx.file !== null) {
    const shown = new Set(ctx.columns);
    const absent = (key: string, name: string | null, effect = '') => {
      if (name !== null && !shown.has(name))
        issues.push(`Config: ${key} "${name}" is not a column of ${ctx.file}${effect}; ${columnHint(name, ctx.columns)}.`);
    };
    absent('data.label_column', config.data.label_column);
    absent('data.prediction_column', config.data.prediction_column);
    absent('data.probability_column', config.data.probability_column);
    for (const name of config.columns.numerical) absent('columns.numerical', name);
    for (const name of config.columns.categorical) absent('columns.categorical', name);
    // A drop name the file lacks is ignored (the CLI warns likewise): most often a misspelt name.
    for (const name of config.columns.drop) absent('columns.drop', name, ', so it drops nothing');
  }
  if (config.model.path !== null && !ctx.modelChosen) {
    issues.push(
      `Config: model.path is "${config.model.path}", but this page cannot open files by path: choose the model file with the Model (ONNX) input.`,
    );
  }
  return issues;
}
