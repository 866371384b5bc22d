const TRUE = new Set(['1', 'true', 'yes', 'y', 't']);
const FALSE = new Set(['0', 'false', 'no', 'n', 'f']);

/**
 * The key two spellings of one label share: 0/1, true/false and yes/no in any case become "1"/"0",
 * numbers their shortest form ("1.0" -> "1"), anything else stays as written.
 *
 * @example labelKey('Yes') // '1'
 * @example labelKey('1.0') // '1'
 * @example labelKey('cat') // 'cat'
 */
export function labelKey(text: string): string {
  const t = text.trim();
  const lower = t.toLowerCase();
  if (TRUE.has(lower)) return '1';
  if (FALSE.has(lower)) return '0';
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? String(n) : t;
}
