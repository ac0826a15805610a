import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../model/registry/test-support.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const bin = join(root, 'bin/creditlens.js');
const dir = mkdtempSync(join(tmpdir(), 'creditlens-train-'));
const csv = join(dir, 'bank.csv');
const dataDir = join(dir, 'data');
const modelsDir = join(dataDir, 'models');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** 800 bank clients: a numeric signal with gaps, a categorical column, noise, a yes/no target. */
function writeBankCsv(): void {
  const random = seededRandom(5);
  const lines = ['ID,income,city,age,noise,DEFAULTED'];
  for (let i = 0; i < 800; i++) {
    const income = random() * 4 - 2;
    const city = ['Paris', 'Lyon', 'Nice'][Math.floor(random() * 3)] as string;
    const age = 20 + Math.floor(random() * 50);
    const logit = -2.2 + 1.5 * income + (city === 'Lyon' ? 0.8 : 0);
    const label = random() < 1 / (1 + Math.exp(-logit)) ? 'yes' : 'no';
    const cell = random() < 0.1 ? '' : income.toFixed(3);
    lines.push(`C${i},${cell},${city},${age},${(random() - 0.5).toFixed(3)},${label}`);
  }
  writeFileSync(csv, `${lines.join('\n')}\n`);
}

/** 600 rows of pure noise: no model can beat granting everyone (seed 3 checked: it does not). */
function writeNoiseCsv(file: string): void {
  const random = seededRandom(3);
  const lines = ['ID,a,b,c,Y'];
  for (let i = 0; i < 600; i++) {
    const cells = [random(), random(), random()].map((v) => (v * 2 - 1).toFixed(3));
    lines.push(`C${i},${cells.join(',')},${random() < 0.1 ? 1 : 0}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

const csvArgs = ['--csv', csv, '--target', 'DEFAULTED', '--id', 'ID', '--positive', 'yes'];
const fast = ['--trials', '2', '--folds', '3', '--quiet', '--data-dir', dataDir];

beforeAll(writeBankCsv);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('creditlens train', () => {
  it('rejects bad options with a clear message, exit code 1, writing nothing', async () => {
    // Every message is checked in train-options.test.ts; here, the path through the CLI for a
    // bad option and for bad input found by the training code.
    const cases: [string[], RegExp][] = [
      [['--trials', '2', '--time-budget', '3'], /give --trials or --time-budget, not both/],
      [['--csv', csv, '--target', 'NOPE'], /NOPE/],
      [
        [...csvArgs, '--client-explainable-only'],
        /none of the 4 features is client-explainable .*: drop --client-explainable-only/,
      ],
    ];
    const results = await Promise.all(
      cases.map(([args]) => cli('train', '--data-dir', dataDir, '--quiet', ...args)),
    );
    results.forEach((result, i) => {
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^creditlens: /);
      expect(result.stderr).toMatch((cases[i] as [string[], RegExp])[1]);
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
    expect(existsSync(dataDir)).toBe(false);
  }, 120_000);

  it('trains on a CSV file, saves the run with its card and activates it', async () => {
    const { code, stdout } = await cli('train', ...csvArgs, ...fast);
    expect(code).toBe(0);
    expect(stdout).toMatch(/candidate\s+CV ROC-AUC\s+holdout ROC-AUC\s+holdout cost/);
    for (const name of ['baseline', 'logistic', 'gbdt', 'gbdt-weighted']) {
      expect(stdout).toMatch(
        new RegExp(`^[ *] ${name}\\s+\\d\\.\\d{3} ± \\d\\.\\d{3}\\s+\\d\\.\\d{3}`, 'm'),
      );
    }
    expect(stdout).toMatch(/^threshold: 0\.\d{3} /m);
    expect(stdout).toMatch(/^served: \S+, the lowest out-of-fold normalised cost \(logistic /m);
    expect(stdout).not.toMatch(/NO BETTER THAN THE BASELINE/);
    const id = stdout.match(/^model: (m-\d{8}-\d{6}-[0-9a-f]{4}) \(active\)/m)?.[1];
    expect(id).toBeDefined();
    expect(stdout).toContain(join(modelsDir, id as string, 'card.html'));
    expect(readdirSync(join(modelsDir, id as string)).sort()).toEqual([
      'card.html',
      'card.md',
      'model.json',
      'run.json',
    ]);
    const record = JSON.parse(readFileSync(join(modelsDir, id as string, 'run.json'), 'utf8'));
    expect(record.source).toEqual({
      kind: 'csv',
      file: csv,
      target: 'DEFAULTED',
      id: 'ID',
      positive: 'yes',
    });
    expect(record.folds).toBe(3);
    expect(record.search.trials.length).toBe(2);
    expect(readFileSync(join(modelsDir, id as string, 'card.md'), 'utf8')).toContain(csv);

    // A second run with --no-activate leaves the first one active.
    const second = await cli('train', ...csvArgs, ...fast, '--seed', '7', '--no-activate');
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/not active/);
    const registry = JSON.parse(readFileSync(join(modelsDir, 'registry.json'), 'utf8'));
    expect(registry.models.length).toBe(2);
    expect(registry.active).toBe(id);
  }, 180_000);

  it('says plainly, last and in the card, when the model does no better than the baseline', async () => {
    const noise = join(dir, 'noise.csv');
    writeNoiseCsv(noise);
    const noiseDir = join(dir, 'noise-data');
    const { code, stdout } = await cli(
      'train',
      ...['--csv', noise, '--target', 'Y', '--id', 'ID'],
      ...['--trials', '2', '--folds', '3', '--quiet', '--data-dir', noiseDir],
    );
    expect(code).toBe(0);
    const id = stdout.match(/^model: (m-\d{8}-\d{6}-[0-9a-f]{4})/m)?.[1] as string;
    const record = JSON.parse(readFileSync(join(noiseDir, 'models', id, 'run.json'), 'utf8'));
    const holdout = (name: string) =>
      record.candidates.find((c: { name: string }) => c.name === name).holdout;
    const served = holdout(record.chosen);
    const baseline = holdout('baseline');
    expect(served.cost).toBeGreaterThanOrEqual(baseline.cost);
    const lines = stdout.trimEnd().split('\n');
    const warning = lines.at(-2) ?? '';
    expect(warning).toMatch(/^WARNING: NO BETTER THAN THE BASELINE\./);
    expect(warning).toContain(
      `its cost is ${served.cost.toFixed(3)} per application (normalised ${served.normalisedCost.toFixed(3)}) against ${baseline.cost.toFixed(3)}`,
    );
    const card = readFileSync(join(noiseDir, 'models', id, 'card.md'), 'utf8');
    expect(card).toMatch(/^> \*\*Warning\.\*\* On the holdout the served model does no better/m);
  }, 120_000);
});
