import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseModel, predict } from '../../engine/index.ts';
import { readCsvTable, readTrainingCsv } from '../../model/tabular/index.ts';

const run = promisify(execFile);
const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const bin = join(root, 'bin/creditlens.js');
const dir = mkdtempSync(join(tmpdir(), 'creditlens-fit-'));
const trainCsv = join(dir, 'train.csv');
const modelJson = join(dir, 'model.json');

/** Runs the CLI; resolves with its output whatever the exit code. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Seeded uniform numbers in [0, 1) (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 600 applicants: a numeric signal with gaps, a quoted categorical column, noise, a text target. */
function writeTrainingFile(): void {
  const random = rng(7);
  const cities = ['Paris', 'Lyon', 'Nice, "Côte"'];
  const lines = ['SK_ID,income,"city, region",noise,TARGET'];
  for (let i = 0; i < 600; i++) {
    const income = random() * 4 - 2;
    const city = cities[Math.floor(random() * 3)] as string;
    const logit = 2 * income + (city === 'Lyon' ? 1.5 : 0);
    const label = random() < 1 / (1 + Math.exp(-logit)) ? 'default' : 'repaid';
    const cell = random() < 0.1 ? (random() < 0.5 ? '' : 'NA') : income.toFixed(4);
    lines.push(
      `C${i},${cell},"${city.replaceAll('"', '""')}",${(random() - 0.5).toFixed(3)},${label}`,
    );
  }
  writeFileSync(trainCsv, `${lines.join('\n')}\n`);
}

/** A CSV output as numbers by column name (the id column kept as text). */
async function readOutput(file: string): Promise<Map<string, string[]>> {
  const table = await readCsvTable(file);
  return new Map(table.header.map((name, c) => [name, table.columns[c] as string[]]));
}

