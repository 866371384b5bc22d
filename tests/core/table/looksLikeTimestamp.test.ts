import { describe, expect, it } from 'vitest';
import { looksLikeTimestamp } from '../../../src/core/table/looksLikeTimestamp.ts';

describe('looksLikeTimestamp(s)', () => {
  it('looksLikeTimestamp(s) accepts ISO 8601 dates and datetimes and common day/month forms', () => {
    for (const s of [
      '2024-01-31',
      '2024-01-31T12:00',
      '2024-01-31T12:00:00',
      '2024-01-31 12:00:00',
      '2024-01-31T12:00:00.123Z',
      '2024-01-31T12:00:00+02:00',
      '2024/01/31',
      '2024/1/31 08:15',
      '31/01/2024',
      '01/31/2024 23:59:59',
      '31.01.2024',
    ]) {
      expect(looksLikeTimestamp(s), s).toBe(true);
    }
  });
  it('looksLikeTimestamp(s) rejects numbers, words and impossible dates', () => {
    for (const s of ['20240131', '2024', 'yes', '2024-13-01', '2024-01-32', '2024-01-31T25:00', '32/13/2024', '1/2', 'A-2024-01-01']) {
      expect(looksLikeTimestamp(s), s).toBe(false);
    }
  });
});
