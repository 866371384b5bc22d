/**
 * numpy.linspace(0, 1, num) bit for bit: `arange(num) * step + 0` with step = 1 / (num - 1) and the
 * last value set to 1 (numpy/_core/function_base.py), e.g. linspace(0, 1, 11)[3] = 0.30000000000000004.
 */
export function linspace01(num: number): Float64Array {
  const out = new Float64Array(num);
  if (num === 1) return out;
  const step = 1 / (num - 1);
  for (let i = 0; i < num; i++) out[i] = i * step;
  out[num - 1] = 1;
  return out;
}
