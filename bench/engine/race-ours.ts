/**
 * Our side of the whole-process race (race.sh): what a user of creditlens runs, in one process,
 * parsing included. Reads the CSV through DuckDB (read_csv with every column typed FLOAT, as
 * XGBoost's side reads float32, and nothing sniffed) with src/data's own chunk-by-chunk reader
 * (Db.numericColumns, NULL -> NaN; no CSV parsing in JavaScript), so that a faster reader in
 * src/data shows here. Trains on the first 80% of the rows with XGBoost's side's
 * hyper-parameters (depth DEPTH, 2^DEPTH leaves, eta 0.1, min_child_weight 1, 255 cut bins + the
 * missing bin = XGBoost's max_bin 256), predicts the last 20% and prints one JSON line
 * {readS, trainS, predictS, auc}. DuckDB, training and prediction all get THREADS threads.
 *
 *   node --import tsx bench/engine/race-ours.ts DATA.csv ROUNDS DEPTH THREADS
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { openDb, quoteLiteral } from '../../src/data/db.ts';
import { denseMatrix, predict, train } from '../../src/engine/index.ts';
import { rocAuc } from '../../src/model/evaluation/metrics.ts';

const [path, roundsArg, depthArg, threadsArg] = process.argv.slice(2);
if (!path || !roundsArg || !depthArg || !threadsArg) {
  throw new Error('usage: race-ours.ts DATA.csv ROUNDS DEPTH THREADS');
}
const depth = Number(depthArg);
const threads = Number(threadsArg);

/** The header line only (the column list read_csv is given), from the file's first 1 MiB. */
function headerOf(file: string): string[] {
  const head = Buffer.alloc(1 << 20);
  const fd = openSync(file, 'r');
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const end = head.subarray(0, n).indexOf('\n');
  if (end < 0) throw new Error(`${file}: no header line in the first MiB`);
  return head.toString('utf8', 0, end).replace(/\r$/, '').split(',');
}

let t = performance.now();
const header = headerOf(path);
if (header[0] !== 'label') throw new Error(`${path}: the first column is not 'label'`);
const db = await openDb(':memory:');
await db.run(`SET threads = ${threads}`);
const columnTypes = header.map((name) => `${quoteLiteral(name)}: 'FLOAT'`).join(', ');
const { columns, rowCount } = await db.numericColumns(
  `SELECT * FROM read_csv(${quoteLiteral(path)}, header = true, auto_detect = false,
     delim = ',', quote = '"', escape = '"', strict_mode = true, columns = {${columnTypes}})`,
);
db.close();
const labels = columns[0] as Float64Array;
const features = columns.splice(1); // columns keeps the labels only
const cols = features.length;
const nTrain = Math.floor(rowCount * 0.8);
const nHold = rowCount - nTrain;
// Column-major matrices of the two row ranges: one copy of each column's slice.
const trainValues = new Float64Array(nTrain * cols);
const holdValues = new Float64Array(nHold * cols);
features.forEach((column, c) => {
  trainValues.set(column.subarray(0, nTrain), c * nTrain);
  holdValues.set(column.subarray(nTrain), c * nHold);
});
features.length = 0; // the per-column arrays are no longer needed
const readS = (performance.now() - t) / 1000;

t = performance.now();
const model = train(
  {
    features: denseMatrix(trainValues, nTrain, cols, 'column-major'),
    labels: labels.subarray(0, nTrain),
  },
  {
    params: {
      objective: 'binary:logistic',
      numRounds: Number(roundsArg),
      maxLeaves: 2 ** depth,
      maxDepth: depth,
      learningRate: 0.1,
      minChildWeight: 1,
      minDataInLeaf: 0,
      maxBin: 255,
      nthread: threads,
    },
  },
);
const trainS = (performance.now() - t) / 1000;

t = performance.now();
const prob = predict(model, denseMatrix(holdValues, nHold, cols, 'column-major'), {
  nthread: threads,
});
const predictS = (performance.now() - t) / 1000;
const auc = rocAuc(labels.subarray(nTrain), prob);
console.log(JSON.stringify({ readS, trainS, predictS, auc }));
