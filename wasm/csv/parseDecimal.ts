// Decimal text to float64 with correct rounding (round half to even), the double JavaScript's Number()
// gives, without leaving wasm for all but rare inputs:
// - Clinger's fast path (W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990):
//   a mantissa w <= 2^53 and |e| <= 22 is one exact IEEE multiplication or division, w * 10^e.
// - Eisel-Lemire (D. Lemire, "Number Parsing at a Gigabyte per Second", Software: Practice and
//   Experience 51(8), 2021; N. Tao and M. Eisel's algorithm as in Go's strconv/eisel_lemire.go and
//   fast_float): w * 10^e from a 128-bit truncated power of ten; it reports when the truncation could
//   change the rounding (then we decline). More than 19 significant digits: the 19 first (w) and w + 1
//   bound the value, and when both round to the same double that is the answer (fast_float does the
//   same); otherwise we decline.
// Declined inputs (undecided halfway cases, subnormals, overflow, exponents out of range) go back to
// JavaScript, which calls Number() on the text.
import { POW10_HI, POW10_LO, POW10_MAX, POW10_MIN } from './pow10Table';

/** parseNumber's pointShape of the last number read (see src/core/table/parseNumber.ts). */
export let numShape: i32 = 0;
export const POINT_DECIMAL: i32 = 1;
export const POINT_AMBIGUOUS: i32 = 2;

/** scanNumber results. */
export const NUM_OK: i32 = 1;
/** Not the grammar [+-]? digits [. digits] [(e|E) [+-] digits], at least one mantissa digit. */
export const NUM_NOT: i32 = 0;
/** The grammar, but the value is left to JavaScript (see above). */
export const NUM_UNDECIDED: i32 = 2;

const EXACT: StaticArray<f64> = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
];

let mulLow: u64 = 0;

/** High 64 bits of the 128-bit product a * b; the low 64 bits go to mulLow. */
function mul128(a: u64, b: u64): u64 {
  const aLo = a & 0xffffffff;
  const aHi = a >> 32;
  const bLo = b & 0xffffffff;
  const bHi = b >> 32;
  const ll = aLo * bLo;
  const lh = aLo * bHi;
  const hl = aHi * bLo;
  const hh = aHi * bHi;
  const mid = (ll >> 32) + (lh & 0xffffffff) + (hl & 0xffffffff);
  mulLow = (mid << 32) | (ll & 0xffffffff);
  return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}

let elOk = false;

/** Go strconv eiselLemire64, line for line; sets elOk (false: undecided, subnormal or overflow). */
function eiselLemire(man0: u64, exp10: i32, neg: bool): f64 {
  elOk = false;
  let man = man0;
  if (man == 0) {
    elOk = true;
    return neg ? -0.0 : 0.0;
  }
  if (exp10 < POW10_MIN || exp10 > POW10_MAX) return 0;
  const lz = clz<u64>(man);
  man <<= lz;
  // An i32 first: inside <u64>(...) AssemblyScript would compute the shift on 64 bits, unsigned.
  const e2: i32 = ((217706 * exp10) >> 16) + 64 + 1023;
  let retExp2: u64 = <u64>(<i64>e2) - lz;
  const k = exp10 - POW10_MIN;
  let xHi = mul128(man, unchecked(POW10_HI[k]));
  let xLo = mulLow;
  if ((xHi & 0x1ff) == 0x1ff && xLo + man < man) {
    const yHi = mul128(man, unchecked(POW10_LO[k]));
    const yLo = mulLow;
    let mergedHi = xHi;
    const mergedLo = xLo + yHi;
    if (mergedLo < xLo) mergedHi++;
    if ((mergedHi & 0x1ff) == 0x1ff && mergedLo + 1 == 0 && yLo + man < man) return 0;
    xHi = mergedHi;
    xLo = mergedLo;
  }
  const msb = xHi >> 63;
  let retMantissa = xHi >> (msb + 9);
  retExp2 -= 1 ^ msb;
  if (xLo == 0 && (xHi & 0x1ff) == 0 && (retMantissa & 3) == 1) return 0;
  retMantissa += retMantissa & 1;
  retMantissa >>= 1;
  if (retMantissa >> 53 > 0) {
    retMantissa >>= 1;
    retExp2 += 1;
  }
  if (retExp2 - 1 >= 0x7ff - 1) return 0;
  let bits = (retExp2 << 52) | (retMantissa & 0x000fffffffffffff);
  if (neg) bits |= 0x8000000000000000;
  elOk = true;
  return reinterpret<f64>(bits);
}

/** Status of the last scanNumber (NUM_OK, NUM_NOT, NUM_UNDECIDED). */
export let numStatus: i32 = NUM_NOT;

