/**
 * `creditlens train --challenger` end to end through the CLI, on a small generated data set: the
 * champion is the data directory's active (fabricated) model; a second generated population with
 * its outcomes plays the recent applications, as files and as stored applications.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataPaths } from '../../api/config.ts';
import { openAppStore } from '../../api/store/open.ts';
import { makeDataDir } from '../../api/test-support.ts';
import { readCsvColumns } from '../../data/generate/csv-read.ts';
import { generateDataset } from '../../data/generate/index.ts';
import { listRuns } from '../../model/registry/index.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const bin = join(root, 'bin/creditlens.js');

let made: Awaited<ReturnType<typeof makeDataDir>>;
let dataDir: string;
let championId: string;
/** The recent population: raw fields and outcome, ids moved clear of the feature table's. */
const recent: { id: number; application: Record<string, string | null>; defaulted: 0 | 1 }[] = [];

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const fast = ['--trials', '1', '--folds', '3', '--no-compare', '--quiet'];
const NOV = Date.UTC(2026, 10, 10);
const DEC = Date.UTC(2026, 11, 2);

beforeAll(async () => {
  made = await makeDataDir('creditlens-challenger-');
  dataDir = made.dataDir;
  championId = (await listRuns(join(dataDir, 'models'))).find((r) => r.active)?.id as string;
  const recentDir = join(dataDir, 'recent');
  await generateDataset({ outDir: recentDir, clients: 400, testClients: 10, seed: 9 });
  const csv = await readCsvColumns(join(recentDir, 'application_train.csv'));
  const at = (name: string) => csv.header.indexOf(name);
  for (let r = 0; r < csv.rows; r++) {
    const application: Record<string, string | null> = {};
    csv.header.forEach((column, c) => {
      if (column === 'TARGET') return;
      const cell = csv.columns[c]?.[r] as string;
      application[column] = cell === '' ? null : cell;
    });
    // New applicants: ids no feature-table client has, so no stored history is borrowed.
    const id = 800_000 + Number(csv.columns[at('SK_ID_CURR')]?.[r]);
    application.SK_ID_CURR = String(id);
    recent.push({ id, application, defaulted: csv.columns[at('TARGET')]?.[r] === '1' ? 1 : 0 });
  }
  // The files: applications (no TARGET) and outcomes.
  const columns = csv.header.filter((c) => c !== 'TARGET');
  const cell = (v: string | null) => (v === null ? '' : v.includes(',') ? `"${v}"` : v);
  writeFileSync(
    join(dataDir, 'recent.csv'),
    `${[columns.join(','), ...recent.map((row) => columns.map((c) => cell(row.application[c] ?? null)).join(','))].join('\n')}\n`,
  );
  writeFileSync(
    join(dataDir, 'recent-outcomes.csv'),
    `${['SK_ID_CURR,TARGET', ...recent.map((row) => `${row.id},${row.defaulted}`)].join('\n')}\n`,
  );
}, 300_000);

afterAll(() => made?.cleanup());

