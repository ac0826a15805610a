/**
 * Our side of the quick side-by-side (side-by-side.sh): training (binning included) and ten
 * predictions of the holdout rows (after untimed warm-ups, on THREADS threads), with ours.ts's
 * hyper-parameters (63 leaves, or depth D). The holdout matrix is allocated in shared memory, as
 * a scoring process can build its batches (sharedDenseMatrix), so that engines with in-place prediction read it where
 * it is (older engines copy it as any matrix), and the warm-up waits for the prediction workers
 * to load, as a serving process has them; QUICK_PLAIN=1 keeps the earlier conditions (a plain
 * matrix, one warm-up call that does not wait for the workers).
 *
 *   [QUICK_PLAIN=1] node --import tsx bench/engine/quick-ours.ts DATA.bin ROUNDS [THREADS=0] [DEPTH=0]
 */
import { readFileSync } from 'node:fs';
import { denseMatrix, predict, train } from '../../src/engine/index.ts';
import { predictTuning } from '../../src/engine/parallel/predict-workers.ts';

const [path, roundsArg, threadsArg, depthArg] = process.argv.slice(2);
const buf = readFileSync(path as string);
const fileRows = buf.readInt32LE(4);
const cols = buf.readInt32LE(8);
const rows = fileRows;
const y = new Float32Array(buf.buffer.slice(buf.byteOffset + 16, buf.byteOffset + 16 + 4 * rows));
const xStart = buf.byteOffset + 16 + 4 * fileRows;
const x = new Float32Array(buf.buffer.slice(xStart, xStart + 4 * rows * cols));
const nTrain = Math.floor(rows * 0.8);
const tv = new Float64Array(nTrain * cols);
for (let r = 0; r < nTrain; r++)
  for (let c = 0; c < cols; c++) tv[c * nTrain + r] = x[r * cols + c] as number;
const plain = process.env.QUICK_PLAIN === '1';
const hv = plain
  ? new Float64Array((rows - nTrain) * cols)
  : new Float64Array(new SharedArrayBuffer(8 * (rows - nTrain) * cols));
for (let r = nTrain; r < rows; r++)
  for (let c = 0; c < cols; c++) hv[(r - nTrain) * cols + c] = x[r * cols + c] as number;
const depth = Number(depthArg ?? 0);
const PREDICTIONS = 10;
let t = performance.now();
const model = train(
  { features: denseMatrix(tv, nTrain, cols, 'column-major'), labels: y.subarray(0, nTrain) },
  {
    params: {
      objective: 'binary:logistic',
      numRounds: Number(roundsArg),
      maxLeaves: depth > 0 ? 2 ** depth : 63,
      maxDepth: depth,
      learningRate: 0.1,
      minChildWeight: 1,
      minDataInLeaf: 0,
      maxBin: 255,
      nthread: Number(threadsArg ?? 0),
    },
  },
);
const trainS = (performance.now() - t) / 1000;
const hold = denseMatrix(hv, rows - nTrain, cols, 'row-major');
// THREADS for prediction too (engines before issue 17's prediction pool ignore the option); the
// untimed warm-up starts our pool's workers (waiting for them to load, unless QUICK_PLAIN) and
// lets their code be compiled, as a serving process has them.
const predictOptions = { nthread: Number(threadsArg ?? 0) };
predictTuning.waitForWorkers = !plain;
for (let i = 0; i < (plain ? 1 : 3); i++) predict(model, hold, predictOptions);
// Wall time, and CPU time of the whole process (every thread): rows per CPU second tells the
// work each side spends per row, which a loaded machine does not distort as much as wall time.
t = performance.now();
const cpu = process.cpuUsage();
for (let i = 0; i < PREDICTIONS; i++) predict(model, hold, predictOptions);
const used = process.cpuUsage(cpu);
const predS = (performance.now() - t) / 1000 / PREDICTIONS;
const predCpuS = (used.user + used.system) / 1e6 / PREDICTIONS;
const holdRows = rows - nTrain;
console.log(
  JSON.stringify({
    trainS,
    predRowsPerS: holdRows / predS,
    predRowsPerCpuS: holdRows / predCpuS,
  }),
);
