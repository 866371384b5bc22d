import { resolve } from 'node:path';
import type { Config } from '../core/config/types.ts';
import { InputError, isInputError } from '../core/errors.ts';
import type { RetrainingOutcome } from '../core/retraining.ts';
import { appendRetrainLog } from './appendRetrainLog.ts';
import { writeFileAtomic } from './writeFileAtomic.ts';

/**
 * Writes what a retraining produced: the challenger's ONNX to `retraining.save_path` when it is
 * promoted (or there was no champion), and its row appended to `output.retrain_log_path` (earlier
 * lines are never rewritten, see appendRetrainLog). Sets `outcome.section.save_path` to the file
 * written. Nothing is written for keys that are null. Both writes are atomic (writeFileAtomic);
 * the paths and the log's header were checked before the run (checkOutputFiles).
 */
export async function saveRetraining(outcome: RetrainingOutcome, config: Config): Promise<void> {
  const savePath = config.retraining.save_path;
  if (outcome.save && outcome.challenger && savePath) {
    const path = resolve(savePath);
    try {
      await writeFileAtomic(path, outcome.challenger.bytes);
    } catch (e) {
      throw new InputError(
        `cannot write the retrained model to ${path}: ${(e as Error).message.split('\n')[0]}; check retraining.save_path`,
      );
    }
    outcome.section.save_path = path;
  }
  const logPath = config.output.retrain_log_path;
  if (outcome.logRow && logPath) {
    const path = resolve(logPath);
    try {
      await appendRetrainLog(path, [outcome.logRow]);
    } catch (e) {
      if (isInputError(e)) throw e;
      throw new InputError(
        `cannot append to the retrain log ${path}: ${(e as Error).message.split('\n')[0]}; check output.retrain_log_path`,
      );
    }
  }
}
