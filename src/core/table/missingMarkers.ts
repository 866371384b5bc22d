/**
 * A fast membership test for missing-value markers (`NA`, `null`, `?`, ...), compared after trimming.
 * The empty cell is always missing, whatever the list says. A table of first characters lets most
 * cells (numbers, ordinary words) skip the Set lookup.
 */
export class MissingMarkers {
  private readonly set: Set<string>;
  private readonly firstChars = new Uint8Array(128);
  private readonly nonAsciiFirst: boolean;

  constructor(markers: readonly string[]) {
    this.set = new Set(markers.map((m) => m.trim()).filter((m) => m.length > 0));
    let nonAscii = false;
    for (const m of this.set) {
      const c = m.charCodeAt(0);
      if (c < 128) this.firstChars[c] = 1;
      else nonAscii = true;
    }
    this.nonAsciiFirst = nonAscii;
  }

  /** @param s a trimmed, non-empty cell */
  has(s: string): boolean {
    const c = s.charCodeAt(0);
    if (c < 128 ? this.firstChars[c] === 0 : !this.nonAsciiFirst) return false;
    return this.set.has(s);
  }

  /** False when no marker starts with the character code `c`: a cell starting with it is no marker. */
  mayStartWith(c: number): boolean {
    return c < 128 ? this.firstChars[c] !== 0 : this.nonAsciiFirst;
  }
}
