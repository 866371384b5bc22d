import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plotlyLabel, plotlyText } from '../../src/ui/charts/plotlyText.ts';

describe('plotlyText(s)', () => {
  it('plotlyText(s) escapes the hostile column name and category of the dashboard tests', () => {
    expect(plotlyText('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(plotlyText('<a href="javascript:alert(1)">x</a>')).toBe('&lt;a href=&#34;javascript:alert(1)&#34;&gt;x&lt;/a&gt;');
    expect(plotlyText("O'Brien & sons")).toBe('O&#39;Brien &amp; sons');
  });

  it('plotlyText(s) leaves no markup character and round-trips through entity decoding', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const e = plotlyText(s);
        expect(e).not.toMatch(/[<>"']/);
        const decoded = e.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
        expect(decoded).toBe(s);
      }),
    );
  });

  it('plotlyLabel(s, max) shortens before escaping, so no entity is cut in half', () => {
    expect(plotlyLabel('<'.repeat(40), 5)).toBe('&lt;&lt;&lt;&lt;…');
  });
});
