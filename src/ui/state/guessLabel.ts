/** Names a label column often has, in order of preference (compared case-insensitively). */
export const COMMON_LABEL_NAMES = ['label', 'target', 'y', 'class', 'churn', 'churned', 'exited', 'outcome', 'default', 'is_fraud', 'fraud'];

/** The label column: the config's when the file has it, else the first common label name found, else null. */
export function guessLabel(columns: readonly string[], configured: string | null): string | null {
  if (configured !== null && columns.includes(configured)) return configured;
  const byLower = new Map(columns.map((c) => [c.toLowerCase(), c]));
  for (const name of COMMON_LABEL_NAMES) {
    const hit = byLower.get(name);
    if (hit !== undefined) return hit;
  }
  return null;
}
