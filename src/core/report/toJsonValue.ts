/**
 * A JSON-safe copy of a value: keys in the order of `shape` (then any others in insertion order),
 * non-finite numbers (NaN, ±Infinity) as null, typed arrays as plain arrays. JSON.stringify would
 * write NaN as null silently in some places and `{"0": ...}` for a Float64Array; this makes both
 * choices explicit and the same everywhere.
 */
import type { KeyShape } from './reportKeyOrder.ts';

export function toJsonValue(value: unknown, shape?: KeyShape): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === null || typeof value !== 'object') return value;
  const itemShape = Array.isArray(shape) ? (shape as readonly [KeyShape])[0] : undefined;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>, (v) => toJsonValue(v, itemShape));
  }
  if (Array.isArray(value)) return value.map((v) => toJsonValue(v, itemShape));
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return toJsonValue((value as { toJSON: () => unknown }).toJSON(), shape);
  }
  const source = value as Record<string, unknown>;
  const order = shape !== undefined && shape !== true && !Array.isArray(shape) ? (shape as Record<string, KeyShape>) : {};
  // A null-prototype object: a key named "__proto__" stays an ordinary key.
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(order)) {
    if (Object.hasOwn(source, key)) out[key] = toJsonValue(source[key], order[key]);
  }
  for (const key of Object.keys(source)) {
    if (!Object.hasOwn(order, key)) out[key] = toJsonValue(source[key]);
  }
  return out;
}
