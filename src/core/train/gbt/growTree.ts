import type { BinnedFeatures } from './binFeatures.ts';
import type { GbtParams, GbtTree } from './types.ts';

/** sklearn's `min_hessian_to_split` (HistGradientBoosting): a child needs this much hessian. */
const MIN_HESSIAN = 1e-3;

interface Split {
  gain: number;
  unit: number;
  /** Numerical: the last value bin going left (nBins - 2 = "all values left, missing right"); categorical: the bin going right. */
  bin: number;
  missingLeft: boolean;
  left: { g: number; h: number; c: number };
}

interface GrowNode {
  start: number;
  end: number;
  depth: number;
  g: number;
  h: number;
  /** Histogram [g, h, count] per bin of every unit; null once no longer needed. */
  hist: Float64Array | null;
  split: Split | null;
  children: [GrowNode, GrowNode] | null;
}

/** Work buffers shared by the trees of one fit. */
export interface TreeWorkspace {
  /** Row order, partitioned in place as nodes split (segments = nodes). */
  order: Int32Array;
  scratch: Int32Array;
  /** Offset of each unit's first bin in a histogram (in bins). */
  histOffset: Int32Array;
  histBins: number;
  /** Row counts per bin over all training rows (the root's), computed by the first tree. */
  rootCounts: Float64Array | null;
}

export function treeWorkspace(data: BinnedFeatures): TreeWorkspace {
  const n = data.n;
  return { order: new Int32Array(n), scratch: new Int32Array(n), histOffset: data.offset, histBins: data.totalBins, rootCounts: null };
}

/**
 * Grows one regression tree on gradients `grad` and hessians `hess` (per training row) with
 * histogram split finding (as sklearn's HistGradientBoosting / LightGBM):
 *
 * - a node's histogram sums g, h and the row count per bin of every unit; of two siblings only the
 *   smaller is summed over its rows, the other is the parent's minus it;
 * - split gain = GL^2/(HL+l2) + GR^2/(HR+l2) - G^2/(H+l2); a split needs gain > 0, at least
 *   `minSamplesLeaf` rows and 1e-3 hessian on each side; ties keep the first candidate (units in
 *   order, bins ascending, missing right before missing left);
 * - numericals: missing values go to whichever side gives the larger gain; when the node has no
 *   missing training values they go to the child with more rows (sklearn's rule); "all values
 *   left, missing right" is a candidate too (threshold +Infinity);
 * - categoricals: "one-hot column j is 1" goes right, everything else left;
 * - growth is best-first (the leaf with the largest gain splits next) up to `maxLeafNodes`, each
 *   node at most `maxDepth` splits below the root;
 * - leaf value = -learningRate * G / (H + l2), rounded to float32.
 *
 * Adds each leaf's value to `raw` for its training rows. Deterministic: no randomness, fixed orders.
 */
export function growTree(
  data: BinnedFeatures,
  grad: Float64Array,
  hess: Float64Array,
  raw: Float64Array,
  params: GbtParams,
  ws: TreeWorkspace,
): GbtTree {
  const { n } = data;
  const order = ws.order;
  for (let i = 0; i < n; i++) order[i] = i;
  let g = 0;
  let h = 0;
  for (let i = 0; i < n; i++) {
    g += grad[i];
    h += hess[i];
  }
  const root: GrowNode = {
    start: 0,
    end: n,
    depth: 0,
    g,
    h,
    hist: buildHistogram(data, grad, hess, ws, 0, n),
    split: null,
    children: null,
  };
  root.split = findSplit(data, root, params, ws);
  const open: GrowNode[] = root.split ? [root] : [];
  let leaves = 1;
  const maxLeaves = params.maxLeafNodes ?? Infinity;
  while (open.length > 0 && leaves < maxLeaves) {
    let best = 0;
    for (let i = 1; i < open.length; i++) if (open[i].split!.gain > open[best].split!.gain) best = i;
    const node = open.splice(best, 1)[0];
    const [left, right] = splitNode(data, node, grad, hess, params, ws);
    leaves++;
    for (const child of [left, right]) {
      child.split = child.hist ? findSplit(data, child, params, ws) : null;
      if (child.split) open.push(child);
      else child.hist = null;
    }
  }
  return flatten(root, data, raw, params, ws);
}

