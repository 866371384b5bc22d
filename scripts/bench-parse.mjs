#!/usr/bin/env node
/**
 * Times one CSV file through the wasm byte reader on this thread, as the CLI reads a file (parseCsv
 * with the byte reader reading straight from a file handle), and splits the time by stage:
 * (CPU time of this process, process.cpuUsage: a loaded machine stretches wall time, less so CPU time):
 *   read     the file's bytes into wasm memory (readInto)
 *   wasm     csvParseBlock: field splitting, trimming, number parsing, text coding/hashing, UTF-8 check
 *   js       the rest: typing the blocks into columns (ColumnBuilder.addCells), strings of new texts
 * and, from runs that keep only some columns (columns.drop), what each kind of column costs:
 *   scan     keeping one small column: splitting every field of every row, nothing else
 *   numbers  the numeric columns, minus scan
 *   texts    the text columns (low-cardinality codes and a hashed high-cardinality one), minus scan
 * Prints medians of N runs: wall ms, MB/s on the file's bytes, CPU ms (process.cpuUsage), load average.
 *
 * --wasm-only times csvParseBlock alone over the file held in wasm memory (no reading, no JavaScript
 * typing), for all columns and for the same column subsets.
 *
 *   npm run build:wasm && npm run build:lib && node scripts/bench-parse.mjs [file.csv] [--reps 7] [--stages]
 *     [--wasm-only [--wasm other.wasm] [--sets all,scan,numbers,texts]]
 *
 * --wasm compares another build of wasm/csv (asc ... -o other.wasm) in wasm-only mode; on a shared
 * machine, alternate runs of the two builds and compare medians.
 *
 * Default file: .bench/gen_1000000/reference.csv (`npm run bench` makes it).
 */
import { createReadStream, promises as fs, readSync, openSync, closeSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseCsv } from '../lib/core/table/parseCsv.js';
import { csvReaderInstance } from '../lib/kernels/loadCsvReader.js';
import { median } from './median.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const opt = (name, def) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : def);
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && ['--reps', '--wasm', '--sets'].includes(args[i - 1])));
const path = positional[0] ?? '.bench/gen_1000000/reference.csv';
const REPS = opt('reps', 7);
const size = statSync(path).size;

const cpuMs = (u) => (u.user + u.system) / 1000;

/** One read of the file; the time spent in the wasm block calls and in reading bytes. */
async function readOnce(skipColumns) {
  let wasmMs = 0;
  let readMs = 0;
  const handle = await fs.open(path, 'r');
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  // papaparse's input, never read: the byte reader reads through `readInto`.
  const stream = createReadStream(path);
  let table;
  try {
    table = await parseCsv(stream, {
      file: path,
      delimiter: 'auto',
      missingValues: ['', 'NA', 'N/A', 'null', 'NaN', 'None'],
      sizeHint: size,
      skipColumns,
      byteReader: async () => {
        const w = await csvReaderInstance();
        const parseBlock = w.csvParseBlock;
        // The exports object is frozen: a copy whose csvParseBlock is timed (globals and memory are shared objects).
        return {
          ...w,
          csvParseBlock: (...a) => {
            const s = process.cpuUsage();
            const n = parseBlock(...a);
            wasmMs += cpuMs(process.cpuUsage(s));
            return n;
          },
        };
      },
      readInto: async (into) => {
        const s = process.cpuUsage();
        const { bytesRead } = await handle.read(into, 0, into.length, null);
        readMs += cpuMs(process.cpuUsage(s));
        return bytesRead;
      },
      reopen: () => {
        throw new Error('the byte reader declined: this bench times the byte reader only');
      },
    });
  } finally {
    stream.destroy();
    await handle.close();
  }
  const wall = performance.now() - t0;
  const cpu = cpuMs(process.cpuUsage(cpu0));
  return { wall, cpu, wasm: wasmMs, read: readMs, js: cpu - wasmMs - readMs, rows: table.rows };
}

async function measure(label, skipColumns) {
  await readOnce(skipColumns); // warm-up (compiles the module, warms the page cache)
  const runs = [];
  for (let r = 0; r < REPS; r++) runs.push(await readOnce(skipColumns));
  const m = (k) => median(runs.map((r) => r[k]));
  const wall = m('wall');
  console.log(
    `${label.padEnd(10)} wall ${wall.toFixed(0).padStart(5)} ms  ${((size / 1e6 / wall) * 1000).toFixed(0).padStart(4)} MB/s` +
      `  cpu ${m('cpu').toFixed(0).padStart(5)} ms  read ${m('read').toFixed(0).padStart(4)}  wasm ${m('wasm').toFixed(0).padStart(4)}` +
      `  js ${m('js').toFixed(0).padStart(4)} ms  (${runs[0].rows} rows, median of ${REPS}, min wall ${Math.min(...runs.map((r) => r.wall)).toFixed(0)})`,
  );
  return { wall, cpu: m('cpu'), wasm: m('wasm'), js: m('js'), read: m('read') };
}

