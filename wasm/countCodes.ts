/**
 * Counts of the Int32 codes 0..k-1 in `codes[0..n)` written to `out` as k f64 values. Codes outside
 * 0..k-1 (the missing code -1 in particular) are ignored.
 */
export function countCodes(codes: usize, n: i32, k: i32, out: usize): void {
  memory.fill(out, 0, <usize>k << 3);
  for (let i: i32 = 0; i < n; i++) {
    const c = load<i32>(codes + (<usize>i << 2));
    if (<u32>c < <u32>k) {
      const q = out + (<usize>c << 3);
      store<f64>(q, load<f64>(q) + 1);
    }
  }
}