/**
 * Sums [g, h, count] per bin over the rows order[start..end), row by row: each row's bins are
 * adjacent (row-major global bins) and its g and h are read once. At the root (every row, in row
 * order) the counts are the same for every tree, so they are cached instead of summed.
 */
function buildHistogram(
  data: BinnedFeatures,
  grad: Float64Array,
  hess: Float64Array,
  ws: TreeWorkspace,
  start: number,
  end: number,
): Float64Array {
  const { n, bins, units } = data;
  const hist = new Float64Array(ws.histBins * 3);
  const order = ws.order;
  if (end - start === n) {
    if (ws.rootCounts === null) {
      const counts = new Float64Array(ws.histBins);
      for (let i = 0; i < n * units; i++) counts[bins[i]] += 1;
      ws.rootCounts = counts;
    }
    for (let i = 0; i < n; i++) {
      const gi = grad[i];
      const hi = hess[i];
      const row = i * units;
      for (let u = 0; u < units; u++) {
        const b = bins[row + u] * 3;
        hist[b] += gi;
        hist[b + 1] += hi;
      }
    }
    const counts = ws.rootCounts;
    for (let j = 0; j < ws.histBins; j++) hist[j * 3 + 2] = counts[j];
    return hist;
  }
  for (let i = start; i < end; i++) {
    const r = order[i];
    const gi = grad[r];
    const hi = hess[r];
    const row = r * units;
    for (let u = 0; u < units; u++) {
      const b = bins[row + u] * 3;
      hist[b] += gi;
      hist[b + 1] += hi;
      hist[b + 2] += 1;
    }
  }
  return hist;
}

function findSplit(data: BinnedFeatures, node: GrowNode, params: GbtParams, ws: TreeWorkspace): Split | null {
  const hist = node.hist!;
  const count = node.end - node.start;
  const minLeaf = params.minSamplesLeaf;
  if (count < 2 * minLeaf) return null;
  const l2 = params.l2;
  const G = node.g;
  const H = node.h;
  const parent = (G * G) / (H + l2);
  let best = null as Split | null;
  let bestGain = 0;
  const consider = (unit: number, bin: number, missingLeft: boolean, gl: number, hl: number, cl: number) => {
    const cr = count - cl;
    const hr = H - hl;
    if (cl < minLeaf || cr < minLeaf || hl < MIN_HESSIAN || hr < MIN_HESSIAN) return;
    const gr = G - gl;
    const gain = (gl * gl) / (hl + l2) + (gr * gr) / (hr + l2) - parent;
    if (gain > bestGain) {
      bestGain = gain;
      best = { gain, unit, bin, missingLeft, left: { g: gl, h: hl, c: cl } };
    }
  };
  for (let u = 0; u < data.units; u++) {
    const base = ws.histOffset[u] * 3;
    const nb = data.nBins[u];
    if (data.numerical[u]) {
      const miss = base + (nb - 1) * 3;
      const gm = hist[miss];
      const hm = hist[miss + 1];
      const cm = hist[miss + 2];
      let gl = 0;
      let hl = 0;
      let cl = 0;
      for (let b = 0; b < nb - 1; b++) {
        const at = base + b * 3;
        gl += hist[at];
        hl += hist[at + 1];
        cl += hist[at + 2];
        if (b < nb - 2) {
          if (cm === 0) {
            consider(u, b, cl >= count - cl, gl, hl, cl);
          } else {
            consider(u, b, false, gl, hl, cl);
            consider(u, b, true, gl + gm, hl + hm, cl + cm);
          }
        } else if (cm > 0) {
          consider(u, b, false, gl, hl, cl);
        }
      }
    } else {
      for (let b = 0; b < nb; b++) {
        const at = base + b * 3;
        const cb = hist[at + 2];
        if (cb === 0) continue;
        consider(u, b, false, G - hist[at], H - hist[at + 1], count - cb);
      }
    }
  }
  return best;
}

