export { makeDemoPair, DEMO_COLUMNS, DEMO_INJECTED_DRIFT, DEMO_LABEL_COLUMN } from './makeDemoPair.ts';
export type { DemoPairOptions } from './makeDemoPair.ts';
export { mulberry32 } from './mulberry32.ts';
export { normalSampler } from './normalSampler.ts';
export { randomPoisson } from './randomPoisson.ts';
export { pickWeighted } from './pickWeighted.ts';
