/**
 * `roundHalfEven(x)`: round to the nearest integer, ties to even, as numpy.round / Python round do
 * (Math.round sends ties up).
 *
 * @example roundHalfEven(2.5) // 2
 */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff < 0.5) return f;
  if (diff > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}
