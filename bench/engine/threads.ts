/**
 * Training on 1 thread against N threads, alternated in one process (A B A B) so that machine
 * noise hits both alike. Prints one line per run, then the median ratios, and checks the models
 * are identical. Same hyper-parameters and split as ours.ts (80% training rows). Also reports the
 * main thread's own CPU time (Linux /proc): on a busy machine wall times mostly measure the other
 * load, while the main thread's CPU shows how much of the critical path the workers took over.
 *
 *   node --import tsx bench/engine/threads.ts DATA.bin ROUNDS [THREADS=2] [PAIRS=2]
 */
import { readFileSync } from 'node:fs';
import { denseMatrix, serializeModel, train } from '../../src/engine/index.ts';
import { histogramChunksByWorkers } from '../../src/engine/parallel/histogram-workers.ts';

const [path, roundsArg, threadsArg, pairsArg] = process.argv.slice(2);
if (path === undefined || roundsArg === undefined) {
  process.stderr.write(
    'usage: node --import tsx bench/engine/threads.ts DATA.bin ROUNDS [THREADS] [PAIRS]\n',
  );
  process.exit(2);
}
const threads = Number(threadsArg ?? 2);
const pairs = Number(pairsArg ?? 2);

const buf = readFileSync(path);
if (buf.toString('latin1', 0, 4) !== 'CLB1') throw new Error(`${path}: not a CLB1 matrix file`);
const fileRows = buf.readInt32LE(4);
const cols = buf.readInt32LE(8);
const rows = Math.floor(fileRows * 0.8);
const y = new Float32Array(buf.buffer.slice(buf.byteOffset + 16, buf.byteOffset + 16 + 4 * rows));
const xStart = buf.byteOffset + 16 + 4 * fileRows;
const x = new Float32Array(buf.buffer.slice(xStart, xStart + 4 * rows * cols));
// Column-major, as ours.ts trains.
const values = new Float64Array(rows * cols);
for (let r = 0; r < rows; r++) {
  for (let c = 0; c < cols; c++) values[c * rows + r] = x[r * cols + c] as number;
}
const features = denseMatrix(values, rows, cols, 'column-major');

const params = {
  numRounds: Number(roundsArg),
  maxLeaves: 63,
  learningRate: 0.1,
  minChildWeight: 1,
  minDataInLeaf: 0,
  maxBin: 255,
};

/** CPU seconds of the calling thread (utime + stime from /proc, 100 ticks per second). */
function threadCpu(): number {
  const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function run(nthread: number): {
  wall: number;
  cpu: number;
  mainCpu: number;
  json: string;
  tasks: number;
} {
  const tasks = histogramChunksByWorkers();
  const main0 = threadCpu();
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const model = train({ features, labels: y }, { params: { ...params, nthread } });
  const wall = (performance.now() - wall0) / 1000;
  const { user, system } = process.cpuUsage(cpu0);
  const mainCpu = threadCpu() - main0;
  const json = serializeModel({ ...model, params: { ...model.params, nthread: 0 } });
  const cpu = (user + system) / 1e6;
  return { wall, cpu, mainCpu, json, tasks: histogramChunksByWorkers() - tasks };
}

const wallRatios: number[] = [];
const cpuRatios: number[] = [];
const mainRatios: number[] = [];
let identical = true;
for (let p = 0; p < pairs; p++) {
  const one = run(1);
  const many = run(threads);
  identical &&= one.json === many.json;
  wallRatios.push(many.wall / one.wall);
  cpuRatios.push(many.cpu / one.cpu);
  mainRatios.push(many.mainCpu / one.mainCpu);
  for (const [n, r] of [
    [1, one],
    [threads, many],
  ] as const) {
    process.stdout.write(
      `threads ${n}: wall ${r.wall.toFixed(2)} s, cpu ${r.cpu.toFixed(2)} s, main thread cpu ${r.mainCpu.toFixed(2)} s, chunks by workers ${r.tasks}\n`,
    );
  }
}
const median = (a: number[]) => [...a].sort((p, q) => p - q)[Math.floor(a.length / 2)] as number;
process.stdout.write(
  `${rows} x ${cols}, ${params.numRounds} rounds: wall ratio ${threads}/1 ${median(wallRatios).toFixed(3)}, ` +
    `cpu ratio ${median(cpuRatios).toFixed(3)}, main-thread cpu ratio ${median(mainRatios).toFixed(3)}, ` +
    `models identical: ${identical}\n`,
);
