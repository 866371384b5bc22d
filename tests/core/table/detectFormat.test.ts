import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/core/table/detectFormat.ts';

describe('detectFormat(head)', () => {
  it('detectFormat(head) finds ",", ";" and tab', () => {
    expect(detectFormat('a,b,c\n1,2,3\n').delimiter).toBe(',');
    expect(detectFormat('a;b;c\n1,5;2,5;3\n').delimiter).toBe(';');
    expect(detectFormat('a\tb\tc\n1\t2\t3\n').delimiter).toBe('\t');
  });
  it('detectFormat(head) ignores delimiters inside quotes', () => {
    expect(detectFormat('"a,b,c";"d,e";f\n1;2;3\n').delimiter).toBe(';');
    expect(detectFormat('"x;y;z",b\n"1;2;3",4\n').delimiter).toBe(',');
  });
  it('detectFormat(head) prefers a delimiter with the same count on the first two lines', () => {
    // header has 2 commas and 2 semicolons; line 2 agrees only with ';'
    expect(detectFormat('a,x;b,y;c\n1;2;3\n').delimiter).toBe(';');
  });
  it('detectFormat(head) falls back to "," for a one-column file and reads line endings', () => {
    expect(detectFormat('value\n1\n2\n')).toEqual({ delimiter: ',', newline: '\n' });
    expect(detectFormat('a,b\r\n1,2\r\n').newline).toBe('\r\n');
    expect(detectFormat('a,b\r1,2\r').newline).toBe('\r');
    expect(detectFormat('"a\r\nb",c\n1,2\n').newline).toBe('\n');
    expect(detectFormat('\ufeffa;b\n1;2').delimiter).toBe(';');
    expect(detectFormat('')).toEqual({ delimiter: ',', newline: '\n' });
  });
});
