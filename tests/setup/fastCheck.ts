/**
 * Property tests run with a fixed seed, so a CI run is reproducible and a failure can be replayed.
 * Explore new cases locally with FC_SEED=random (or any number) `npx vitest run`.
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: seed === undefined ? 20261127 : Number(seed) });
