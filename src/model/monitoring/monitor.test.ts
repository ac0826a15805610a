/**
 * The monitoring report end to end: a generated base data set, a small real model, drift
 * scenarios written by the generator with their ground truth, and the report turning the moved
 * features red while the others keep the light they have without any shift.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../data/db.ts';
import { readCsvColumns } from '../../data/generate/csv-read.ts';
import type { ScenarioTruth } from '../../data/generate/scenario.ts';
import { writeScenarioFiles } from '../../data/generate/scenario-file.ts';
import { loadActiveRun } from '../registry/index.ts';
import { reportMarkdown } from './markdown.ts';
import { monitor } from './monitor.ts';
import type { MonitoringReport } from './report.ts';
import { loadLatestReport, saveReport } from './store.ts';
import { MONITOR_FEATURES, type MonitorDataDir, monitorDataDir } from './test-support.ts';

let dir: MonitorDataDir;
let db: Db;
let run: NonNullable<Awaited<ReturnType<typeof loadActiveRun>>>;
const reports = new Map<string, { report: MonitoringReport; truth: ScenarioTruth }>();

/** The generated test clients take far fewer revolving loans than the train clients, as in Kaggle's files. */
const AMBER_WITHOUT_SHIFT = ['NAME_CONTRACT_TYPE__REVOLVING_LOANS'];

beforeAll(async () => {
  dir = await monitorDataDir();
  db = await openDb(dir.dbPath, { readOnly: true });
  const active = await loadActiveRun(join(dir.dataDir, 'models'));
  if (!active) throw new Error('no active model');
  run = active;
  for (const scenario of ['none', 'incomes-up', 'ext-source-missing', 'younger-revolving']) {
    const written = await writeScenarioFiles({
      scenario,
      outDir: join(dir.dataDir, 'drift'),
      from: join(dir.demoDir, 'application_test.csv'),
      clients: 0,
      testClients: 0,
      seed: 7,
    });
    const report = await monitor({ db, run, applications: written.file });
    reports.set(scenario, { report, truth: written.truth });
  }
}, 240_000);

afterAll(() => {
  db?.close();
  dir?.cleanup();
});

function scenario(name: string): { report: MonitoringReport; truth: ScenarioTruth } {
  const found = reports.get(name);
  if (!found) throw new Error(`no report for ${name}`);
  return found;
}

/** A value a test expects present. */
function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}

function light(report: MonitoringReport, name: string): string | undefined {
  return report.features.find((f) => f.name === name)?.status;
}

describe('drift scenarios', () => {
  it('keeps every feature green without a shift, but the documented contract mix', () => {
    const { report, truth } = scenario('none');
    expect(truth.moved).toEqual([]);
    expect(report.rows.window).toBe(2500);
    expect(report.rows.rejected).toBe(0);
    for (const f of report.features) {
      expect(f.status, f.name).toBe(AMBER_WITHOUT_SHIFT.includes(f.name) ? 'amber' : 'green');
    }
    expect(report.score.status).toBe('green');
    expect(report.bandMix.status).toBe('green');
    expect(report.performance).toBeNull();
  });

  it.each(['incomes-up', 'ext-source-missing', 'younger-revolving'])(
    '%s turns the moved features red (or at least amber) and leaves the others as they were',
    (name) => {
      const { report, truth } = scenario(name);
      const base = scenario('none').report;
      const moved = MONITOR_FEATURES.filter((f) => truth.moved.includes(f));
      expect(moved.length).toBeGreaterThan(0);
      for (const name of MONITOR_FEATURES) {
        if (truth.expectRed.includes(name)) expect(light(report, name), name).toBe('red');
        else if (moved.includes(name)) expect(light(report, name), name).not.toBe('green');
        else expect(light(report, name), name).toBe(light(base, name));
      }
      expect(report.summary.red).toEqual(
        expect.arrayContaining(MONITOR_FEATURES.filter((f) => truth.expectRed.includes(f))),
      );
    },
  );

  it('shows the drop an 80 % missing external score implies before any outcome', () => {
    const { report } = scenario('ext-source-missing');
    const ext2 = present(
      report.features.find((f) => f.name === 'EXT_SOURCE_2'),
      'EXT_SOURCE_2',
    );
    expect(ext2.missingWindow).toBeGreaterThan(0.75);
    expect(ext2.missingReference).toBeLessThan(0.05);
    expect(report.score.status).toBe('red');
    const { reference, window } = report.expected;
    expect(window.expectedDefaultRate).toBeGreaterThan(
      present(reference.expectedDefaultRate, 'rate'),
    );
    expect(window.expectedAuc).toBeLessThan(present(reference.expectedAuc, 'AUC'));
  });

  it('leaves the score of incomes +20 % stable: the model uses the ratios', () => {
    expect(scenario('incomes-up').report.score.status).toBe('green');
  });
});

