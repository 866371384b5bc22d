/**
 * When the explorer opens a numerical feature on a log scale: every value (both files) is above 0,
 * which a log axis needs, and the pooled values are highly right-skewed, skewness above 1 (the usual
 * rule of thumb for "highly skewed", Bulmer, Principles of Statistics, 1979). A long right tail then
 * squeezes most rows into the first few linear bins; on log bins they spread out. Left-skewed data
 * would only get worse on a log scale, so the rule is one-sided. The user can always switch.
 */
export const LOG_SKEWNESS_THRESHOLD = 1;

export function suggestLogScale(skewness: number | null, min: number): boolean {
  return min > 0 && skewness !== null && skewness > LOG_SKEWNESS_THRESHOLD;
}