/**
 * Reads bytes [p, end) as a decimal number: the value, with numStatus and numShape. ASCII only; any
 * other byte (spaces too) is NUM_NOT, which the caller hands to JavaScript when it may be a number.
 */
export function scanNumber(p: usize, end: usize): f64 {
  // Fast path for the common cell: [-]digits[.digits], at most 19 digits in all (exact in a u64),
  // no exponent; anything else goes to the general scan below.
  {
    let i = p;
    let neg = false;
    if (i < end && load<u8>(i) == 45) {
      neg = true;
      i++;
    }
    const first = i;
    let man: u64 = 0;
    let d = <u32>load<u8>(i) - 48;
    while (i < end && d < 10) {
      man = man * 10 + <u64>d;
      i++;
      d = <u32>load<u8>(i) - 48;
    }
    const intDigits = <i32>(i - first);
    let fraction: i32 = -1;
    if (i < end && d == 46 - 48) {
      i++;
      const f0 = i;
      d = <u32>load<u8>(i) - 48;
      while (i < end && d < 10) {
        man = man * 10 + <u64>d;
        i++;
        d = <u32>load<u8>(i) - 48;
      }
      fraction = <i32>(i - f0);
    }
    const digits = intDigits + (fraction > 0 ? fraction : 0);
    if (i == end && digits > 0 && digits <= 15) {
      // <= 15 digits: man < 2^53 and 10^fraction exact, one correctly rounded division (Clinger)
      numStatus = NUM_OK;
      numShape =
        fraction < 0
          ? 0
          : fraction == 3 && digits > 3 && digits <= 6 && load<u8>(first) != 48
            ? POINT_AMBIGUOUS
            : POINT_DECIMAL;
      const m = <f64>man;
      const v = fraction > 0 ? m / unchecked(EXACT[fraction]) : m;
      return neg ? -v : v;
    }
  }
  numStatus = NUM_NOT;
  let i = p;
  if (i >= end) return 0;
  let c = <u32>load<u8>(i);
  let neg = false;
  if (c == 45 || c == 43) {
    neg = c == 45;
    i++;
  }
  const firstDigit = i;
  let man: u64 = 0;
  let nd: i32 = 0; // significant digits in man
  let digits: i32 = 0; // all mantissa digits (parseNumber's count)
  let fraction: i32 = -1;
  let e10: i32 = 0;
  let truncated = false;
  while (i < end) {
    c = <u32>load<u8>(i);
    const d = c - 48;
    if (d < 10) {
      digits++;
      if (fraction >= 0) fraction++;
      if (nd < 19) {
        if (man != 0 || d != 0) {
          man = man * 10 + d;
          nd++;
        }
        if (fraction >= 0) e10--;
      } else {
        if (d != 0) truncated = true;
        if (fraction < 0) e10++;
      }
    } else if (c == 46 && fraction < 0) {
      fraction = 0;
    } else break;
    i++;
  }
  if (digits == 0) return 0;
  let hasExp = false;
  if (i < end) {
    c = <u32>load<u8>(i);
    if (c != 101 && c != 69) return 0;
    i++;
    let eneg = false;
    if (i < end) {
      c = <u32>load<u8>(i);
      if (c == 45 || c == 43) {
        eneg = c == 45;
        i++;
      }
    }
    if (i >= end) return 0;
    let x: i32 = 0;
    while (i < end) {
      const d = <u32>load<u8>(i) - 48;
      if (d >= 10) return 0;
      if (x < 100000) x = x * 10 + <i32>d;
      i++;
    }
    e10 += eneg ? -x : x;
    hasExp = true;
  }
  if (hasExp || digits > 15) {
    numShape = fraction >= 0 ? POINT_DECIMAL : 0;
  } else if (fraction < 0) {
    numShape = 0;
  } else {
    numShape =
      fraction == 3 && digits > 3 && digits <= 6 && load<u8>(firstDigit) != 48 ? POINT_AMBIGUOUS : POINT_DECIMAL;
  }
  if (!truncated && man <= 9007199254740992 && e10 >= -22 && e10 <= 22) {
    numStatus = NUM_OK;
    const m = <f64>man;
    const v = e10 < 0 ? m / unchecked(EXACT[-e10]) : m * unchecked(EXACT[e10]);
    return neg ? -v : v;
  }
  const v = eiselLemire(man, e10, neg);
  if (!elOk) {
    numStatus = NUM_UNDECIDED;
    return 0;
  }
  if (truncated) {
    const w = eiselLemire(man + 1, e10, neg);
    if (!elOk || w != v) {
      numStatus = NUM_UNDECIDED;
      return 0;
    }
  }
  numStatus = NUM_OK;
  return v;
}
