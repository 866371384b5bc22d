/**
 * Standard normal draws by the Box-Muller transform (G. E. P. Box and M. E. Muller, "A Note on the
 * Generation of Random Normal Deviates", Ann. Math. Statist. 29(2), 1958): two uniforms give two
 * independent N(0, 1) values; the second is kept for the next call.
 * @param random uniform [0, 1) source, e.g. mulberry32(seed)
 * @example const normal = normalSampler(mulberry32(1)); 10 + 2 * normal() // a N(10, 2^2) draw
 */
export function normalSampler(random: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const u1 = 1 - random(); // (0, 1]: log(0) would be -Infinity
    const u2 = random();
    const radius = Math.sqrt(-2 * Math.log(u1));
    spare = radius * Math.sin(2 * Math.PI * u2);
    return radius * Math.cos(2 * Math.PI * u2);
  };
}
