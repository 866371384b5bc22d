import { stringify } from 'yaml';
import type { Config } from '../config/types.ts';

/**
 * The config used, as YAML, without where files were read from or written to (those are machine
 * paths: the inputs section names the files; the dashboard has no paths), so the CLI and the dashboard
 * show the same text for the same settings.
 */
export function configText(config: Config): string {
  const { data, model, retraining, output: _output, ...rest } = config;
  const { reference_path: _r, production_path: _p, ...dataRest } = data;
  const { path: _m, ...modelRest } = model;
  const { save_path: _s, ...retrainingRest } = retraining;
  return stringify({ data: dataRest, model: modelRest, ...rest, retraining: retrainingRest }, { lineWidth: 0 });
}
