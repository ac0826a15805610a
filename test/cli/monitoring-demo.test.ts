/**
 * The monitoring demo flow from the CLI (issue 15): generate two months of applications — one
 * unshifted, one with the external score gone missing (`generate --scenario`) — store them as
 * scored new applications (October, a month ago, by test/support/save-applications.ts: the
 * storage `score --save` does, with a date; November, today, by `creditlens score --save`),
 * record the outcomes of the granted loans (`creditlens outcomes`; the second month at a shifted
 * risk: a quarter of the repaid loans recorded as defaults) and read the reports of both months
 * (`creditlens monitor --since --until`): the shifted features turn red, the untouched ones stay
 * green, and the performance section reacts to the shifted risk. The second month's HTML report
 * is kept in test-results/monitoring/ for a look.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/api/store/sqlite-store.ts';
import { buildFeatures } from '../../src/data/features/index.ts';
import { applicationFeatureProgram } from '../../src/data/features/row-eval/application.ts';
import { readCsvColumns } from '../../src/data/generate/csv-read.ts';
import { generateDataset } from '../../src/data/generate/index.ts';
import { ingestDirectory } from '../../src/data/ingest/index.ts';
import type { MonitoringReport } from '../../src/model/monitoring/index.ts';
import { loadActiveRun } from '../../src/model/registry/index.ts';
import { type SavedRow, saveApplications } from '../support/save-applications.ts';

const exec = promisify(execFile);
/** The day the test runs (UTC): `score --save` stores its applications now. */
const TODAY = new Date().toISOString().slice(0, 10);
const TOMORROW = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/creditlens.js');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [bin, ...args], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'creditlens-monitoring-demo-'));
const reports: { october?: MonitoringReport; november?: MonitoringReport } = {};
let truth: { moved: string[]; unchanged: string[]; expectRed: string[] };
let featureNames: string[];

/** Seeded choice of a quarter of the repaid loans (a shifted risk). */
function shifted(saved: SavedRow[], target: Map<number, number>): Map<number, 0 | 1> {
  let state = 7;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return new Map(
    saved.map((s) => {
      const observed = target.get(s.sourceId) ?? 0;
      return [s.clientId, observed === 1 || next() < 0.25 ? 1 : 0];
    }),
  );
}

function outcomesFile(path: string, saved: SavedRow[], outcome: (s: SavedRow) => number): number {
  const granted = saved.filter((s) => s.decision === 'grant');
  writeFileSync(
    path,
    `id,defaulted,date\n${granted.map((s) => `${s.clientId},${outcome(s)},${TODAY}`).join('\n')}\n`,
  );
  return granted.length;
}