describe('rows that cannot be read', () => {
  function corrupted(rows: number, corrupt: (cells: string[], header: string[]) => void) {
    const lines = readFileSync(join(dir.demoDir, 'application_test.csv'), 'utf8')
      .split('\n')
      .slice(0, rows + 1);
    const header = (lines[0] as string).split(',');
    // The generated rows hold no quoted commas in the columns changed here.
    const out = lines.map((line, i) => {
      if (i === 0) return line;
      const cells = line.split(',');
      if (i % 2 === 0) corrupt(cells, header);
      return cells.join(',');
    });
    const file = join(dir.dataDir, `corrupted-${rows}.csv`);
    writeFileSync(file, `${out.join('\n')}\n`);
    return file;
  }
  const badCredit = (cells: string[], header: string[]) => {
    cells[header.indexOf('AMT_CREDIT')] = 'abc';
  };

  it('skips them and names each by its line', async () => {
    const report = await monitor({ db, run, applications: corrupted(10, badCredit) });
    expect(report.rows.window).toBe(5);
    expect(report.rows.rejected).toBe(5);
    expect(report.rejected[0]?.line).toBe(3);
    expect(report.rejected[0]?.message).toContain('AMT_CREDIT');
  });

  it('stops with the first error when no row can be read', async () => {
    const file = corrupted(1, () => {});
    const lines = readFileSync(file, 'utf8').split('\n');
    const header = (lines[0] as string).split(',');
    const cells = (lines[1] as string).split(',');
    badCredit(cells, header);
    writeFileSync(file, `${lines[0]}\n${cells.join(',')}\n`);
    await expect(monitor({ db, run, applications: file })).rejects.toThrow(/AMT_CREDIT/);
    writeFileSync(file, `${lines[0]}\n`);
    await expect(monitor({ db, run, applications: file })).rejects.toThrow(/no data rows/);
  });
});

describe('back-testing with outcomes', () => {
  async function withOutcomes(shift: (id: number, target: number, r: number) => number) {
    const applications = join(dir.demoDir, 'application_train.csv');
    const csv = await readCsvColumns(applications);
    const ids = csv.columns[csv.header.indexOf('SK_ID_CURR')] as string[];
    const targets = csv.columns[csv.header.indexOf('TARGET')] as string[];
    const lines = ['SK_ID_CURR,TARGET'];
    ids.forEach((id, r) => {
      lines.push(`${id},${shift(Number(id), Number(targets[r]), r)}`);
    });
    const outcomes = join(dir.dataDir, 'outcomes.csv');
    writeFileSync(outcomes, `${lines.join('\n')}\n`);
    return monitor({ db, run, applications, outcomes });
  }

  it('tests the AUC against development and each band with Jeffreys', async () => {
    const report = await withOutcomes((_id, target) => target);
    const perf = present(report.performance, 'performance');
    expect(perf.count).toBe(2500);
    expect(perf.unmatched).toBe(0);
    const auc = present(perf.auc, 'AUC');
    expect(auc.lower).toBeLessThan(auc.auc);
    expect(auc.upper).toBeGreaterThan(auc.auc);
    // In-sample, the model ranks its own training rows well.
    expect(auc.auc).toBeGreaterThan(0.7);
    expect(perf.bands.length).toBeGreaterThan(0);
    expect(perf.bands.every((b) => b.lower <= b.observedRate && b.observedRate <= b.upper)).toBe(
      true,
    );
    expect(perf.reliability.count.reduce((s, c) => s + c, 0)).toBe(2500);
    expect(perf.brier).toBeGreaterThan(0);
  });

  it('turns the bands red when defaults are recorded at a shifted risk', async () => {
    // A quarter of the repaid loans recorded as defaults: every band's rate far above its PD.
    const report = await withOutcomes((_id, target, r) => (r % 4 === 0 ? 1 : target));
    const perf = present(report.performance, 'performance');
    expect(perf.observedRate).toBeGreaterThan(perf.predictedRate + 0.15);
    expect(perf.bands.filter((b) => b.count >= 30).every((b) => b.status === 'red')).toBe(true);
  });
});

describe('the stored report', () => {
  it('is written with its Markdown and charts, and read back as the latest', async () => {
    const { report } = scenario('younger-revolving');
    const monitoringDir = join(dir.dataDir, 'monitoring');
    expect(await loadLatestReport(monitoringDir)).toBeNull();
    const stored = await saveReport(monitoringDir, report);
    expect(await loadLatestReport(monitoringDir)).toEqual(JSON.parse(JSON.stringify(report)));
    const markdown = readFileSync(join(stored, 'report.md'), 'utf8');
    expect(markdown).toContain('![PSI per variable](psi.svg)');
    expect(markdown).toContain('AGE_YEARS');
    expect(readFileSync(join(stored, 'psi.svg'), 'utf8')).toMatch(/^<svg/);
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
    expect(reportMarkdown(report)).toContain('🔴 red');
  });
});
