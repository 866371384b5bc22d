import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNumber, pointShape } from '../../../src/core/table/parseNumber.ts';
import { csvReaderInstance } from '../../../src/kernels/loadCsvReader.ts';
import type { CsvReaderWasm } from '../../../src/core/table/csvReaderWasm.ts';

const NUM_OK = 1;
const NUM_UNDECIDED = 2;
const enc = new TextEncoder();

/** wasm scanNumber on the text's bytes: status, value, shape. */
function scan(w: CsvReaderWasm, ptr: number, s: string): { status: number; v: number; shape: number } {
  const b = enc.encode(s);
  new Uint8Array(w.memory.buffer, ptr, b.length).set(b);
  const v = w.scanNumber(ptr, ptr + b.length);
  return { status: w.numStatus.value, v, shape: w.numShape.value };
}

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
/** Decimal texts: sign, leading zeros, up to 40 digits around a point, exponents near the double range's ends. */
const decimal = fc
  .record({
    sign: fc.constantFrom('', '-', '+'),
    zeros: fc.constantFrom('', '0', '000'),
    int: digits(0, 25),
    point: fc.boolean(),
    frac: digits(0, 25),
    exp: fc.option(fc.oneof(fc.integer({ min: -30, max: 30 }), fc.integer({ min: -360, max: 330 })), { nil: null }),
    expForm: fc.constantFrom('e', 'E', 'e+', 'E-'),
  })
  .map(({ sign, zeros, int, point, frac, exp, expForm }) => {
    let s = sign + zeros + int + (point ? '.' + frac : '');
    if (exp !== null) s += expForm.startsWith('E-') ? `E${exp}` : expForm === 'e+' && exp >= 0 ? `e+${exp}` : `${expForm[0]}${exp}`;
    return s;
  });

/** Halfway and near-halfway cases: a double's exact decimal expansion, midpoints with its neighbour, +-1 ulp in the last digit. */
const adversarial = fc.double({ noNaN: true, noDefaultInfinity: true }).chain((x) => fc.constantFrom(...nearHalfway(x)));

function nearHalfway(x: number): string[] {
  const out = [String(x), x.toExponential(16), x.toExponential(20), x.toPrecision(17), x.toPrecision(19)];
  if (x !== 0 && Number.isFinite(x)) {
    // midpoint of x and its successor, written exactly (BigInt arithmetic on the binary values)
    const buf = new DataView(new ArrayBuffer(8));
    buf.setFloat64(0, Math.abs(x));
    const bits = buf.getBigUint64(0);
    buf.setBigUint64(0, bits + 1n);
    const next = buf.getFloat64(0);
    if (Number.isFinite(next)) {
      const mid = exactMidpoint(Math.abs(x), next);
      if (mid !== null) out.push(mid, mid.replace(/5$/, '49999999999999999999'), mid + '00000000000000000000001');
    }
  }
  return out;
}

/** The exact decimal text of (a + b) / 2 for positive doubles, when it is short enough (<= 800 digits). */
function exactMidpoint(a: number, b: number): string | null {
  const frac = (x: number) => {
    const buf = new DataView(new ArrayBuffer(8));
    buf.setFloat64(0, x);
    const bits = buf.getBigUint64(0);
    const e = Number((bits >> 52n) & 0x7ffn);
    const m = bits & ((1n << 52n) - 1n);
    return e === 0 ? { m, e: -1074 } : { m: m | (1n << 52n), e: e - 1075 };
  };
  const fa = frac(a);
  const fb = frac(b);
  const e = Math.min(fa.e, fb.e) - 1;
  const num = (fa.m << BigInt(fa.e - e)) + (fb.m << BigInt(fb.e - e)); // (a + b) * 2^-e ... over 2
  // value = num * 2^(e) / 2 * 2 = num * 2^e / 1 with e already lowered by one for the halving
  if (e >= 0) return (num << BigInt(e)).toString();
  const k = -e;
  if (k > 1200) return null;
  const scaled = num * 5n ** BigInt(k); // num / 2^k = num * 5^k / 10^k
  const s = scaled.toString().padStart(k + 1, '0');
  const text = `${s.slice(0, s.length - k)}.${s.slice(s.length - k)}`.replace(/0+$/, '');
  return text.length > 800 ? null : text;
}