/** Partitions the node's rows (stable), builds the children's histograms (smaller one summed). */
function splitNode(
  data: BinnedFeatures,
  node: GrowNode,
  grad: Float64Array,
  hess: Float64Array,
  params: GbtParams,
  ws: TreeWorkspace,
): [GrowNode, GrowNode] {
  const split = node.split!;
  const { bins } = data;
  const { order, scratch } = ws;
  const units = data.units;
  const unit = split.unit;
  const first = data.offset[unit];
  const isNumerical = data.numerical[unit] === 1;
  const missingBin = data.nBins[unit] - 1;
  let l = node.start;
  let r = 0;
  for (let i = node.start; i < node.end; i++) {
    const row = order[i];
    const b = bins[row * units + unit] - first;
    const goLeft = isNumerical ? (b === missingBin ? split.missingLeft : b <= split.bin) : b !== split.bin;
    if (goLeft) order[l++] = row;
    else scratch[r++] = row;
  }
  order.set(scratch.subarray(0, r), l);
  const depth = node.depth + 1;
  const left: GrowNode = { start: node.start, end: l, depth, g: split.left.g, h: split.left.h, hist: null, split: null, children: null };
  const right: GrowNode = {
    start: l,
    end: node.end,
    depth,
    g: node.g - split.left.g,
    h: node.h - split.left.h,
    hist: null,
    split: null,
    children: null,
  };
  // Only children that may split need a histogram (not below maxDepth, enough rows for two leaves).
  const needs = (c: GrowNode) => depth < params.maxDepth && c.end - c.start >= 2 * params.minSamplesLeaf;
  const [small, large] = left.end - left.start <= right.end - right.start ? [left, right] : [right, left];
  if (needs(small) || needs(large)) {
    const s = buildHistogram(data, grad, hess, ws, small.start, small.end);
    if (needs(small)) small.hist = s;
    if (needs(large)) {
      const parent = node.hist!;
      const rest = new Float64Array(parent.length);
      for (let i = 0; i < rest.length; i++) rest[i] = parent[i] - s[i];
      large.hist = rest;
    }
  }
  node.hist = null;
  node.children = [left, right];
  return [left, right];
}

/** The grown nodes as GbtTree arrays (depth-first: node, left subtree, right subtree); leaf values into `raw`. */
function flatten(root: GrowNode, data: BinnedFeatures, raw: Float64Array, params: GbtParams, ws: TreeWorkspace): GbtTree {
  const tree: GbtTree = { feature: [], threshold: [], missingLeft: [], left: [], right: [], value: [] };
  const visit = (node: GrowNode): number => {
    const id = tree.feature.length;
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.missingLeft.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(0);
    if (node.children) {
      const s = node.split!;
      const u = s.unit;
      if (data.numerical[u]) {
        tree.feature[id] = data.column[u];
        tree.threshold[id] = s.bin < data.nBins[u] - 2 ? data.thresholds[u][s.bin] : Infinity;
        tree.missingLeft[id] = s.missingLeft ? 1 : 0;
      } else {
        tree.feature[id] = data.column[u] + s.bin;
        tree.threshold[id] = 0.5;
      }
      tree.left[id] = visit(node.children[0]);
      tree.right[id] = visit(node.children[1]);
    } else {
      const v = Math.fround((-params.learningRate * node.g) / (node.h + params.l2));
      tree.value[id] = v;
      for (let i = node.start; i < node.end; i++) raw[ws.order[i]] += v;
    }
    return id;
  };
  visit(root);
  return tree;
}
