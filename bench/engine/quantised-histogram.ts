/**
 * Issue 17's measurement before wiring quantised gradients into training: the histogram kernel
 * as it is (float64 gradient pairs, three float64 adds per bin: gradient, hessian, count)
 * against two integer variants fed by gradients quantised to small integers (LightGBM 4 style):
 *   int32x3   Int32Array histogram, three int adds per bin (half the bytes per bin);
 *   packed2   Float64Array histogram of two numbers per bin, the hessian and count packed into
 *             one exact integer (h·2^21 + 1), so two adds per bin;
 *   rowWise64 the float64 kernel over a row-major copy of the bins (a row's bins contiguous,
 *             XGBoost's and LightGBM's row-wise layout), to tell the adds from the bin gathers.
 * The same rows, bins and node sizes for every kernel, kernels alternated, CPU time per kernel
 * (one thread), medians over repeats. Checks that the integer sums equal the float64 sums of
 * the same quantised values, so the kernels do the same work.
 *
 *   node --import tsx bench/engine/quantised-histogram.ts [ROWS=80000] [FEATURES=100] [REPEATS=7]
 */
import { Rng } from '../../src/engine/random.ts';

const numRows = Number(process.argv[2] ?? 80_000);
const numFeatures = Number(process.argv[3] ?? 100);
const repeats = Number(process.argv[4] ?? 7);
const BINS = 256;
const rng = new Rng(17);

// Bins of a column-major binned matrix, skewed like real quantile bins with a missing bin 0.
const bins = new Uint8Array(numRows * numFeatures);
for (let i = 0; i < bins.length; i++) bins[i] = rng.next() < 0.1 ? 0 : 1 + rng.nextInt(BINS - 1);
// Quantised logistic gradients: g in [−Q, Q], h in [0, Q] (integers), and their float64 copy.
const Q = 127;
const qg = new Int32Array(numRows);
const qh = new Int32Array(numRows);
for (let r = 0; r < numRows; r++) {
  qg[r] = Math.round((2 * rng.next() - 1) * Q);
  qh[r] = Math.round(rng.next() * Q * 0.25);
}
// Node sizes a 63-leaf tree visits: the root, then halves down to small leaves.
const nodes: Int32Array[] = [];
for (let size = numRows; size >= 500; size = Math.floor(size / 2)) {
  for (let k = 0; k < Math.min(8, Math.floor(numRows / size)); k++) {
    const rows = new Int32Array(size);
    let at = 0;
    const keep = size / numRows;
    for (let r = 0; r < numRows && at < size; r++) if (rng.next() < keep * 1.05) rows[at++] = r;
    nodes.push(rows.subarray(0, at));
  }
}

function float64x3(rows: Int32Array, hist: Float64Array): void {
  const n = rows.length;
  const pairs = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const r = rows[i] as number;
    pairs[2 * i] = qg[r] as number;
    pairs[2 * i + 1] = qh[r] as number;
  }
  hist.fill(0);
  for (let f = 0; f < numFeatures; f++) {
    const column = bins.subarray(f * numRows, (f + 1) * numRows);
    const from = 3 * BINS * f;
    for (let i = 0; i < n; i++) {
      const at = from + 3 * (column[rows[i] as number] as number);
      hist[at] = (hist[at] as number) + (pairs[2 * i] as number);
      hist[at + 1] = (hist[at + 1] as number) + (pairs[2 * i + 1] as number);
      hist[at + 2] = (hist[at + 2] as number) + 1;
    }
  }
}

function int32x3(rows: Int32Array, hist: Int32Array): void {
  const n = rows.length;
  const pairs = new Int32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const r = rows[i] as number;
    pairs[2 * i] = qg[r] as number;
    pairs[2 * i + 1] = qh[r] as number;
  }
  hist.fill(0);
  for (let f = 0; f < numFeatures; f++) {
    const column = bins.subarray(f * numRows, (f + 1) * numRows);
    const from = 3 * BINS * f;
    for (let i = 0; i < n; i++) {
      const at = from + 3 * (column[rows[i] as number] as number);
      hist[at] = ((hist[at] as number) + (pairs[2 * i] as number)) | 0;
      hist[at + 1] = ((hist[at + 1] as number) + (pairs[2 * i + 1] as number)) | 0;
      hist[at + 2] = ((hist[at + 2] as number) + 1) | 0;
    }
  }
}

