import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Sha256, sha256OfBlob } from '../../src/workers/sha256Stream.ts';

const nodeHex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('Sha256 (incremental) and sha256OfBlob', () => {
  it('Sha256 of the FIPS 180-4 examples "abc" and the 448-bit message, and of no bytes', () => {
    const hex = (s: string) => {
      const h = new Sha256();
      h.update(new TextEncoder().encode(s));
      return h.hex();
    };
    expect(hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('Sha256 fed in arbitrary chunks equals node:crypto on the whole input (lengths around the 55/56/64-byte padding edges too)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat({ max: 130 }), { maxLength: 8 }), (bytes, cuts) => {
        const h = new Sha256();
        let at = 0;
        for (const c of cuts) {
          h.update(bytes.subarray(at, Math.min(bytes.length, at + c)));
          at = Math.min(bytes.length, at + c);
        }
        h.update(bytes.subarray(at));
        expect(h.hex()).toBe(nodeHex(bytes));
      }),
      { numRuns: 300 },
    );
    for (const n of [55, 56, 63, 64, 65, 119, 120, 128]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37) & 255);
      const h = new Sha256();
      h.update(bytes);
      expect(h.hex()).toBe(nodeHex(bytes));
    }
  });

  it('sha256OfBlob gives the same hash whole (crypto.subtle) and streamed (past the limit)', async () => {
    const bytes = Uint8Array.from({ length: 200_003 }, (_, i) => (i * 2654435761) >>> 24);
    const blob = new Blob([bytes]);
    const expected = nodeHex(bytes);
    expect(await sha256OfBlob(blob)).toBe(expected);
    expect(await sha256OfBlob(blob, 1000)).toBe(expected);
    // In slices that end anywhere within a 64-byte block.
    expect(await sha256OfBlob(blob, 1000, 4099)).toBe(expected);
  });
});
