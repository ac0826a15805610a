/**
 * Our side of the engine benchmark: the same split and hyper-parameters as xgb_side.py, on the
 * same CLB1 file (see matrix_file.py). Prints one JSON line of measurements.
 *
 *   node --import tsx bench/engine/ours.ts DATA.bin ROUNDS [MAX_ROWS] [THREADS]
 *
 * THREADS is the engine's nthread (default 0: every core when the data is large enough).
 */
import { readFileSync } from 'node:fs';
import { denseMatrix, predict, ShapExplainer, train } from '../../src/engine/index.ts';
import { auc } from '../../src/engine/metric/metrics.ts';
import { predictTuning } from '../../src/engine/parallel/predict-workers.ts';
import { resolveThreadCount } from '../../src/engine/parallel/thread-count.ts';

const [path, roundsArg, maxRowsArg, threadsArg] = process.argv.slice(2);
if (path === undefined || roundsArg === undefined) {
  process.stderr.write(
    'usage: node --import tsx bench/engine/ours.ts DATA.bin ROUNDS [MAX_ROWS] [THREADS]\n',
  );
  process.exit(2);
}
const rounds = Number(roundsArg);
const maxRows = Number(maxRowsArg ?? 0);
const nthread = Number(threadsArg ?? 0);

function readMatrix(file: string): {
  x: Float32Array;
  y: Float32Array;
  rows: number;
  cols: number;
} {
  const buf = readFileSync(file);
  if (buf.toString('latin1', 0, 4) !== 'CLB1') throw new Error(`${file}: not a CLB1 matrix file`);
  const fileRows = buf.readInt32LE(4);
  const cols = buf.readInt32LE(8);
  const rows = maxRows > 0 ? Math.min(maxRows, fileRows) : fileRows;
  // Copy into aligned buffers (the Buffer's offset need not be a multiple of 4).
  const y = new Float32Array(rows);
  y.set(new Float32Array(buf.buffer.slice(buf.byteOffset + 16, buf.byteOffset + 16 + 4 * rows)));
  const xStart = buf.byteOffset + 16 + 4 * fileRows;
  const x = new Float32Array(buf.buffer.slice(xStart, xStart + 4 * rows * cols));
  return { x, y, rows, cols };
}

/** Rows [from, to) of a row-major float32 matrix as a float64 matrix in the given layout. */
function slice(x: Float32Array, cols: number, from: number, to: number, columnMajor: boolean) {
  const n = to - from;
  const out = new Float64Array(n * cols);
  for (let r = 0; r < n; r++) {
    const src = (from + r) * cols;
    for (let c = 0; c < cols; c++) {
      out[columnMajor ? c * n + r : r * cols + c] = x[src + c] as number;
    }
  }
  return denseMatrix(out, n, cols, columnMajor ? 'column-major' : 'row-major');
}

function clock(): { wall: number; cpu: number } {
  const { user, system } = process.cpuUsage();
  return { wall: performance.now() / 1000, cpu: (user + system) / 1e6 };
}

function since(start: { wall: number; cpu: number }): { wall: number; cpu: number } {
  const now = clock();
  return { wall: now.wall - start.wall, cpu: now.cpu - start.cpu };
}

const { x, y, rows, cols } = readMatrix(path);
const nTrain = Math.floor(rows * 0.8);
const trainX = slice(x, cols, 0, nTrain, true);
const trainY = y.subarray(0, nTrain);
const holdX = slice(x, cols, nTrain, rows, false);
const holdY = Float64Array.from(y.subarray(nTrain));

const params = {
  objective: 'binary:logistic',
  numRounds: rounds,
  maxLeaves: 63,
  maxDepth: 0,
  learningRate: 0.1,
  l2: 1,
  l1: 0,
  minChildWeight: 1,
  minDataInLeaf: 0,
  maxBin: 255,
  seed: 0,
  nthread,
} as const;
const threads = resolveThreadCount(nthread, nTrain, cols);

let t = clock();
const model = train(
  { features: trainX, labels: trainY },
  {
    params,
    onProgress: ({ round }) => {
      if (round % 25 === 0)
        process.stderr.write(`ours: round ${round}, ${since(t).wall.toFixed(1)} s\n`);
    },
  },
);
const trainTime = since(t);

// Prediction as a serving process has it: the worker pool started and warm (untimed calls that
// wait for the workers), then the median of three timed calls, like xgb_side.py's warm
// inplace_predict (both sides read the holdout rows as they are, no DMatrix or copy built first).
predictTuning.waitForWorkers = true;
for (let i = 0; i < 2; i++) predict(model, holdX, { nthread });
const predictWalls: number[] = [];
let prob: Float64Array<ArrayBufferLike> = new Float64Array(0);
for (let i = 0; i < 3; i++) {
  t = clock();
  prob = predict(model, holdX, { nthread });
  predictWalls.push(since(t).wall);
}
const predictTime = { wall: [...predictWalls].sort((a, b) => a - b)[1] as number };
const holdAuc = auc.evaluate(prob, holdY, new Float64Array(holdY.length).fill(1));

const explainer = new ShapExplainer(model);
const nShap = Math.min(10_000, holdX.numRows);
const shapX = denseMatrix(holdX.values.subarray(0, nShap * cols), nShap, cols, 'row-major');
t = clock();
explainer.explainBatch(shapX);
const shapTime = since(t);

const latencies: number[] = [];
for (let i = 0; i < 200; i++) {
  const row = holdX.values.subarray(i * cols, (i + 1) * cols);
  const t0 = performance.now();
  explainer.explainRow(row);
  latencies.push(performance.now() - t0);
}
latencies.sort((a, b) => a - b);

// The latency target is for 300 trees of depth 6: a second model (depth-wise limits,
// trained on at most 50,000 rows to keep the run short), explained like the first.
const DEPTH6_ROUNDS = 300;
const depth6Rows = Math.min(50_000, nTrain);
const depth6X = slice(x, cols, 0, depth6Rows, true);
const model6 = train(
  { features: depth6X, labels: trainY.subarray(0, depth6Rows) },
  { params: { ...params, numRounds: DEPTH6_ROUNDS, maxDepth: 6, maxLeaves: 64 } },
);
const explainer6 = new ShapExplainer(model6);
t = clock();
explainer6.explainBatch(shapX);
const shap6Time = since(t);
const latencies6: number[] = [];
for (let i = 0; i < 200; i++) {
  const row = holdX.values.subarray(i * cols, (i + 1) * cols);
  const t0 = performance.now();
  explainer6.explainRow(row);
  latencies6.push(performance.now() - t0);
}
latencies6.sort((a, b) => a - b);

process.stdout.write(
  `${JSON.stringify({
    side: 'ours',
    trainRows: nTrain,
    holdoutRows: holdX.numRows,
    cols,
    rounds,
    trainWall: trainTime.wall,
    trainCpu: trainTime.cpu,
    threads,
    auc: holdAuc,
    predictRowsPerSec: holdX.numRows / predictTime.wall,
    shapRows: nShap,
    shapRowsPerSec: nShap / shapTime.wall,
    oneRowShapMedianMs: ((latencies[99] as number) + (latencies[100] as number)) / 2,
    depth6TrainRows: depth6Rows,
    depth6Rounds: DEPTH6_ROUNDS,
    depth6ShapRowsPerSec: nShap / shap6Time.wall,
    depth6OneRowShapMedianMs: ((latencies6[99] as number) + (latencies6[100] as number)) / 2,
  })}\n`,
);
