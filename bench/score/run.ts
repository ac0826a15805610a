/**
 * `creditlens score` throughput: rows/s without reasons and with 4 reason codes, side by side, on
 * a generated application file, and the command's peak memory on two file sizes (streaming: it
 * should not grow with the file). The model: the demo's fabricated run record (ten features) with
 * an engine model trained here on generated train clients (300 trees of depth 6), the size of a
 * served model. The real command is run (node bin/creditlens.js score), and its rate is the one
 * its progress bar reports for the scoring loop (the start-up of tsx is not in it).
 *
 * Run: node --import tsx bench/score/run.ts [rows=50000]
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { readApplications } from '../../src/cli/score/application-csv.ts';
import { featuresInMemory } from '../../src/data/features/what-if.ts';
import { parseCsvLine } from '../../src/data/generate/csv-read.ts';
import { generateDataset } from '../../src/data/generate/index.ts';
import { fromColumns, train } from '../../src/engine/index.ts';
import { saveRun } from '../../src/model/registry/index.ts';
import { fabricateDraft } from '../../src/model/registry/test-support.ts';

const exec = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const rows = Number(process.argv[2] ?? 50_000);
const dir = mkdtempSync(join(tmpdir(), 'creditlens-bench-score-'));

try {
  // Train clients (with TARGET) for the model; the application file to score: `rows` test clients.
  await generateDataset({ outDir: join(dir, 'gen'), clients: 20_000, testClients: rows, seed: 7 });
  const draft = fabricateDraft();
  const names = draft.featureNames;
  const trainFile = join(dir, 'gen', 'application_train.csv');
  const text = readFileSync(trainFile, 'utf8').split('\n');
  const targetAt = parseCsvLine(text[0] ?? '').indexOf('TARGET');
  const columns = names.map(() => [] as number[]);
  const labels: number[] = [];
  for await (const line of readApplications(trainFile)) {
    if (!line.application) continue;
    const values = featuresInMemory(line.application, names, () => null);
    values.forEach((v, j) => {
      columns[j]?.push(v ?? Number.NaN);
    });
    labels.push(Number(parseCsvLine(text[line.line - 1] ?? '')[targetAt]));
  }
  const model = train(
    {
      features: fromColumns(columns.map((c) => Float64Array.from(c))),
      labels: Float64Array.from(labels),
    },
    {
      params: { objective: 'binary:logistic', num_rounds: 300, max_depth: 6, eta: 0.05, seed: 1 },
      featureNames: names,
    },
  );
  await saveRun(join(dir, 'models'), { model, draft }, { activate: true });

  const input = join(dir, 'gen', 'application_test.csv');
  async function score(file: string, reasons: number): Promise<{ rate: number; rssMb: number }> {
    const { stderr } = await exec(
      '/usr/bin/time',
      [
        '-v',
        process.execPath,
        join(root, 'bin/creditlens.js'),
        'score',
        '--input',
        file,
        '--out',
        join(dir, `out-${reasons}.csv`),
        '--reasons',
        String(reasons),
        '--data-dir',
        dir,
      ],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
    );
    const summary = /score ✓ .*\(([\d,]+) rows\/s\)/.exec(stderr);
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    if (!summary || !rss) throw new Error(`no summary in:\n${stderr.slice(-2000)}`);
    return { rate: Number(summary[1]?.replaceAll(',', '')), rssMb: Number(rss[1]) / 1024 };
  }

  const plain = await score(input, 0);
  const withReasons = await score(input, 4);
  console.log(`machine: ${cpus().length} cores (shared with other work), node ${process.version}`);
  console.log(
    `file: ${rows.toLocaleString('en-US')} applications; model: 300 trees, depth 6, ${names.length} features`,
  );
  console.log(
    `without reasons: ${plain.rate.toLocaleString('en-US')} rows/s, peak RSS ${plain.rssMb.toFixed(0)} MB`,
  );
  console.log(
    `with 4 reasons:  ${withReasons.rate.toLocaleString('en-US')} rows/s, peak RSS ${withReasons.rssMb.toFixed(0)} MB`,
  );
  console.log(`ratio (without / with reasons): ${(plain.rate / withReasons.rate).toFixed(2)}×`);

  // Streaming: the peak memory on a file a tenth the size.
  const small = join(dir, 'small.csv');
  const lines = readFileSync(input, 'utf8').split('\n');
  writeFileSync(small, `${lines.slice(0, Math.max(2, Math.floor(rows / 10) + 1)).join('\n')}\n`);
  const tenth = await score(small, 4);
  console.log(
    `peak RSS with 4 reasons: ${tenth.rssMb.toFixed(0)} MB on ${Math.floor(rows / 10).toLocaleString('en-US')} rows, ${withReasons.rssMb.toFixed(0)} MB on ${rows.toLocaleString('en-US')} (ratio ${(withReasons.rssMb / tenth.rssMb).toFixed(2)})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
