/**
 * Production numbers outside the reference's [min, max], per numerical feature: from the values of
 * two tables, or from two profiles (exact numbers give exact counts; a sketch keeps its exact min and
 * max, and a sketched production side gives counts within its rank error, marked approximate).
 */
import type { OutOfRange } from '../report/types.ts';
import type { NumberSummary } from '../profile/columnProfile.ts';

export function outOfRangeFromValues(name: string, ref: Float64Array, prod: Float64Array): OutOfRange {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < ref.length; i++) {
    const v = ref[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  let below = 0;
  let above = 0;
  let values = 0;
  for (let i = 0; i < prod.length; i++) {
    const v = prod[i];
    if (v !== v) continue;
    values++;
    if (v < min) below++;
    else if (v > max) above++;
  }
  return result(name, min, max, below, above, values, false);
}

/** outOfRangeFromValues' figures from the kernels' range of the same two samples (StatKernels.numerical). */
export function outOfRangeFromKernel(
  name: string,
  range: { min: number; max: number; below: number; above: number },
  productionValues: number,
): OutOfRange {
  return result(name, range.min, range.max, range.below, range.above, productionValues, false);
}

export function outOfRangeFromSummaries(name: string, ref: NumberSummary, prod: NumberSummary): OutOfRange {
  const [min, max] = range(ref);
  const { values, counts } = prod.mode === 'exact' ? prod : sketchSteps(prod);
  let below = 0;
  let above = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    total += counts[i];
    if (values[i] < min) below += counts[i];
    else if (values[i] > max) above += counts[i];
  }
  return result(name, min, max, below, above, total, prod.mode === 'sketch');
}

function result(name: string, min: number, max: number, below: number, above: number, values: number, approximate: boolean): OutOfRange {
  const empty = min > max;
  // Without reference values there is no range: nothing is counted as outside it.
  if (empty) below = above = 0;
  return {
    name,
    reference_min: empty ? null : min,
    reference_max: empty ? null : max,
    below,
    above,
    production_values: values,
    share: values ? (below + above) / values : 0,
    approximate,
  };
}

function range(n: NumberSummary): [number, number] {
  if (n.mode === 'exact') return n.values.length ? [n.values[0], n.values[n.values.length - 1]] : [Infinity, -Infinity];
  // A KLL sketch keeps its exact min and max.
  return n.sketch.n ? [n.sketch.min, n.sketch.max] : [Infinity, -Infinity];
}

function sketchSteps(n: Extract<NumberSummary, { mode: 'sketch' }>): { values: Float64Array; counts: Float64Array } {
  const { values, cumWeights } = n.sketch.cdfSteps();
  return { values, counts: Float64Array.from(cumWeights, (c, i) => c - (i === 0 ? 0 : cumWeights[i - 1])) };
}
