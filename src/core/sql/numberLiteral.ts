/**
 * Numbers taken from a file (a reference profile's bin edges) written into SQL. They are untrusted:
 * each must be a finite double, printed by JavaScript's shortest round-trip form (ECMA-262
 * Number::toString: parsing it back gives the same double), checked against the shape of a decimal
 * literal, and cast to the dialect's double type, so the engine compares against exactly that double
 * (a bare 0.1 is a DECIMAL/numeric literal in Spark and PostgreSQL).
 */
import { InputError } from '../errors.ts';
import type { Dialect } from './dialect.ts';

const LITERAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?(e[+-][0-9]+)?$/;

/** The double `x` as an SQL literal of `dialect`; `what` names it in the error (file, column). */
export function doubleLiteral(dialect: Dialect, x: unknown, what: string): string {
  if (typeof x !== 'number' || !Number.isFinite(x))
    throw new InputError(`${what}: ${JSON.stringify(String(x))} is not a finite number; profile the reference again`);
  // Past 2^53 String() can print 21 digits and no exponent (1e20 -> "100000000000000000000"), an integer
  // literal some engines refuse beyond 64 bits (BigQuery); the exponent form is a float literal everywhere.
  const text = x === 0 ? '0' : Math.abs(x) >= 2 ** 53 ? x.toExponential() : String(x);
  // Defence in depth: String() of a finite number always has this shape, and nothing else reaches SQL.
  if (!LITERAL.test(text) || Number(text) !== x) throw new InputError(`${what}: ${JSON.stringify(text)} is not a decimal number`);
  return `CAST(${text} AS ${dialect.types.double})`;
}
