/**
 * Names a label column often has, most label-like first. A column matches when its name, lower-cased
 * with every run of non-alphanumerics read as "_", equals one of them ("Churn", "IS-FRAUD",
 * "default.payment.next.month" all match). "default" comes late: bank data often has it as a feature
 * (UCI bank marketing: "default" = has credit in default, "y" = the label).
 */
export const COMMON_LABEL_NAMES = [
  'label',
  'target',
  'class',
  'y',
  'outcome',
  'churn',
  'churned',
  'exited',
  'attrition',
  'income',
  'risk',
  'survived',
  'is_fraud',
  'isfraud',
  'fraud',
  'default_payment_next_month',
  'default',
];

/** "default.payment.next.month" -> "default_payment_next_month": separators and case do not matter. */
export function normaliseLabelName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/**
 * The label column: the config's when the file has it (exact name), else the column matching the
 * earliest name of COMMON_LABEL_NAMES (the file's first such column), else null.
 */
export function guessLabel(columns: readonly string[], configured: string | null): string | null {
  if (configured !== null && columns.includes(configured)) return configured;
  const byName = new Map<string, string>();
  for (const c of columns) {
    const key = normaliseLabelName(c);
    if (!byName.has(key)) byName.set(key, c);
  }
  for (const name of COMMON_LABEL_NAMES) {
    const hit = byName.get(name);
    if (hit !== undefined) return hit;
  }
  return null;
}
