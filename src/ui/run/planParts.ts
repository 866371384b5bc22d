/**
 * How many parts each CSV of a run is parsed in, in parallel (one parse worker per part): the page's
 * cores (navigator.hardwareConcurrency) shared among the files by size, a file of `minBytes` or more
 * only, and at most one part per `bytesPerPart`. Every file gets at least one part (one piece).
 */
export interface PartsOptions {
  /** Parse workers at most, all files together (navigator.hardwareConcurrency). */
  workers: number;
  /** Files smaller than this are parsed in one piece. */
  minBytes: number;
  /** At most one part per this many bytes of a file. */
  bytesPerPart: number;
}

/** The defaults: as the CLI splits a file for profiling (src/node/readCsvProfile.ts), 64 MiB and up. */
export const PARTS_DEFAULTS: Omit<PartsOptions, 'workers'> = { minBytes: 64 << 20, bytesPerPart: 16 << 20 };

export function partsPerFile(sizes: readonly number[], opts: PartsOptions): number[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  const workers = Math.max(1, Math.floor(opts.workers));
  return sizes.map((size) => {
    if (size < opts.minBytes || total <= 0) return 1;
    const share = Math.floor((workers * size) / total);
    const bySize = Math.floor(size / Math.max(1, opts.bytesPerPart));
    return Math.max(1, Math.min(share, bySize));
  });
}

/**
 * The page's parts options: the cores it reports, and three test-only overrides from the page's query
 * string, `parse-workers`, `parse-min-bytes` and `parse-part-bytes` (whole numbers), so tests can split
 * small fixtures on any machine; they change how a file is read, never what the run reports.
 */
export function partsOptions(search: string, cores: number | undefined): PartsOptions {
  const query = new URLSearchParams(search);
  const bytes = (name: string, fallback: number) => {
    const v = Number(query.get(name));
    return query.has(name) && Number.isSafeInteger(v) && v >= 1 ? v : fallback;
  };
  return {
    workers: bytes('parse-workers', cores && cores > 0 ? cores : 1),
    minBytes: bytes('parse-min-bytes', PARTS_DEFAULTS.minBytes),
    bytesPerPart: bytes('parse-part-bytes', PARTS_DEFAULTS.bytesPerPart),
  };
}
