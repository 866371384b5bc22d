import { describe, expect, it } from 'vitest';
import { isProfileFile } from '../../../src/ui/state/isProfileFile.ts';

describe('isProfileFile(blob)', () => {
  it('isProfileFile is true for bytes starting with "DMPROFIL", whatever follows', async () => {
    expect(await isProfileFile(new Blob([new Uint8Array([68, 77, 80, 82, 79, 70, 73, 76, 2, 0, 0, 0, 255])]))).toBe(true);
  });

  it('isProfileFile is false for a CSV, a shorter prefix, a near miss and an empty file', async () => {
    expect(await isProfileFile(new Blob(['a,b\n1,2\n']))).toBe(false);
    expect(await isProfileFile(new Blob(['DMPROFI']))).toBe(false);
    expect(await isProfileFile(new Blob(['DMPROFIX and more']))).toBe(false);
    expect(await isProfileFile(new Blob(['dmprofil lower case']))).toBe(false);
    expect(await isProfileFile(new Blob([]))).toBe(false);
  });
});
