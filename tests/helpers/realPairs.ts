/**
 * The real-data pairs committed under tests/fixtures (cut by scripts/real-pairs.mjs from public datasets,
 * see tests/fixtures/real/README.md): their paths, label column and drop list.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export interface RealPair {
  name: string;
  reference: string;
  production: string;
  label: string | null;
  drop: string[];
}

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const index = JSON.parse(readFileSync(join(FIXTURES, 'real/pairs.json'), 'utf8')) as Record<
  string,
  { label: string | null; drop: string[]; dir: string }
>;

export function realPair(name: string): RealPair {
  const p = index[name];
  if (!p) throw new Error(`no real pair named ${name} in tests/fixtures/real/pairs.json`);
  const dir = join(FIXTURES, p.dir);
  return { name, reference: join(dir, 'reference.csv'), production: join(dir, 'production.csv'), label: p.label, drop: p.drop };
}
