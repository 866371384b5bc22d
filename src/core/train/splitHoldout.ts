import { mulberry32 } from '../samples/mulberry32.ts';

/**
 * A seeded random split of rows 0..n-1 into a training part and a held-out part of
 * ceil(n * fraction) rows (sklearn train_test_split's rounding of `test_size`). The order comes from
 * a Fisher-Yates shuffle driven by mulberry32(seed); both parts are returned in ascending order.
 * Same (n, fraction, seed), same split, on every JS engine.
 * @example splitHoldout(10, 0.2, 42).holdout.length // 2
 */
export function splitHoldout(n: number, fraction: number, seed: number): { train: Int32Array; holdout: Int32Array } {
  if (!(fraction >= 0 && fraction <= 1)) throw new RangeError(`splitHoldout: fraction ${fraction} is not in [0, 1]`);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const random = mulberry32(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const h = Math.max(0, Math.min(n, Math.ceil(n * fraction - 1e-9)));
  return { holdout: order.slice(0, h).sort(), train: order.slice(h).sort() };
}
