/**
 * Parquet input through the pipeline (runPipeline, as the CLI runs it): each real-data pair written to
 * Parquet by pyarrow (scripts/make_parquet_fixtures.py) gives the report its CSV pair gives, in a table
 * run, a streamed (profile) run and with a CSV reference against a Parquet production.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/node/runPipeline.ts';
import { realPair } from '../helpers/realPairs.ts';

const PARQUET = fileURLToPath(new URL('../fixtures/parquet/real/', import.meta.url));
const PAIRS = ['adult', 'bank', 'electricity', 'bike', 'generated'];

/** The report as JSON with the input paths replaced by their role and the run time removed. */
async function report(ref: string, prod: string, pair: ReturnType<typeof realPair>, stream = false): Promise<unknown> {
  const { report } = await runPipeline({
    reference: ref,
    production: prod,
    label: pair.label,
    drop: pair.drop,
    stream,
    generatedAt: '2026-01-01T00:00:00.000Z',
  });
  const text = JSON.stringify(report)
    .split(JSON.stringify(ref).slice(1, -1))
    .join('REF')
    .split(JSON.stringify(prod).slice(1, -1))
    .join('PROD');
  return JSON.parse(text) as unknown;
}

describe.each(PAIRS)('the real pair %s as Parquet', (name) => {
  const pair = realPair(name);
  const ref = join(PARQUET, name, 'reference.parquet');
  const prod = join(PARQUET, name, 'production.parquet');

  it('gives the CSV pair’s report', async () => {
    expect(await report(ref, prod, pair)).toEqual(await report(pair.reference, pair.production, pair));
  }, 60_000);

  it('gives the CSV pair’s report when streamed into profiles (--stream)', async () => {
    expect(await report(ref, prod, pair, true)).toEqual(await report(pair.reference, pair.production, pair, true));
  }, 60_000);

  it('mixes with CSV: a CSV reference against a Parquet production', async () => {
    expect(await report(pair.reference, prod, pair)).toEqual(await report(pair.reference, pair.production, pair));
  }, 60_000);
});
