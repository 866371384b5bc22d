/**
 * The run-length / bit-packed hybrid decoder against hyparquet's (readRleBitPackedHybrid) on random
 * runs of every bit width it takes, and on damaged input.
 */
import fc from 'fast-check';
import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
import { describe, expect, it } from 'vitest';
import { HYBRID_MAX_WIDTH, readHybrid } from '../../../../src/core/table/parquet/rleHybrid.ts';

type Run = { rle: true; count: number; value: number } | { rle: false; values: number[] };

function varint(n: number, out: number[]): void {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
}

/** Runs as the format writes them (bit-packed values LSB first, padded to groups of 8). */
function encode(runs: Run[], width: number): { bytes: Uint8Array; values: number[] } {
  const out: number[] = [];
  const values: number[] = [];
  for (const run of runs) {
    if (run.rle) {
      varint(run.count << 1, out);
      for (let i = 0; i < (width + 7) >> 3; i++) out.push((run.value >>> (8 * i)) & 0xff);
      for (let i = 0; i < run.count; i++) values.push(run.value);
    } else {
      const groups = Math.ceil(run.values.length / 8);
      varint((groups << 1) | 1, out);
      const padded = [...run.values, ...Array<number>(groups * 8 - run.values.length).fill(0)];
      let buf = 0;
      let bits = 0;
      for (const v of padded) {
        buf += v * 2 ** bits;
        bits += width;
        while (bits >= 8) {
          out.push(buf % 256);
          buf = Math.floor(buf / 256);
          bits -= 8;
        }
      }
      values.push(...padded);
    }
  }
  return { bytes: Uint8Array.from(out), values };
}

const encoded = fc.integer({ min: 1, max: HYBRID_MAX_WIDTH }).chain((width) => {
  const value = fc.integer({ min: 0, max: 2 ** width - 1 });
  const run = fc.oneof(
    fc.record({ rle: fc.constant(true as const), count: fc.integer({ min: 1, max: 300 }), value }),
    fc.record({ rle: fc.constant(false as const), values: fc.array(value, { minLength: 1, maxLength: 40 }) }),
  );
  return fc.record({ width: fc.constant(width), runs: fc.array(run, { minLength: 1, maxLength: 12 }), cut: fc.nat({ max: 7 }) });
});

describe('readHybrid', () => {
  it('decodes what hyparquet decodes, and ends where the runs end', () => {
    fc.assert(
      fc.property(encoded, ({ width, runs, cut }) => {
        const { bytes, values } = encode(runs, width);
        // Fewer wanted values than encoded (a page's last run is padded): the rest are skipped.
        const n = Math.max(1, values.length - cut);
        const ours = new Int32Array(n);
        const end = readHybrid(bytes, 0, width, ours);
        const theirs = new Int32Array(n);
        readRleBitPackedHybrid({ view: new DataView(bytes.buffer), offset: 0 }, width, theirs, bytes.length);
        expect([...ours]).toEqual([...theirs]);
        expect([...ours]).toEqual(values.slice(0, n));
        if (n === values.length) expect(end).toBe(bytes.length);
        const levels = new Uint8Array(n);
        if (width <= 8) {
          readHybrid(bytes, 0, width, levels);
          expect([...levels]).toEqual(values.slice(0, n));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('throws on runs past the bytes, never reads past them', () => {
    const { bytes } = encode([{ rle: false, values: [1, 2, 3, 4, 5, 6, 7, 8, 9] }], 5);
    for (let cut = 0; cut < bytes.length; cut++)
      expect(() => readHybrid(bytes.subarray(0, cut), 0, 5, new Int32Array(9)), String(cut)).toThrow(/past their page/);
    expect(() => readHybrid(Uint8Array.of(0x02), 0, 12, new Int32Array(1))).toThrow(/past their page/);
  });
});
