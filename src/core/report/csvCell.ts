/**
 * One CSV cell, written per RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180#section-2): a field
 * holding a comma, a double quote, CR or LF is enclosed in double quotes, inner quotes doubled.
 */

/**
 * A text cell. Text starting with = + - @ (or tab / CR) is prefixed with `'` so spreadsheets show it
 * instead of running it as a formula (OWASP "CSV injection"). Only text cells are guarded: numbers
 * go through numberCell, so -0.5 stays -0.5.
 * @example textCell('=HYPERLINK("x")') // `"'=HYPERLINK(""x"")"`
 */
export function textCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const guarded = /^[=+\-@\t\r]/.test(value) ? "'" + value : value;
  return /[",\r\n]/.test(guarded) ? '"' + guarded.replaceAll('"', '""') + '"' : guarded;
}

/**
 * A number cell in JavaScript's shortest round-trip form (String(x)), so parsing it gives back the
 * exact double that the JSON report holds. null and non-finite numbers give an empty cell, as the
 * JSON report gives null.
 * @example numberCell(0.1 + 0.2) // '0.30000000000000004'
 */
export function numberCell(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

export function booleanCell(value: boolean | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
