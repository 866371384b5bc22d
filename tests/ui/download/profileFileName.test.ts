import { describe, expect, it } from 'vitest';
import { defaultProfileName, profileFileName } from '../../../src/ui/download/profileFileName.ts';

describe('profileFileName(name)', () => {
  it('profileFileName replaces the CSV extension (or keeps one .profile) with .profile', () => {
    expect(profileFileName('reference.csv')).toBe('reference.profile');
    expect(profileFileName('train 2024')).toBe('train 2024.profile');
    expect(profileFileName('saved.profile')).toBe('saved.profile');
  });

  it('profileFileName turns path separators, reserved and control characters into "_" and never gives a hidden or empty name', () => {
    expect(profileFileName('../a/b\\c:d*e?"f"<g>|h\u0000i')).toBe('_a_b_c_d_e__f__g__h_i.profile');
    expect(profileFileName('<img src=x onerror=alert(1)>')).toBe('_img src=x onerror=alert(1)_.profile');
    expect(profileFileName('...')).toBe('reference.profile');
    expect(profileFileName('   ')).toBe('reference.profile');
  });

  it('defaultProfileName drops a .csv/.tsv/.txt extension only', () => {
    expect(defaultProfileName('reference.csv')).toBe('reference');
    expect(defaultProfileName('data.v2.TSV')).toBe('data.v2');
    expect(defaultProfileName('notes.md')).toBe('notes.md');
  });
});
