import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse.ts';
import { defaultConfig } from '../../../src/core/config/defaults.ts';
import { analyseProfiles } from '../../../src/core/profile/analyseProfiles.ts';
import { parseCsv } from '../../../src/core/table/parseCsv.ts';
import { loadKernels } from '../../../src/kernels/index.ts';
import { profileOf } from './profileOf.ts';

const parse = (file: string, lines: string[]) => parseCsv(lines.join('\n') + '\n', { file, delimiter: 'auto', missingValues: [''] });
const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

describe('number formats a profile settled alone', () => {
  it('warns where the other file would have decided an all-ambiguous column differently', async () => {
    // ref.csv: every amount is ambiguous ("1.234"); alone, its ";" delimiter makes "." thousands.
    // prod.csv writes "1,234.5": decimal point. Two tables read ref's cells as decimals (1.234).
    const ref = () => parse('ref.csv', ['amount;n', ...range(40, (i) => `${(i % 9) + 1}.${String(100 + i * 7).slice(-3)};${i}`)]);
    const prod = () => parse('prod.csv', ['amount;n', ...range(40, (i) => `${(i % 9) + 1},${String(100 + i * 7).slice(-3)}.5;${i}`)]);
    const config = defaultConfig();
    const a = analyseProfiles(profileOf(await ref()), profileOf(await prod()), config);
    expect(a.warnings).toContain(
      'column "amount" in ref.csv: its cells such as "1,234" or "1.234" were read with "," as decimal mark (the ";" delimiter of ref.csv), but prod.csv writes "."; a profile keeps no rows to read them again, so make it again with data.decimal "." if that is the file\'s mark',
    );
    // The tables settle it from prod.csv instead: no such warning there.
    const t = analyse(await ref(), await prod(), config, await loadKernels());
    expect(t.warnings.some((w) => w.includes('a profile keeps no rows'))).toBe(false);
    expect(t.stats[0].type_reason).toBe(a.stats[0].type_reason);
  });
});
