/**
 * Issue 17's next-lever measurement: the histogram kernel in WebAssembly (SIMD: the gradient
 * and hessian of a bin added as one f64x2), written here as WebAssembly text and assembled from
 * this source by `wabt` (a devDependency, run in this process: nothing prebuilt is fetched),
 * against the engine's TypeScript kernel (`accumulateHistogram`), on the real Home Credit bins
 * when the bench file exists (else uniform random bins), on the node sizes a tree visits.
 * Same rows, same order: the sums are checked equal bit for bit before timing. Not wired into
 * training; the ratio says whether moving the bins, rows and histograms into WebAssembly memory
 * would pay.
 *
 *   node --import tsx bench/engine/wasm-histogram.ts [ROWS=120000] [REPEATS=5]
 */
import { existsSync, readFileSync } from 'node:fs';
import wabtInit from 'wabt';
import { binTrainingMatrix } from '../../src/engine/binning/bin-matrix.ts';
import { accumulateHistogram, gatherGradPairs } from '../../src/engine/histogram/histogram.ts';
import { denseMatrix } from '../../src/engine/matrix.ts';
import { Rng } from '../../src/engine/random.ts';

const numRows = Number(process.argv[2] ?? 120_000);
const repeats = Number(process.argv[3] ?? 5);
const HC = 'data/bench/engine/home-credit-train.bin';
const rng = new Rng(17);

/** Column-major values: the Home Credit bench file's first rows, or uniform noise. */
function loadValues(): { values: Float64Array; cols: number; source: string } {
  if (existsSync(HC)) {
    const buf = readFileSync(HC);
    const fileRows = buf.readInt32LE(4);
    const cols = buf.readInt32LE(8);
    const start = buf.byteOffset + 16 + 4 * fileRows;
    const x = new Float32Array(buf.buffer.slice(start, start + 4 * numRows * cols));
    const values = new Float64Array(numRows * cols);
    for (let r = 0; r < numRows; r++)
      for (let c = 0; c < cols; c++) values[c * numRows + r] = x[r * cols + c] as number;
    return { values, cols, source: HC };
  }
  const cols = 200;
  const values = new Float64Array(numRows * cols).map(() =>
    rng.next() < 0.1 ? Number.NaN : rng.next(),
  );
  return { values, cols, source: 'uniform random' };
}

const { values, cols, source } = loadValues();
const binned = binTrainingMatrix(denseMatrix(values, numRows, cols, 'column-major'), 255);
const features = Int32Array.from({ length: cols - (cols % 4) }, (_, f) => f);
const grad = new Float64Array(numRows).map(() => rng.next() - 0.3);
const hess = new Float64Array(numRows).map(() => rng.next() * 0.25);

// Node sizes a tree visits: the root, then halves down to 500 rows (sorted row indices).
const nodes: Int32Array[] = [];
for (let size = numRows; size >= 500; size = Math.floor(size / 2)) {
  for (let k = 0; k < Math.min(4, Math.floor(numRows / size)); k++) {
    const keep = size / numRows;
    nodes.push(Int32Array.from({ length: numRows }, (_, r) => r).filter(() => rng.next() < keep));
  }
}

/** The kernel: PER features per pass over a node's rows, as the TypeScript one does. */
function kernelText(per: number): string {
  const params = Array.from({ length: per }, (_, k) => `(param $c${k} i32) (param $h${k} i32)`);
  const body = Array.from(
    { length: per },
    (_, k) => `
        (local.set $a (i32.add (local.get $h${k})
          (i32.mul (i32.load8_u (i32.add (local.get $c${k}) (local.get $r))) (i32.const 24))))
        (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (local.get $gh)))
        (f64.store offset=16 (local.get $a)
          (f64.add (f64.load offset=16 (local.get $a)) (f64.const 1)))`,
  ).join('');
  return `
  (func (export "acc${per}") ${params.join(' ')}
    (param $rows i32) (param $pairs i32) (param $n i32)
    (local $r i32) (local $gh v128) (local $a i32) (local $end i32)
    (local.set $end (i32.add (local.get $rows) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $rows) (local.get $end)))
      (loop $next
        (local.set $r (i32.load (local.get $rows)))
        (local.set $gh (v128.load (local.get $pairs)))${body}
        (local.set $rows (i32.add (local.get $rows) (i32.const 4)))
        (local.set $pairs (i32.add (local.get $pairs) (i32.const 16)))
        (br_if $next (i32.lt_u (local.get $rows) (local.get $end))))))`;
}

