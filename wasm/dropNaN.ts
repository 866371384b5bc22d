/**
 * Copies the non-NaN values of `src[0..n)` to `dst` (may equal `src`: compaction in place) and returns
 * how many were copied. Order is kept.
 */
export function dropNaN(src: usize, n: i32, dst: usize): i32 {
  let m: i32 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const x = load<f64>(src + (<usize>i << 3));
    if (x == x) {
      store<f64>(dst + (<usize>m << 3), x);
      m++;
    }
  }
  return m;
}
