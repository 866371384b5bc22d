export interface ModelScore {
  /** F1 on the positive class over the held-out rows. */
  f1: number;
  accuracy?: number;
}

export interface Comparison {
  promote: boolean;
  /** One line saying why, with the numbers. */
  reason: string;
}

/**
 * The champion/challenger decision: promote the challenger only when its F1 on the held-out rows
 * is at least the champion's plus `minImprovement` (`retraining.min_improvement`, default 0, so an
 * equal score promotes). With no champion score (no current model), the challenger is promoted.
 * @example compareModels({ f1: 0.70 }, { f1: 0.72 }, 0.01).promote // true
 */
export function compareModels(champion: ModelScore | null, challenger: ModelScore, minImprovement = 0): Comparison {
  const c = fmt(challenger.f1);
  if (champion === null) return { promote: true, reason: `no current model; challenger F1 ${c}` };
  const needed = champion.f1 + minImprovement;
  const promote = challenger.f1 >= needed;
  const rule =
    minImprovement === 0 ? `champion F1 ${fmt(champion.f1)}` : `champion F1 ${fmt(champion.f1)} + min_improvement ${minImprovement}`;
  return { promote, reason: `challenger F1 ${c} ${promote ? '>=' : '<'} ${rule}` };
}

function fmt(x: number): string {
  return x.toFixed(4);
}
