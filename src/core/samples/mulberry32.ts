/**
 * mulberry32: a small, fast, seeded 32-bit generator; plenty for demo data, not for cryptography.
 * Port of Tommy Ettinger's public-domain C original
 * (https://gist.github.com/tommyettinger/46a874533244883189143505d203312c).
 * Integer arithmetic only (Math.imul, >>>), so every JS engine gives the same sequence.
 * @param seed any number; its low 32 bits are used
 * @returns a function giving uniform numbers in [0, 1), 2^-32 apart
 * @example const random = mulberry32(42); random() // 0.6011037519201636
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** mulberry32(seed)(), without creating the generator: one draw per KLL compaction, on a hot path. */
export function mulberry32First(seed: number): number {
  let t = ((seed >>> 0) + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