const headBytes = Buffer.alloc(64 << 10);
const fd = openSync(path, 'r');
const headText = headBytes.subarray(0, readSync(fd, headBytes, 0, headBytes.length, 0)).toString('utf8');
closeSync(fd);
const header = headText.slice(0, headText.indexOf('\n')).trim().split(',');
console.log(
  `${path}: ${(size / 1e6).toFixed(1)} MB, ${header.length} columns; load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
if (flag('wasm-only')) {
  await wasmOnly(header);
  process.exit(0);
}
const all = await measure('all', []);
if (flag('stages')) {
  const numeric = header.filter((h) => /^(id|num_\d+|label)$/.test(h));
  const texts = header.filter((h) => !numeric.includes(h));
  const keepOnly = (keep) => header.filter((h) => !keep.includes(h));
  const scan = await measure('scan', keepOnly(['label']));
  const nums = await measure('numbers', keepOnly(numeric));
  const txt = await measure('texts', keepOnly(texts));
  const d = (a, b, k) => (a[k] - b[k]).toFixed(0).padStart(5);
  console.log(
    `stages (CPU ms, wasm / js): scan ${scan.wasm.toFixed(0)} / ${scan.js.toFixed(0)}; numbers (${numeric.length} cols) ${d(nums, scan, 'wasm')} / ${d(nums, scan, 'js')};` +
      ` texts (${texts.length} cols) ${d(txt, scan, 'wasm')} / ${d(txt, scan, 'js')}; read ${all.read.toFixed(0)}; all: wasm ${all.wasm.toFixed(0)} / js ${all.js.toFixed(0)}`,
  );
}
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);

/** csvParseBlock over the whole file in wasm memory, as csvBytes.ts calls it; CPU ms per pass. */
async function wasmOnly(header) {
  // --wasm other.wasm: an alternative build of the reader, to compare with the installed one.
  const alt = args.includes('--wasm') ? args[args.indexOf('--wasm') + 1] : null;
  const abort = () => {
    throw new Error('csv_reader.wasm aborted');
  };
  const w =
    alt === null ? await csvReaderInstance() : (await WebAssembly.instantiate(await fs.readFile(alt), { env: { abort } })).instance.exports;
  const bytes = await fs.readFile(path);
  const ptr = w.alloc(bytes.length + 64);
  new Uint8Array(w.memory.buffer, ptr, bytes.length).set(bytes);
  const dataStart = bytes.indexOf(10) + 1;
  const MAX_ROWS = 8192;
  const LIMIT = 1 << 16; // ColumnBuilder DICTIONARY_LIMIT: past it a column's texts are hashed
  const pass = (keep) => {
    const fieldCol = new Int32Array(header.length).fill(-1);
    let kept = 0;
    header.forEach((h, f) => {
      if (keep(h)) fieldCol[f] = kept++;
    });
    const cells = MAX_ROWS * Math.max(kept, 1);
    // tags, vals, starts, lens, codes, hashes, tally (csvBytes.ts WasmBuffers)
    const out = [
      w.alloc(cells * 4),
      w.alloc(cells * 8),
      w.alloc(cells * 4),
      w.alloc(cells * 4),
      w.alloc(cells * 4),
      w.alloc(cells * 8),
      w.alloc(Math.max(kept, 1) * 8 * 4),
    ];
    const fc = w.alloc(header.length * 4);
    new Int32Array(w.memory.buffer, fc, header.length).set(fieldCol);
    const markerData = w.alloc(16);
    const markerIndex = w.alloc(16);
    new Uint8Array(w.memory.buffer, markerData, 2).set([78, 65]); // "NA"
    new Int32Array(w.memory.buffer, markerIndex, 2).set([0, 2]);
    w.csvInit(header.length, fc, 44, markerData, markerIndex, 1);
    w.csvOutputs(MAX_ROWS, ...out);
    const perCol = new Int32Array(Math.max(kept, 1));
    let seen = 0;
    const c0 = process.cpuUsage();
    let off = dataStart;
    let rows = 0;
    while (off < bytes.length) {
      const n = w.csvParseBlock(ptr + off, Math.min(4 << 20, bytes.length - off), off + (4 << 20) >= bytes.length ? 1 : 0, MAX_ROWS);
      if (n <= 0) throw new Error(`csvParseBlock returned ${n} at byte ${off}`);
      rows += w.rowsOut.value;
      off += n;
      for (const e = w.csvEntryCount(); seen < e; seen++) {
        const c = w.csvEntryCol(seen);
        if (++perCol[c] === LIMIT + 1) w.csvHashing(c, 1);
      }
    }
    const ms = cpuMs(process.cpuUsage(c0));
    for (const p of [...out, fc, markerData, markerIndex]) w.free(p);
    return { ms, rows };
  };
  const numeric = (h) => /^(id|num_\d+|label)$/.test(h);
  const only = args.includes('--sets') ? args[args.indexOf('--sets') + 1].split(',') : null;
  const sets = [
    ['all', () => true],
    ['scan', (h) => h === 'label'],
    ['numbers', numeric],
    ['texts', (h) => !numeric(h)],
  ].filter(([label]) => only === null || only.includes(label));
  const res = {};
  for (const [label, keep] of sets) {
    pass(keep);
    const ms = [];
    let rows = 0;
    for (let r = 0; r < REPS; r++) ({ rows, ms: ms[r] } = pass(keep));
    res[label] = median(ms);
    console.log(
      `wasm ${label.padEnd(8)} cpu ${res[label].toFixed(0).padStart(5)} ms  ${((size / 1e6 / res[label]) * 1000).toFixed(0).padStart(5)} MB/s  (${rows} rows, median of ${REPS}, min ${Math.min(...ms).toFixed(0)})`,
    );
  }
  if (only !== null) return;
  console.log(
    `wasm stages (CPU ms): scan ${res.scan.toFixed(0)}; numbers ${(res.numbers - res.scan).toFixed(0)}; texts ${(res.texts - res.scan).toFixed(0)}; load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
}