describe('csv_reader.wasm scanNumber: the same double as Number() and parseNumber', () => {
  let wasm: CsvReaderWasm;
  let ptr = 0;
  const setup = async () => {
    wasm ??= await csvReaderInstance();
    ptr ||= wasm.alloc(4096);
  };

  it('known cases: zeros, bounds, subnormals, overflow, forms Number() accepts and ones it rejects', async () => {
    await setup();
    const ok: [string, number][] = [
      ['0', 0],
      ['-0', -0],
      ['+0', 0],
      ['0.0', 0],
      ['.5', 0.5],
      ['5.', 5],
      ['+1', 1],
      ['-.5', -0.5],
      ['007', 7],
      ['1e5', 1e5],
      ['1E-7', 1e-7],
      ['0e999999', 0],
      ['1.7976931348623157e308', 1.7976931348623157e308],
      ['2.2250738585072014e-308', 2.2250738585072014e-308],
      ['9007199254740995', 9007199254740996],
      ['0.1', 0.1],
      ['0.30000000000000004', 0.30000000000000004],
      ['123456789012345678901234567890', 1.2345678901234568e29],
    ];
    for (const [s, v] of ok) {
      const r = scan(wasm, ptr, s);
      expect(r.status, s).toBe(NUM_OK);
      expect(Object.is(r.v, v), s).toBe(true);
    }
    // Numbers the wasm leaves to JavaScript: overflow, subnormal, underflow to zero.
    // 2^53 + 1 is exactly halfway between two doubles: Eisel-Lemire cannot tell the tie from the truncation.
    for (const s of ['1e400', '-1e400', '4.9e-324', '2.2250738585072011e-308', '1e-400', '9007199254740993'])
      expect(scan(wasm, ptr, s).status, s).toBe(NUM_UNDECIDED);
    // Not the decimal grammar (parseNumber rejects these, or needs JavaScript for them: spaces).
    for (const s of [
      '',
      '-',
      '+',
      '.',
      '-.',
      'e5',
      '.e1',
      '1e',
      '1e+',
      '1.2.3',
      '0x1F',
      '0b1',
      '1_000',
      'Infinity',
      '1,5',
      ' 1',
      '1 ',
      '1e5.0',
      '--1',
      '١',
    ]) {
      expect(scan(wasm, ptr, s).status, s).not.toBe(NUM_OK);
    }
  });

  it('random decimal texts: when wasm reads one, it is Number(s) and parseNumber(s) with its pointShape', async () => {
    await setup();
    let decided = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.oneof(decimal, adversarial), (s) => {
        const r = scan(wasm, ptr, s);
        total++;
        const p = parseNumber(s);
        if (r.status === NUM_OK) {
          decided++;
          expect(Object.is(r.v, Number(s)), s).toBe(true);
          expect(Object.is(r.v, p), s).toBe(true);
          expect(r.shape, s).toBe(pointShape);
        } else if (r.status === NUM_UNDECIDED) {
          // grammar accepted: JavaScript decides (parseNumber gives Number(s), or NaN when not finite)
          expect(s).toMatch(/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/);
        } else {
          // not a number for wasm: parseNumber agrees
          expect(p, s).toBeNaN();
        }
      }),
      { numRuns: 20000 },
    );
    // A third of these texts have exponents beyond the double range or 20+ digits; the rest mostly decide.
    expect(decided / total).toBeGreaterThan(0.6);
  });

  it('every double round-trips through its shortest text and its 17-digit text; undecided ones are rare', async () => {
    await setup();
    let undecided = 0;
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), (x) => {
        for (const s of [String(x), x.toPrecision(17)]) {
          if (/[^0-9eE.+-]/.test(s)) continue;
          const r = scan(wasm, ptr, s);
          if (r.status === NUM_OK) expect(Object.is(r.v, Number(s)), s).toBe(true);
          else if (Math.abs(x) >= 2.2250738585072014e-308) undecided++;
        }
      }),
      { numRuns: 20000 },
    );
    expect(undecided).toBeLessThan(20000 * 2 * 0.01);
  });
});
