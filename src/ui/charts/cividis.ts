/**
 * The Cividis colour scale (Nuñez, Anderton and Renslow 2018, "Optimizing colormaps with consideration
 * for color vision deficiency", PLOS ONE 13(7)): perceptually uniform, readable with red-green
 * colour-vision deficiencies and in grey. Anchors as plotly.js defines its 'Cividis' scale, so the
 * dashboard's colours match Plotly's; linear interpolation between them.
 */
const ANCHORS: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 32, 76],
  [0.058824, 0, 42, 102],
  [0.117647, 0, 52, 110],
  [0.176471, 39, 63, 108],
  [0.235294, 60, 74, 107],
  [0.294118, 76, 85, 107],
  [0.352941, 91, 95, 109],
  [0.411765, 104, 106, 112],
  [0.470588, 117, 117, 117],
  [0.529412, 131, 129, 120],
  [0.588235, 146, 140, 120],
  [0.647059, 161, 152, 118],
  [0.705882, 176, 165, 114],
  [0.764706, 192, 177, 109],
  [0.823529, 209, 191, 102],
  [0.882353, 225, 204, 92],
  [0.941176, 243, 219, 79],
  [1, 255, 233, 69],
];

/** The colour at `t` in [0, 1] (clamped) as [r, g, b], 0-255. */
export function cividis(t: number): [number, number, number] {
  const x = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  let i = 1;
  while (i < ANCHORS.length - 1 && ANCHORS[i][0] < x) i++;
  const [t0, r0, g0, b0] = ANCHORS[i - 1];
  const [t1, r1, g1, b1] = ANCHORS[i];
  const f = t1 > t0 ? (x - t0) / (t1 - t0) : 0;
  return [Math.round(r0 + f * (r1 - r0)), Math.round(g0 + f * (g1 - g0)), Math.round(b0 + f * (b1 - b0))];
}

/** A CSS linear-gradient of the scale, left (0) to right (1), for the legend. */
export function cividisGradient(): string {
  return `linear-gradient(to right, ${ANCHORS.map(([t, r, g, b]) => `rgb(${r},${g},${b}) ${(100 * t).toFixed(1)}%`).join(', ')})`;
}

/** Relative luminance (WCAG) of an sRGB colour: a mark drawn on the cell is black above 0.35, white below. */
export function luminance([r, g, b]: readonly [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
