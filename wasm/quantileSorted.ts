/**
 * numpy.quantile(a, q) with the default method='linear' (Hyndman & Fan type 7) on an ascending array
 * without NaN. Follows numpy 2.x numpy/lib/_function_base_impl.py step by step so the result is
 * bit-identical: virtual index `(n - 1) * q`; `_get_indexes` (previous = floor, next = previous + 1,
 * both set to the last element, previous index -1, when the virtual index >= n - 1); gamma = virtual
 * index - previous index; `_lerp(a, b, t) = a + (b - a) * t`, replaced by `b - (b - a) * (1 - t)`
 * where t >= 0.5. Returns NaN for an empty array.
 */
export function quantileSorted(ptr: usize, n: i32, q: f64): f64 {
  if (n == 0) return NaN;
  const last = <f64>(n - 1);
  const virtualIndex = last * q;
  let previous = Math.floor(virtualIndex);
  let lo: i32;
  let hi: i32;
  if (virtualIndex >= last) {
    previous = -1;
    lo = n - 1;
    hi = n - 1;
  } else {
    lo = <i32>previous;
    hi = lo + 1;
  }
  const gamma = virtualIndex - previous;
  const a = load<f64>(ptr + (<usize>lo << 3));
  const b = load<f64>(ptr + (<usize>hi << 3));
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}