beforeAll(async () => {
  // 2,000 train clients and a model trained on them for a few seconds (the fabricated model of
  // the API tests refuses everyone, and only granted loans take an outcome).
  const demo = join(dataDir, 'demo');
  await generateDataset({ outDir: demo, clients: 2000, testClients: 100, seed: 42 });
  await ingestDirectory({ dir: demo, dbPath: join(dataDir, 'creditlens.duckdb') });
  await buildFeatures({ dbPath: join(dataDir, 'creditlens.duckdb') });
  const trained = await cli(
    'train',
    '--data-dir',
    dataDir,
    '--trials',
    '1',
    '--folds',
    '3',
    '--no-compare',
  );
  expect(trained.code, trained.stderr).toBe(0);
  const train = join(dataDir, 'demo', 'application_train.csv');
  const drift = join(dataDir, 'drift');
  for (const scenario of ['none', 'ext-source-missing']) {
    const generated = await cli(
      'generate',
      '--scenario',
      scenario,
      '--from',
      train,
      '--out',
      drift,
    );
    expect(generated.code, generated.stderr).toBe(0);
  }
  truth = JSON.parse(
    readFileSync(join(drift, 'applications-ext-source-missing.truth.json'), 'utf8'),
  );
  const csv = await readCsvColumns(train);
  const ids = csv.columns[csv.header.indexOf('SK_ID_CURR')] as string[];
  const targets = csv.columns[csv.header.indexOf('TARGET')] as string[];
  const target = new Map(ids.map((id, r) => [Number(id), Number(targets[r])]));

  const run = await loadActiveRun(join(dataDir, 'models'));
  if (run === null) throw new Error('no active model');
  featureNames = run.record.featureNames;
  // October, a month ago, as the stored history; November, today, through `score --save`.
  const store = openSqliteStore(join(dataDir, 'creditlens-app.sqlite'));
  let october: SavedRow[];
  try {
    october = await saveApplications(
      store,
      run,
      join(drift, 'applications-none.csv'),
      Date.UTC(2026, 9, 10),
    );
  } finally {
    await store.close();
  }
  const scores = join(dataDir, 'scores-november.csv');
  const saved = await cli(
    'score',
    '--input',
    join(drift, 'applications-ext-source-missing.csv'),
    '--out',
    scores,
    '--save',
    '--quiet',
    '--data-dir',
    dataDir,
  );
  expect(saved.code, saved.stderr).toBe(0);
  const out = await readCsvColumns(scores);
  const column = (name: string) => out.columns[out.header.indexOf(name)] as string[];
  const november: SavedRow[] = column('id').map((id, r) => ({
    sourceId: Number(id),
    clientId: Number(column('client_id')[r]),
    decision: column('decision')[r] === 'grant' ? 'grant' : 'refuse',
  }));
  // October: the true outcomes of the granted loans; November: at a shifted risk.
  const novemberRisk = shifted(november, target);
  const files = {
    october: join(dataDir, 'outcomes-october.csv'),
    november: join(dataDir, 'outcomes-november.csv'),
  };
  outcomesFile(files.october, october, (s) => target.get(s.sourceId) ?? 0);
  outcomesFile(files.november, november, (s) => novemberRisk.get(s.clientId) ?? 0);
  for (const file of Object.values(files)) {
    const recorded = await cli('outcomes', '--input', file, '--data-dir', dataDir, '--quiet');
    expect(recorded.code, recorded.stderr).toBe(0);
  }
  for (const [month, since, until] of [
    ['october', '2026-10-01', '2026-11-01'],
    ['november', TODAY, TOMORROW],
  ] as const) {
    const result = await cli(
      'monitor',
      '--since',
      since,
      '--until',
      until,
      '--format',
      'json',
      '--data-dir',
      dataDir,
    );
    expect(result.code, result.stderr).toBe(0);
    reports[month] = JSON.parse(result.stdout);
  }
  const html = await cli('monitor', '--since', TODAY, '--format', 'html', '--data-dir', dataDir);
  mkdirSync(join(root, 'test-results', 'monitoring'), { recursive: true });
  writeFileSync(join(root, 'test-results', 'monitoring', 'report.html'), html.stdout);
}, 600_000);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** History features (not computed from the application): a new applicant has none. */
const isHistory = (name: string) => !applicationFeatureProgram().names.includes(name);

describe('the monitoring demo flow', () => {
  it('reads the stored windows: each month its own applications and the outcomes of its granted loans', () => {
    const { october, november } = reports as Required<typeof reports>;
    expect(october.rows.window).toBe(2000);
    expect(november.rows.window).toBe(2000);
    expect(october.source.applications).toBe('stored applications 2026-10-01 → 2026-11-01');
    expect(october.performance?.count).toBeGreaterThan(100);
  });

  it('turns the shifted features red and leaves the untouched ones green', () => {
    const { october, november } = reports as Required<typeof reports>;
    const light = (r: MonitoringReport, name: string) =>
      r.features.find((f) => f.name === name)?.status;
    const redByDesign = truth.expectRed.filter((n) => featureNames.includes(n));
    expect(redByDesign).toContain('EXT_SOURCE_2');
    for (const name of redByDesign) expect(light(november, name), name).toBe('red');
    for (const name of featureNames) {
      if (isHistory(name)) {
        // Stored new applications carry no history: the report is right to say so.
        expect(light(october, name), name).not.toBe('green');
        continue;
      }
      // October is the development population itself, unshifted.
      expect(light(october, name), name).toBe('green');
      if (truth.unchanged.includes(name)) expect(light(november, name), name).toBe('green');
    }
  });

  it('lets the performance section react to outcomes recorded at a shifted risk', () => {
    const { october, november } = reports as Required<typeof reports>;
    const before = october.performance;
    const after = november.performance;
    if (before === null || after === null) throw new Error('no performance section');
    expect(after.observedRate).toBeGreaterThan(before.observedRate + 0.15);
    const lights = (p: typeof before) => p.bands.filter((b) => b.count > 0).map((b) => b.status);
    expect(lights(after).every((l) => l === 'red')).toBe(true);
    expect(lights(before).some((l) => l !== 'red')).toBe(true);
  });
});