const PACK = 2 ** 21;
function packed2(rows: Int32Array, hist: Float64Array): void {
  const n = rows.length;
  const pairs = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const r = rows[i] as number;
    pairs[2 * i] = qg[r] as number;
    pairs[2 * i + 1] = (qh[r] as number) * PACK + 1;
  }
  hist.fill(0);
  for (let f = 0; f < numFeatures; f++) {
    const column = bins.subarray(f * numRows, (f + 1) * numRows);
    const from = 2 * BINS * f;
    for (let i = 0; i < n; i++) {
      const at = from + 2 * (column[rows[i] as number] as number);
      hist[at] = (hist[at] as number) + (pairs[2 * i] as number);
      hist[at + 1] = (hist[at + 1] as number) + (pairs[2 * i + 1] as number);
    }
  }
}

// The same bins row-major (a row's bins contiguous), as XGBoost's and LightGBM's row-wise kernels.
const binsByRow = new Uint8Array(numRows * numFeatures);
for (let f = 0; f < numFeatures; f++)
  for (let r = 0; r < numRows; r++)
    binsByRow[r * numFeatures + f] = bins[f * numRows + r] as number;

function rowWise64(rows: Int32Array, hist: Float64Array): void {
  const n = rows.length;
  hist.fill(0);
  for (let i = 0; i < n; i++) {
    const r = rows[i] as number;
    const g = qg[r] as number;
    const h = qh[r] as number;
    const base = r * numFeatures;
    for (let f = 0, from = 0; f < numFeatures; f++, from += 3 * BINS) {
      const at = from + 3 * (binsByRow[base + f] as number);
      hist[at] = (hist[at] as number) + g;
      hist[at + 1] = (hist[at + 1] as number) + h;
      hist[at + 2] = (hist[at + 2] as number) + 1;
    }
  }
}

const h64 = new Float64Array(3 * BINS * numFeatures);
const hRow = new Float64Array(3 * BINS * numFeatures);
const h32 = new Int32Array(3 * BINS * numFeatures);
const hPacked = new Float64Array(2 * BINS * numFeatures);
// Same sums: every kernel on the root.
float64x3(nodes[0] as Int32Array, h64);
int32x3(nodes[0] as Int32Array, h32);
packed2(nodes[0] as Int32Array, hPacked);
rowWise64(nodes[0] as Int32Array, hRow);
for (let b = 0; b < BINS * numFeatures; b++) {
  const packed = hPacked[2 * b + 1] as number;
  const ok =
    h64[3 * b] === h32[3 * b] &&
    h64[3 * b + 1] === h32[3 * b + 1] &&
    h64[3 * b + 2] === h32[3 * b + 2] &&
    h64[3 * b] === hPacked[2 * b] &&
    h64[3 * b] === hRow[3 * b] &&
    h64[3 * b + 1] === hRow[3 * b + 1] &&
    h64[3 * b + 2] === hRow[3 * b + 2] &&
    h64[3 * b + 1] === Math.floor(packed / PACK) &&
    h64[3 * b + 2] === packed % PACK;
  if (!ok) throw new Error(`kernels disagree at bin ${b}`);
}

const kernels = {
  float64x3: () => {
    for (const rows of nodes) float64x3(rows, h64);
  },
  int32x3: () => {
    for (const rows of nodes) int32x3(rows, h32);
  },
  packed2: () => {
    for (const rows of nodes) packed2(rows, hPacked);
  },
  rowWise64: () => {
    for (const rows of nodes) rowWise64(rows, hRow);
  },
};
const times: Record<string, number[]> = { float64x3: [], int32x3: [], packed2: [], rowWise64: [] };
for (const run of Object.values(kernels)) run(); // warm-up (JIT)
for (let i = 0; i < repeats; i++) {
  for (const [name, run] of Object.entries(kernels)) {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    (times[name] as number[]).push((used.user + used.system) / 1e6);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const base = median(times.float64x3 as number[]);
const rowsBuilt = nodes.reduce((s, rows) => s + rows.length, 0);
console.log(
  JSON.stringify({
    numRows,
    numFeatures,
    nodes: nodes.length,
    rowsBuilt,
    repeats,
    load: (await import('node:os')).loadavg().map((v) => Number(v.toFixed(2))),
    cpuS: Object.fromEntries(
      Object.entries(times).map(([k, v]) => [k, Number(median(v).toFixed(3))]),
    ),
    speedupOverFloat64: Object.fromEntries(
      Object.entries(times).map(([k, v]) => [k, Number((base / median(v)).toFixed(2))]),
    ),
  }),
);
