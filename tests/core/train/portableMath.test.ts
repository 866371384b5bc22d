/**
 * exp/log/log1p that give the same bits in every engine (the retrained model's bytes depend on them).
 * Reference: tests/fixtures/train/portable_math.json (scripts/make_portable_math_fixtures.mjs: fdlibm's
 * values, from Node 20's V8). The fixture check does not depend on the engine running the test.
 */
import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/train/portable_math.json';
import { exp, log, log1p } from '../../../src/core/train/portableMath.ts';

const fns = { exp, log, log1p } as const;
const ULP = 2 ** -52;

describe('portableMath: fdlibm exp, log, log1p', () => {
  for (const name of ['exp', 'log', 'log1p'] as const) {
    it(`${name} equals fdlibm bit for bit on ${fixture[name].length} arguments`, () => {
      const wrong = (fixture[name] as number[][]).filter(([x, y]) => !Object.is(fns[name](x), y));
      expect(wrong).toEqual([]);
    });

    it(`${name} is within one unit in the last place of this engine's Math.${name}`, () => {
      for (const [x] of fixture[name] as number[][]) {
        const a = fns[name](x);
        const b = Math[name](x);
        expect(Math.abs(a - b) <= Math.max(ULP * Math.abs(b), Number.MIN_VALUE), `${name}(${x}) = ${a} vs ${b}`).toBe(true);
      }
    });
  }

  it('handles the special values like Math', () => {
    for (const x of [NaN, Infinity, -Infinity, 0, -0, 1, -1, 5e-324, -5e-324, 1e-310, 710, -746, 709.782712893384, 1e308, -1e308]) {
      expect(exp(x), `exp(${x})`).toBe(Math.exp(x));
      expect(log(x), `log(${x})`).toBe(Math.log(x));
      expect(log1p(x), `log1p(${x})`).toBe(Math.log1p(x));
    }
    expect(exp(1)).toBe(Math.E);
    expect(log1p(-2)).toBeNaN();
  });
});
