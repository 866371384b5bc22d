import type { ParsedTable } from '../table/types.ts';
import type { ModelRunner } from '../model/runner.ts';
import { labelKey } from '../model/labelKey.ts';
import { scoreTable } from '../model/scoreTable.ts';
import { f1Binary } from '../train/f1Binary.ts';
import { takeRows } from './takeRows.ts';

export interface ChampionScoreArgs {
  runner: ModelRunner;
  /** Model file name, for messages. */
  file: string;
  production: ParsedTable;
  /** TrainResult.holdoutRows: production row indices. */
  holdoutRows: Int32Array;
  /** TrainResult.holdoutTruth: 1 = positive class. */
  holdoutTruth: Uint8Array;
  /** The challenger's positive class text (model.classes[1]). */
  positiveClass: string;
  /** config model.features and the columns never fed to a model (label, prediction columns). */
  features: readonly string[] | null;
  exclude: readonly string[];
}

/**
 * The champion's F1 (positive class) and accuracy on exactly the challenger's held-out production
 * rows, so both models are judged on the same rows. The champion's predicted class counts as
 * positive when its label key (labelKey: 1/true/yes alike) equals the challenger's positive class's.
 */
export async function scoreChampion(args: ChampionScoreArgs): Promise<{ f1: number; accuracy: number }> {
  const subset = takeRows(args.production, args.holdoutRows);
  const p = await scoreTable(args.runner, subset, { file: args.file, features: args.features, exclude: args.exclude });
  const positive = labelKey(args.positiveClass);
  const isPositive = p.classes.map((c) => labelKey(c) === positive);
  const predicted = Uint8Array.from(p.predicted, (c) => (isPositive[c] ? 1 : 0));
  return f1Binary(args.holdoutTruth, predicted);
}
