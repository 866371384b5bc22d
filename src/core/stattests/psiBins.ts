/** The bins PSI uses for a numerical feature, derived from the reference quantiles. */
export interface PsiBins {
  /**
   * Inner edges, ascending (outer edges are -inf/+inf). A point mass v appears twice, (v, v), and the
   * two bound the bin [v, v]; the bin after it is (v, next edge). Every other bin is left-closed.
   */
  edges: number[];
  /** The values that got their own bin [v, v] (ascending; empty when the reference edges are distinct). */
  pointMasses: number[];
  /**
   * Counting thresholds for a left-closed histogram (numpy.histogram semantics): the value x goes to
   * bin i = number of thresholds <= x. Same as `edges`, except that the second v of a point mass is
   * the next double above v, so [v, nextUp(v)) holds exactly v and everything above v moves on.
   */
  thresholds: Float64Array;
}

/**
 * PSI bins from the reference quantiles q = numpy.quantile(ref, linspace(0, 1, bins + 1)).
 *
 * The inner edges are q[1..bins-1], numpy.histogram bins. When several of them fall on one value v
 * (v then holds more than 1/bins of the reference: the edges are (n - 1) / bins ranks apart),
 * numpy.histogram turns the duplicates into empty bins and the bin [v, next edge) holds the mass
 * together with the values just above it, so a move from v to such values is invisible to PSI
 * (bank-marketing pdays: -1 on every reference row, KS D 0.365 on the second half of the file but
 * PSI 0). Rule: edges that occur once are kept as numpy computes them; a value occurring two or more
 * times among the inner edges becomes a point mass with bins (.., v), [v, v], (v, ..). With
 * distinct edges the bins are numpy's exactly; there are never more than `bins` bins.
 * Reference implementation: `psi_bins` in scripts/make_stattest_fixtures.py (numpy).
 */
export function psiBins(quantiles: ArrayLike<number>): PsiBins {
  const inner = Array.from({ length: Math.max(0, quantiles.length - 2) }, (_, i) => quantiles[i + 1]);
  const edges: number[] = [];
  const pointMasses: number[] = [];
  const thresholds: number[] = [];
  for (let i = 0; i < inner.length;) {
    const v = inner[i];
    let j = i + 1;
    while (j < inner.length && inner[j] === v) j++;
    if (j - i > 1) {
      edges.push(v, v);
      pointMasses.push(v);
      thresholds.push(v, nextUp(v));
    } else {
      edges.push(v);
      thresholds.push(v);
    }
    i = j;
  }
  return { edges, pointMasses, thresholds: Float64Array.from(thresholds) };
}

const view = new DataView(new ArrayBuffer(8));

/**
 * The smallest double above x (Java's Math.nextUp), for a finite x: x <= v exactly when
 * x < nextUp(v), which lets the left-closed counting kernel close a bin on the right.
 */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  // IEEE 754: for x > 0 the next bit pattern is the next double up; for x < 0 the previous one is.
  view.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}
