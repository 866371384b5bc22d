// Distribution functions named like scipy.special / scipy.stats, ported from scipy 1.17.
export { chi2Sf } from './chi2Sf.ts';
export { gammaincc } from './gammaincc.ts';
export { gammaln } from './gammaln.ts';
export { kolmognDurbin } from './kolmognDurbin.ts';
export { kolmognPelzGood } from './kolmognPelzGood.ts';
export { kolmognPomeranz } from './kolmognPomeranz.ts';
export { ksTwoSampleExact } from './ksTwoSampleExact.ts';
export type { KsTwoSampleExactResult } from './ksTwoSampleExact.ts';
export { KS_MAX_AUTO_N, ksTwoSamplePValue } from './ksTwoSamplePValue.ts';
export type { KsTwoSamplePValue } from './ksTwoSamplePValue.ts';
export { kstwoSf } from './kstwoSf.ts';
export { lgam1p } from './lgam1p.ts';
export { log1pmx } from './log1pmx.ts';
export { smirnov } from './smirnov.ts';
export { besselKv } from './besselKv.ts';
