import { expect } from 'vitest';
import { isInputError } from '../../src/core/errors.ts';
import { readFileSync } from 'node:fs';
import { DEFAULT_CONFIG } from '../../src/core/config/defaults.ts';
import { mergeOverrides } from '../../src/core/config/loadConfig.ts';
import type { Config } from '../../src/core/config/types.ts';
import { parseCsv } from '../../src/core/table/parseCsv.ts';
import type { ParsedTable } from '../../src/core/table/types.ts';
import { createOnnxRunner } from '../../src/onnx/ortNode.ts';

export const FIXTURES = new URL('../fixtures/onnx/', import.meta.url);

export const expected = JSON.parse(readFileSync(new URL('expected.json', FIXTURES), 'utf8')) as {
  features: string[];
  models: Record<
    string,
    {
      file: string;
      label_column: string;
      classes: string[];
      positive_class: string | null;
      zipmap: boolean;
      runs: Record<
        'reference' | 'production',
        {
          rows: number;
          labelled_rows: number;
          predicted: string[];
          probabilities: number[][] | null;
          label_output?: string[];
          metrics: Record<string, unknown> & { per_class: Record<string, Record<string, number>>; confusion_matrix: number[][] };
        }
      >;
    }
  >;
};

export function table(text: string, file: string): Promise<ParsedTable> {
  return parseCsv(text, { file, delimiter: 'auto', missingValues: ['', 'NA'] });
}

export async function fixtureTables(): Promise<[ParsedTable, ParsedTable]> {
  return Promise.all([
    table(readFileSync(new URL('reference.csv', FIXTURES), 'utf8'), 'reference.csv'),
    table(readFileSync(new URL('production.csv', FIXTURES), 'utf8'), 'production.csv'),
  ]);
}

export function modelBytes(name: string): Uint8Array {
  return readFileSync(new URL(`${name}.onnx`, FIXTURES));
}

export function loadModel(name: string) {
  return createOnnxRunner(modelBytes(name), `${name}.onnx`);
}

export function config(overrides: Parameters<typeof mergeOverrides>[1]): Config {
  return mergeOverrides(DEFAULT_CONFIG, overrides, 'test');
}

/** Awaits `p`, expects it to reject with one single-line InputError, and returns its message. */
export async function inputError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(isInputError(e), String(e)).toBe(true);
    const msg = (e as Error).message;
    expect(msg).not.toContain('\n');
    return msg;
  }
  throw new Error('expected an InputError');
}

/** Scoring options for the fixture models: their feature columns, the label and the row kind excluded. */
export const opts = { file: 'm.onnx', features: expected.features, exclude: ['y', 'kind'] };
