-- A 10M-row Parquet pair for the DuckDB benchmark (scripts/bench-duckdb.mjs), generated inside DuckDB:
-- 10 numerical and 10 categorical columns like ../shared/bench/gen_data.py's (normal, lognormal, integer
-- age, normal with missing values, exponential, uniform, gamma-ish, Poisson-ish counts, bimodal, heavy
-- tails; categories of 3 to 50 levels), values rounded to 4 decimals, drift in some columns of the
-- production side. Deterministic: every random number is a hash of (row, column, side), not random().
-- $ROWS, $SIDE (0 reference, 1 production) and $OUT are substituted by the script.
COPY (
  WITH u AS (
    SELECT i,
      (hash(i, 1, $SIDE) % 1000000007) / 1000000007.0 AS u1, (hash(i, 2, $SIDE) % 1000000007) / 1000000007.0 AS u2,
      (hash(i, 3, $SIDE) % 1000000007) / 1000000007.0 AS u3, (hash(i, 4, $SIDE) % 1000000007) / 1000000007.0 AS u4,
      (hash(i, 5, $SIDE) % 1000000007) / 1000000007.0 AS u5, (hash(i, 6, $SIDE) % 1000000007) / 1000000007.0 AS u6
    FROM range($ROWS) t(i)
  ), z AS (
    SELECT *, sqrt(-2 * ln(greatest(u1, 1e-12))) * cos(2 * pi() * u2) AS z1, sqrt(-2 * ln(greatest(u3, 1e-12))) * cos(2 * pi() * u4) AS z2 FROM u
  )
  SELECT
    round(50 + 10 * z1 + 5 * $SIDE, 4) AS num_0,
    round(exp(10 + (0.5 + 0.3 * $SIDE) * z2), 4) AS num_1,
    CAST(least(90, greatest(18, round(40 + 12 * z1))) AS BIGINT) AS num_2,
    CASE WHEN u5 < 0.05 + 0.10 * $SIDE THEN NULL ELSE round(z2, 4) END AS num_3,
    round(-2 * ln(greatest(u1, 1e-12)), 4) AS num_4,
    round(100 * u2, 4) AS num_5,
    round(-3 * ln(greatest(u3, 1e-12)) - 3 * ln(greatest(u4, 1e-12)), 4) AS num_6,
    CAST(round(30 + 4 * $SIDE + sqrt(30) * z2) AS BIGINT) AS num_7,
    round(CASE WHEN u6 < 0.4 THEN -2 + 0.5 * z1 ELSE 3 + z1 END, 4) AS num_8,
    round(z1 / sqrt(greatest(-2 * ln(greatest(u5, 1e-12)) / 3, 1e-6)), 4) AS num_9,
    CASE WHEN u3 < 0.5 - 0.2 * $SIDE THEN 'A' WHEN u3 < 0.8 - 0.2 * $SIDE THEN 'B' ELSE 'C' END AS cat_0,
    CAST(1 + floor(u4 * 5) AS BIGINT) AS cat_1,
    CASE WHEN $SIDE = 1 AND u5 < 0.05 THEN 'NEW' ELSE 'L' || CAST(floor(u6 * 8) AS BIGINT) END AS cat_2,
    'Z' || CAST(floor(12 * u1 * u1) AS BIGINT) AS cat_3,
    'U' || CAST(floor(20 * u2) AS BIGINT) AS cat_4,
    'R' || CAST(floor(50 * u3 * u3 * u3) AS BIGINT) AS cat_5,
    CASE WHEN u4 < 0.4 THEN 'yes' WHEN u4 < 0.7 THEN 'no' WHEN u4 < 0.9 THEN 'maybe' ELSE 'unknown' END AS cat_6,
    'S' || CAST(floor(6 * u5) AS BIGINT) AS cat_7,
    'T' || CAST(floor(30 * u6) AS BIGINT) AS cat_8,
    'K' || CAST(floor(10 * u1) AS BIGINT) AS cat_9
  FROM z
) TO '$OUT' (FORMAT parquet);
