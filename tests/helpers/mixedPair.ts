import type { Analysis } from '../../src/core/analyse.ts';
import { defaultConfig } from '../../src/core/config/defaults.ts';
import type { Config } from '../../src/core/config/types.ts';
import { parseCsv } from '../../src/core/table/parseCsv.ts';
import type { ParsedTable } from '../../src/core/table/types.ts';

/**
 * A generated pair of CSV files with every kind of column the analysis treats differently: floats
 * with missing markers, small integers (a numeric categorical), text categories with missing cells,
 * a column that is numbers in the reference and text in production (a type change), numbers written
 * "1,234" (decimal mark settled across the files), a column all missing in production, a column
 * constant in the reference, and repeated rows (duplicates). Deterministic (a fixed linear
 * congruential sequence), with drift in some columns.
 */
export function mixedPair(rows: number): { reference: string; production: string } {
  const header = 'amount,score,visits,plan,status,price,gone,country,flag';
  const make = (seed: number, shifted: boolean) => {
    let x = seed;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const lines = [header];
    for (let i = 0; i < rows; i++) {
      if (i % 17 === 16) {
        lines.push(lines[1 + ((i * 7) % i)]);
        continue;
      }
      const amount = next() < 0.05 ? 'NA' : ((shifted ? 12 : 10) + 5 * next()).toFixed(3);
      const score = (next() * (shifted ? 2 : 1.5)).toFixed(5);
      const visits = String(Math.floor(next() * (shifted ? 9 : 7)));
      const plan = next() < 0.04 ? '' : ['basic', 'pro', 'team', 'free'][Math.floor(next() * (shifted ? 4 : 3))];
      const status = shifted && next() < 0.6 ? ['active', 'paused', 'closed'][Math.floor(next() * 3)] : String(Math.floor(next() * 40));
      const price = `"${1 + Math.floor(next() * 9)},${String(Math.floor(next() * 1000)).padStart(3, '0')}"`;
      const gone = shifted ? '' : (next() * 3).toFixed(1);
      const country = shifted ? ['FR', 'DE', 'ES'][Math.floor(next() * 3)] : 'FR';
      const flag = next() < 0.5 ? 'yes' : 'no';
      lines.push([amount, score, visits, plan, status, price, gone, country, flag].join(','));
    }
    return lines.join('\n') + '\n';
  };
  return { reference: make(7, false), production: make(11, true) };
}

/** The missing markers the mixed pair is read with. */
const MIXED_MISSING = ['', 'NA'];

/** mixedPair(rows) parsed, as the analysis tests read it. */
export async function mixedTables(rows: number): Promise<[ParsedTable, ParsedTable]> {
  const pair = mixedPair(rows);
  return [
    await parseCsv(pair.reference, { file: 'reference.csv', delimiter: 'auto', missingValues: MIXED_MISSING }),
    await parseCsv(pair.production, { file: 'production.csv', delimiter: 'auto', missingValues: MIXED_MISSING }),
  ];
}

/** The config the mixed pair is analysed with: `flag` the label, up to 20 categories. */
export function mixedConfig(): Config {
  const c = defaultConfig();
  c.data.label_column = 'flag';
  c.columns.max_categorical_unique = 20;
  return c;
}

/** The analysis without its timings, which differ between any two runs. */
export const withoutTimings = ({ timings: _, ...rest }: Analysis): Omit<Analysis, 'timings'> => rest;