beforeAll(async () => {
  writeTrainingFile();
  const fit = await cli(
    'fit',
    '--csv',
    trainCsv,
    '--target',
    'TARGET',
    '--id',
    'SK_ID',
    '--params',
    '{"num_rounds": 30, "max_depth": 3, "eta": 0.2}',
    '--out',
    modelJson,
    '--quiet',
  );
  expect(fit.stderr).toBe('');
  expect(fit.code).toBe(0);
  expect(fit.stdout).toMatch(/fit: 30 trees on 600 rows × 3 features \(1 categorical\)/);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('creditlens fit → predict → explain', () => {
  it('predicts the training file as the engine does on the same matrix', async () => {
    const out = join(dir, 'predict.csv');
    const result = await cli('predict', '--model', modelJson, '--input', trainCsv, '--out', out);
    expect(result.code).toBe(0);
    const output = await readOutput(out);
    expect([...output.keys()]).toEqual(['SK_ID', 'margin', 'probability']);
    expect(output.get('SK_ID')?.slice(0, 2)).toEqual(['C0', 'C1']);

    const model = parseModel(readFileSync(modelJson, 'utf8'));
    const table = await readTrainingCsv(trainCsv, { target: 'TARGET', id: 'SK_ID' });
    const expected = predict(model, table.features);
    expect(output.get('probability')?.map(Number)).toEqual(Array.from(expected));
    // Without --positive the larger label, "repaid", is 1; its probability falls with income.
    expect(model.encoding?.target).toEqual({
      column: 'TARGET',
      positive: 'repaid',
      negative: 'default',
    });
    const income = table.features.values.subarray(0, table.features.numRows);
    let low = 0;
    let high = 0;
    income.forEach((x, r) => {
      if (x < -1) low += expected[r] as number;
      if (x > 1) high += expected[r] as number;
    });
    expect(high).toBeLessThan(low);
  });

  it('explains every row: expected value + Σ SHAP = margin within 1e-9', async () => {
    const out = join(dir, 'explain.csv');
    const result = await cli('explain', '--model', modelJson, '--input', trainCsv, '--out', out);
    expect(result.code).toBe(0);
    const output = await readOutput(out);
    const shapColumns = ['shap_income', 'shap_city, region', 'shap_noise'];
    expect([...output.keys()]).toEqual(['SK_ID', ...shapColumns, 'expected_value', 'margin']);
    const margins = (output.get('margin') as string[]).map(Number);
    const expectedValues = (output.get('expected_value') as string[]).map(Number);
    expect(margins).toHaveLength(600);
    margins.forEach((margin, r) => {
      const sum = shapColumns.reduce(
        (acc, name) => acc + Number((output.get(name) as string[])[r]),
        expectedValues[r] as number,
      );
      expect(Math.abs(sum - margin)).toBeLessThan(1e-9);
    });
    // The margins equal those of predict.
    const predicted = await readOutput(join(dir, 'predict.csv'));
    expect(predicted.get('margin')).toEqual(output.get('margin'));
  });

  it('names the model features missing from the input and lists ignored columns', async () => {
    const input = join(dir, 'partial.csv');
    writeFileSync(input, 'SK_ID,noise,extra\nA,0.1,5\n');
    const out = join(dir, 'never.csv');
    const result = await cli('predict', '--model', modelJson, '--input', input, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `creditlens: ${input} lacks 2 of the model's 3 feature column(s): income, city, region\n`,
    );

    writeFileSync(input, 'extra,noise,"city, region",income\n5,0.1,Atlantis,1.2\n');
    const ok = await cli('predict', '--model', modelJson, '--input', input, '--out', out);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/ignoring 1 column\(s\) the model does not use: extra/);
    expect([...(await readOutput(out)).keys()]).toEqual(['margin', 'probability']);
  });

  it('reports bad parameters and non-binary targets without a stack trace', async () => {
    const out = join(dir, 'bad.json');
    const bad = await cli(
      'fit',
      '--csv',
      trainCsv,
      '--target',
      'TARGET',
      '--params',
      '{"max_depth": -2}',
      '--out',
      out,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('creditlens: invalid param maxDepth: -2 (must be ≥ 0)\n');
    const target = await cli('fit', '--csv', trainCsv, '--target', 'noise', '--out', out, '-q');
    expect(target.code).toBe(1);
    expect(target.stderr).toMatch(
      /^creditlens: .* the target "noise" must have exactly two classes/,
    );
  });
});

describe('predict and explain with an XGBoost JSON model', () => {
  it('reproduce the fixture margins and contributions within 1e-5', async () => {
    const fixtures = join(root, 'src/engine/fixtures');
    const model = join(fixtures, 'binary-depth4.model.json');
    const expected = JSON.parse(
      readFileSync(join(fixtures, 'binary-depth4.expected.json'), 'utf8'),
    );
    const names = ['income', 'debt_ratio', 'age_years', 'ext_score', 'n_loans', 'tenure'];
    const rows = expected.rows as (number | null)[][];
    const input = join(dir, 'xgb.csv');
    writeFileSync(
      input,
      `row,${names.join(',')}\n${rows.map((row, r) => `${r},${row.map((v) => (v === null ? 'NA' : String(v))).join(',')}`).join('\n')}\n`,
    );
    const predictOut = join(dir, 'xgb-predict.csv');
    const explainOut = join(dir, 'xgb-explain.csv');
    const args = ['--model', model, '--input', input, '--id', 'row'];
    expect((await cli('predict', ...args, '--out', predictOut)).code).toBe(0);
    expect((await cli('explain', ...args, '--out', explainOut)).code).toBe(0);
    const margins = (await readOutput(predictOut)).get('margin')?.map(Number) as number[];
    const explained = await readOutput(explainOut);
    expect(explained.get('row')?.[3]).toBe('3');
    (expected.margin as number[]).forEach((margin, r) => {
      expect(Math.abs((margins[r] as number) - margin)).toBeLessThan(1e-5);
      const contrib = (expected.contrib as number[][])[r] as number[];
      names.forEach((name, f) => {
        const ours = Number((explained.get(`shap_${name}`) as string[])[r]);
        expect(Math.abs(ours - (contrib[f] as number))).toBeLessThan(1e-5);
      });
      const bias = Number((explained.get('expected_value') as string[])[r]);
      expect(Math.abs(bias - (contrib[names.length] as number))).toBeLessThan(1e-5);
    });
  });
});
