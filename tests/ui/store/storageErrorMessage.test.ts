import { describe, expect, it } from 'vitest';
import { storageErrorMessage } from '../../../src/ui/store/storageErrorMessage.ts';

describe('storageErrorMessage(e)', () => {
  it('storageErrorMessage(QuotaExceededError) says the storage is full and earlier entries are kept, in one line', () => {
    const m = storageErrorMessage(new DOMException('quota', 'QuotaExceededError'));
    expect(m).toMatch(/storage is full/);
    expect(m).toMatch(/Earlier entries are kept/);
    expect(m).not.toContain('\n');
  });
  it('storageErrorMessage(DataError) and an unknown error each give one distinct line', () => {
    const data = storageErrorMessage(new DOMException('bad key', 'DataError'));
    expect(data).toContain('DataError');
    const other = storageErrorMessage(new Error('boom\nstack'));
    expect(other).toContain('boom');
    expect(other).not.toContain('\n');
    expect(other).not.toBe(data);
  });
  it('storageErrorMessage(QuotaExceededError, what, free) names what could not be saved and what to delete', () => {
    const m = storageErrorMessage(new DOMException('quota', 'QuotaExceededError'), 'the reference profile “a”', 'delete saved profiles');
    expect(m).toBe(
      "Could not save the reference profile “a”: the browser's storage is full; free space (delete saved profiles) and retry. Earlier entries are kept.",
    );
  });
});
