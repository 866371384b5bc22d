/**
 * exp, log and log1p that give the same bits in every JavaScript engine, so a retraining on the same
 * data and seed exports the same model bytes (and SHA-256 version) in the CLI and in any browser.
 *
 * Why not Math.exp/log/log1p: ECMAScript leaves their rounding to the engine, and V8 changed its
 * implementation: Node 20 (V8 11.3) uses a port of fdlibm, Chromium 156 another libm; measured on 200,000
 * random arguments, about 5% of Math.exp and Math.log results differ in the last bit. One flipped bit in a
 * sigmoid moves a Newton step, the coefficients and so the bytes of the exported model.
 *
 * These are FreeBSD msun's fdlibm algorithms (e_exp.c, e_log.c, s_log1p.c; Sun Microsystems 1993,
 * "Permission to use, copy, modify, and distribute this software is freely granted, provided that this
 * notice is preserved"), as ported in V8's src/base/ieee754.cc, using only +, -, *, / (correctly rounded
 * IEEE operations, the same everywhere) and bit access through a typed array. They equal Node 20's
 * Math.exp/log/log1p bit for bit (tests/core/train/portableMath.test.ts), so every model trained in Node
 * before keeps its bytes. Hand-written rather than taken from npm: @stdlib/math-base-special-{exp,ln,log1p}
 * are fdlibm ports too (same bits except at exp's underflow edge) but pull in 147 packages and were 6x
 * slower than Math.exp; this one is about 1.5-2.5x slower (a sigmoid over 3.6M values: 123 ms vs 81 ms).
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// The word order of a double in memory: every engine we run on is little-endian, but be sure.
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

function highWord(x: number): number {
  f64[0] = x;
  return u32[HI] | 0;
}
function lowWord(x: number): number {
  f64[0] = x;
  return u32[LO];
}
function fromWords(hi: number, lo: number): number {
  u32[HI] = hi >>> 0;
  u32[LO] = lo >>> 0;
  return f64[0];
}
function withHighWord(x: number, hi: number): number {
  f64[0] = x;
  u32[HI] = hi >>> 0;
  return f64[0];
}

const LN2_HI = 6.9314718036912381649e-1; // 0x3fe62e42 fee00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
const TWO54 = 1.8014398509481984e16;
const INV_LN2 = 1.442695040888963387;
const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.4513321910194110842e2;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;
const TWOM1000 = 9.3326361850321887899e-302; // 2^-1000
const TWO1023 = 8.988465674311579539e307; // 2^1023

// exp's branch points on |x|: fdlibm compares the high word of |x| with these words (low word 0).
const EXP_BIG = fromWords(0x40862e42, 0); // ~709.78: overflow / underflow checks from here
const HALF_LN2_UP = fromWords(0x3fd62e43, 0); // high word > 0x3fd62e42: |x| > 0.5 ln2
const THREE_HALF_LN2 = fromWords(0x3ff0a2b2, 0); // |x| < 1.5 ln2
const TWO_M28 = fromWords(0x3e300000, 0); // 2^-28
// 2^k for the k >= -1021 of the final scaling and 2^(k + 1000) below that, built from bits (exact),
// indexed by k + POW2_BIAS: a table instead of writing the exponent into the result's high word.
const POW2_BIAS = 1100;
const POW2 = new Float64Array(POW2_BIAS + 1025);
for (let k = -POW2_BIAS; k <= 1024; k++) {
  const e = k >= -1021 ? k : k + 1000;
  POW2[k + POW2_BIAS] = e <= 1023 && e >= -1022 ? fromWords((0x3ff + e) << 20, 0) : 0;
}

/** e^x (fdlibm e_exp.c, with V8's exact exp(1)). */
export function exp(x: number): number {
  if (x !== x) return x; // NaN
  const ax = x < 0 ? -x : x;
  const negative = x < 0;
  let hi = 0;
  let lo = 0;
  let k = 0;

  if (ax >= EXP_BIG) {
    if (ax === Infinity) return negative ? 0 : x;
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }

  if (ax >= HALF_LN2_UP) {
    if (ax < THREE_HALF_LN2) {
      if (x === 1) return Math.E; // V8 special-cases exp(1): the reduction below gets its last bit wrong
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = Math.trunc(INV_LN2 * x + (negative ? -0.5 : 0.5));
      const t = k;
      hi = x - t * LN2_HI; // t * LN2_HI is exact here
      lo = t * LN2_LO;
    }
    x = hi - lo;
  } else if (ax < TWO_M28) {
    return 1 + x;
  }

  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * 2.0 * TWO1023;
    return y * POW2[k + POW2_BIAS];
  }
  return y * POW2[k + POW2_BIAS] * TWOM1000;
}

const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Natural logarithm (fdlibm e_log.c). */
export function log(x: number): number {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity; // log(+-0)
    if (hx < 0) return NaN; // log(-#)
    k -= 54;
    x *= TWO54; // subnormal: scale up
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000)); // normalise x or x/2
  k += i >> 20;
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    // -2^-20 <= f < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      const dk = k;
      return dk * LN2_HI + dk * LN2_LO;
    }
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    if (k === 0) return f - R;
    const dk = k;
    return dk * LN2_HI - (R - dk * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  const dk = k;
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + R));
    return dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - R);
  return dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}

/** log(1 + x), accurate for small x (fdlibm s_log1p.c). */
export function log1p(x: number): number {
  const hx = highWord(x);
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let hu = 0;
  let c = 0;

  if (hx < 0x3fda827a) {
    // 1 + x < sqrt(2)+
    if (ax >= 0x3ff00000) {
      // x <= -1.0
      return x === -1.0 ? -Infinity : NaN;
    }
    if (ax < 0x3e200000) {
      // |x| < 2^-29
      if (ax < 0x3c900000) return x; // |x| < 2^-54
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= (0xbfd2bec4 | 0)) {
      // sqrt(2)/2- <= 1 + x < sqrt(2)+
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7ff00000) return x + x;
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1.0 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // correction term
      c /= u;
    } else {
      u = x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      u = withHighWord(u, hu | 0x3ff00000); // normalise u
    } else {
      k += 1;
      u = withHighWord(u, hu | 0x3fe00000); // normalise u/2
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1.0;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      c += k * LN2_LO;
      return k * LN2_HI + c;
    }
    const R = hfsq * (1.0 - 0.66666666666666666 * f);
    if (k === 0) return f - R;
    return k * LN2_HI - (R - (k * LN2_LO + c) - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const R = z * (LG1 + z * (LG2 + z * (LG3 + z * (LG4 + z * (LG5 + z * (LG6 + z * LG7))))));
  if (k === 0) return f - (hfsq - s * (hfsq + R));
  return k * LN2_HI - (hfsq - (s * (hfsq + R) + (k * LN2_LO + c)) - f);
}
