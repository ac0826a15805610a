/**
 * `creditlens generate --scenario NAME`: the application rows of the test clients a generation
 * with the same seed and sizes gives (so their ids, and their history in a database built from
 * that generation, are the base data set's), or of a given application file, shifted by the
 * scenario, written as `applications-NAME.csv` with the ground truth `applications-NAME.truth.json`
 * beside it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsvColumns } from './csv-read.ts';
import { generateDataset } from './index.ts';
import { applyScenario, type ScenarioTruth, scenarioNamed } from './scenario.ts';

export interface ScenarioFileOptions {
  readonly scenario: string;
  readonly outDir: string;
  /** An application CSV (Kaggle schema) to shift instead of generating one. */
  readonly from?: string;
  /** Sizes and seed of the generation whose test clients are shifted (as `generate`'s). */
  readonly clients: number;
  readonly testClients: number;
  readonly seed: number;
}

function csvCell(cell: string): string {
  return /[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export async function writeScenarioFiles(
  options: ScenarioFileOptions,
): Promise<{ file: string; truthFile: string; truth: ScenarioTruth }> {
  const scenario = scenarioNamed(options.scenario);
  let source = options.from;
  let scratch: string | null = null;
  try {
    if (source === undefined) {
      scratch = mkdtempSync(join(tmpdir(), 'creditlens-scenario-'));
      await generateDataset({
        outDir: scratch,
        clients: options.clients,
        testClients: options.testClients,
        seed: options.seed,
      });
      source = join(scratch, 'application_test.csv');
    }
    const input = await readCsvColumns(source);
    const { columns, truth } = applyScenario(scenario, input, options.seed);
    mkdirSync(options.outDir, { recursive: true });
    const file = join(options.outDir, `applications-${scenario.name}.csv`);
    const truthFile = join(options.outDir, `applications-${scenario.name}.truth.json`);
    const lines = [columns.header.map(csvCell).join(',')];
    for (let r = 0; r < columns.rows; r++) {
      lines.push(columns.columns.map((c) => csvCell(c[r] as string)).join(','));
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
    writeFileSync(truthFile, `${JSON.stringify(truth, null, 2)}\n`);
    return { file, truthFile, truth };
  } finally {
    if (scratch !== null) rmSync(scratch, { recursive: true, force: true });
  }
}
