// The grid lives in the core (the profile path computes the same reference quantiles); re-exported
// here for the kernels' callers.
export { linspace01 } from '../core/stattests/linspace.ts';