describe('creditlens train --challenger', () => {
  it('refuses misplaced or missing inputs, changing nothing', async () => {
    const before = (await listRuns(join(dataDir, 'models'))).length;
    const cases: [string[], RegExp][] = [
      [['--window-since', '2026-11-01'], /--window-since goes with --challenger/],
      [['--challenger', '--window-until', '2026-12-01'], /--window-until needs --window-since/],
      [['--challenger', '--applications', join(dataDir, 'recent.csv')], /go together/],
      [['--challenger', '--window-since', '2026-13-01'], /invalid --window-since: expected a day/],
      // Nothing stored yet: nothing to compare on.
      [['--challenger'], /no app store at .*creditlens-app\.sqlite/],
    ];
    const results = await Promise.all(
      cases.map(([args]) => cli('train', '--data-dir', dataDir, ...fast, ...args)),
    );
    results.forEach((result, i) => {
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch((cases[i] as [string[], RegExp])[1]);
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
    expect((await listRuns(join(dataDir, 'models'))).length).toBe(before);
    expect(existsSync(join(dataDir, 'challenges'))).toBe(false);
  }, 120_000);

  it('compares on files, recommends, prints the promote command and promotes nothing', async () => {
    const { code, stdout } = await cli(
      'train',
      '--data-dir',
      dataDir,
      ...fast,
      '--challenger',
      ...['--applications', join(dataDir, 'recent.csv')],
      ...['--outcomes', join(dataDir, 'recent-outcomes.csv')],
    );
    expect(code).toBe(0);
    const runs = await listRuns(join(dataDir, 'models'));
    expect(runs.find((r) => r.active)?.id).toBe(championId);
    const challengerId = runs.find((r) => r.id !== championId)?.id as string;
    expect(stdout).toMatch(new RegExp(`^\\| champion \\| \`${championId}\``, 'm'));
    expect(stdout).toMatch(new RegExp(`^\\| challenger \\| \`${challengerId}\``, 'm'));
    expect(stdout).toMatch(/Paired DeLong test, challenger − champion: ΔAUC [+-]\d\.\d{3}/);
    expect(stdout).toMatch(/\*\*Recommendation: (promote the challenger|keep the champion)\.\*\*/);
    expect(stdout).toContain(`creditlens models promote ${challengerId} --data-dir ${dataDir}`);
    expect(stdout).toContain('The challenger learnt from the development data alone');

    const report = JSON.parse(
      readFileSync(join(dataDir, 'challenges', `${challengerId}.json`), 'utf8'),
    );
    const c = report.challenge;
    expect(c.rows + report.window.rejected.length).toBe(recent.length);
    expect(c.defaults).toBe(recent.filter((r) => r.defaulted === 1).length);
    // The paired test is of the two AUCs the table shows, challenger first.
    expect(c.aucTest.aucA).toBeCloseTo(c.challenger.auc.auc, 12);
    expect(c.aucTest.aucB).toBeCloseTo(c.champion.auc.auc, 12);
    expect(c.aucTest.difference).toBeCloseTo(c.challenger.auc.auc - c.champion.auc.auc, 12);
    // The recommendation follows its rule.
    if (c.recommendation.promote) expect(c.challenger.cost).toBeLessThan(c.champion.cost);
    expect(existsSync(join(dataDir, 'challenges', `${challengerId}.md`))).toBe(true);

    const promoted = await cli('models', 'promote', challengerId, '--data-dir', dataDir);
    expect(promoted.code).toBe(0);
    expect((await listRuns(join(dataDir, 'models'))).find((r) => r.active)?.id).toBe(challengerId);
    await cli('models', 'promote', championId, '--data-dir', dataDir);
  }, 300_000);

  it('learns from the stored window and is compared on the stored applications after it', async () => {
    const store = await openAppStore(dataPaths(dataDir).appDbPath);
    try {
      const saved = await store.applications.createMany(
        recent.map((row, i) => ({
          createdAt: i % 2 === 0 ? NOV : DEC,
          createdBy: null,
          source: 'batch' as const,
          application: row.application,
          modelVersion: championId,
          features: [],
          probability: 0.1,
          decision: 'grant' as const,
        })),
      );
      await store.outcomes.recordAll(
        saved.map((s, i) => ({
          clientId: s.clientId,
          defaulted: (recent[i] as (typeof recent)[number]).defaulted,
          observedAt: DEC,
          recordedBy: 'test',
        })),
      );
    } finally {
      await store.close();
    }
    const november = recent.filter((_, i) => i % 2 === 0).length;
    const { code, stdout, stderr } = await cli(
      'train',
      '--data-dir',
      dataDir,
      ...fast,
      ...['--challenger', '--window-since', '2026-11-01', '--window-until', '2026-12-01'],
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(
      `and ${november} stored applications with an outcome received from 2026-11-01 to 2026-12-01`,
    );
    expect(stdout).toContain(
      'from the stored applications with an outcome outside the training window',
    );
    const challengerId = stdout.match(/^\| challenger \| `(m-[^`]+)`/m)?.[1] as string;
    const report = JSON.parse(
      readFileSync(join(dataDir, 'challenges', `${challengerId}.json`), 'utf8'),
    );
    // Judged on December only: never on a row it learnt from.
    expect(report.challenge.rows + report.window.rejected.length).toBe(recent.length - november);
    const record = JSON.parse(
      readFileSync(join(dataDir, 'models', challengerId, 'run.json'), 'utf8'),
    );
    expect(record.rows.train + record.rows.holdout).toBe(300 + november);
    expect((await listRuns(join(dataDir, 'models'))).find((r) => r.active)?.id).toBe(championId);
  }, 300_000);
});
