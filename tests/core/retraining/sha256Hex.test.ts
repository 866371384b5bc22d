import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/core/retraining/sha256Hex.ts';

describe('sha256Hex(bytes), the model version id', () => {
  it('is the FIPS 180-2 digest ("abc" test vector)', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('of no bytes is the empty-message digest', async () => {
    expect(await sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