const wat = `(module (memory (import "env" "memory") 1) ${kernelText(4)} ${kernelText(8)})`;
const wabt = await wabtInit();
const parsed = wabt.parseWat('histogram.wat', wat, { simd: true });
const { buffer: wasmBytes } = parsed.toBinary({});

// One WebAssembly memory holding the bins (column-major), a node's rows and gradient pairs, and
// one histogram; JavaScript fills them through views, as the engine would allocate them there.
const histLength = 3 * binned.totalBins;
const layout = { bins: 0, rows: 0, pairs: 0, hist: 0, end: 0 };
layout.rows = Math.ceil(binned.bins.length / 16) * 16;
layout.pairs = layout.rows + 4 * numRows;
layout.hist = layout.pairs + 16 * numRows;
layout.end = layout.hist + 8 * histLength;
const memory = new WebAssembly.Memory({ initial: Math.ceil(layout.end / 65536) });
const { instance } = await WebAssembly.instantiate(wasmBytes, { env: { memory } });
const acc4 = instance.exports.acc4 as (...args: number[]) => void;
const acc8 = instance.exports.acc8 as (...args: number[]) => void;
new Uint8Array(memory.buffer, layout.bins, binned.bins.length).set(binned.bins);
const wasmRows = new Int32Array(memory.buffer, layout.rows, numRows);
const wasmPairs = new Float64Array(memory.buffer, layout.pairs, 2 * numRows);
const wasmHist = new Float64Array(memory.buffer, layout.hist, histLength);

function wasmBuild(rows: Int32Array, per: 4 | 8): void {
  wasmRows.set(rows);
  gatherGradPairs(rows, 0, rows.length, grad, hess, wasmPairs);
  const { binOffsets } = binned;
  const args: number[] = [];
  for (let k = 0; k + per <= features.length; k += per) {
    args.length = 0;
    for (let j = 0; j < per; j++) {
      const f = features[k + j] as number;
      wasmHist.fill(0, 3 * (binOffsets[f] as number), 3 * (binOffsets[f + 1] as number));
      args.push(layout.bins + f * numRows, layout.hist + 24 * (binOffsets[f] as number));
    }
    (per === 4 ? acc4 : acc8)(...args, layout.rows, layout.pairs, rows.length);
  }
}

const tsHist = new Float64Array(histLength);
const tsPairs = new Float64Array(2 * numRows);
function tsBuild(rows: Int32Array): void {
  gatherGradPairs(rows, 0, rows.length, grad, hess, tsPairs);
  accumulateHistogram(binned, features, 0, features.length, rows, 0, rows.length, tsPairs, tsHist);
}

// Same sums, bit for bit, on every node size.
for (const rows of nodes) {
  tsBuild(rows);
  for (const per of [4, 8] as const) {
    wasmBuild(rows, per);
    for (const f of features) {
      for (
        let i = 3 * (binned.binOffsets[f] as number);
        i < 3 * (binned.binOffsets[f + 1] as number);
        i++
      ) {
        if (!Object.is(wasmHist[i], tsHist[i])) throw new Error(`wasm${per} differs at ${i}`);
      }
    }
  }
}

const kernels: Record<string, () => void> = {
  typescript: () => {
    for (const rows of nodes) tsBuild(rows);
  },
  wasm4: () => {
    for (const rows of nodes) wasmBuild(rows, 4);
  },
  wasm8: () => {
    for (const rows of nodes) wasmBuild(rows, 8);
  },
};
const times: Record<string, number[]> = { typescript: [], wasm4: [], wasm8: [] };
for (const run of Object.values(kernels)) run();
for (let i = 0; i < repeats; i++) {
  for (const [name, run] of Object.entries(kernels)) {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    times[name]?.push((used.user + used.system) / 1e6);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const cells = nodes.reduce((s, rows) => s + rows.length, 0) * features.length;
const base = median(times.typescript as number[]);
console.log(
  JSON.stringify({
    source,
    numRows,
    features: features.length,
    nodes: nodes.length,
    repeats,
    load: (await import('node:os')).loadavg().map((v) => Number(v.toFixed(2))),
    nsPerCell: Object.fromEntries(
      Object.entries(times).map(([k, v]) => [k, Number(((median(v) * 1e9) / cells).toFixed(2))]),
    ),
    speedupOverTypescript: Object.fromEntries(
      Object.entries(times).map(([k, v]) => [k, Number((base / median(v)).toFixed(2))]),
    ),
  }),
);
