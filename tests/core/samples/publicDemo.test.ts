import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeDemoPair } from '../../../src/core/samples/makeDemoPair.ts';

describe('public/demo/*.csv', () => {
  it('equal makeDemoPair() byte for byte (regenerate: npm run build:lib && node scripts/make-demo-data.mjs)', () => {
    const { reference, production } = makeDemoPair();
    const read = (name: string) => readFileSync(new URL(`../../../public/demo/${name}`, import.meta.url), 'utf8');
    expect(read('reference.csv') === reference, 'public/demo/reference.csv is stale').toBe(true);
    expect(read('production.csv') === production, 'public/demo/production.csv is stale').toBe(true);
  });
});
