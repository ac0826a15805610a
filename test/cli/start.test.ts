import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { withDb } from '../../src/data/db.ts';
import { loadActiveRun } from '../../src/model/registry/index.ts';

const run = promisify(execFile);
const bin = resolve(import.meta.dirname, '../../bin/creditlens.js');
const dataDir = mkdtempSync(join(tmpdir(), 'creditlens-start-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The whole chain through the real command, as `npm start` runs it, at a tiny size. */
describe('creditlens start', () => {
  it('generates, ingests, builds features and trains a model on a fresh data directory', async () => {
    const args = [
      bin,
      'start',
      '--data-dir',
      dataDir,
      '--clients',
      '600',
      '--test-clients',
      '150',
      '--time-budget',
      '2',
      '--no-serve',
    ];
    const { stdout } = await run('node', args, { env: { ...process.env, CI: 'true' } });
    expect(stdout).toMatch(/creditlens is ready/);
    expect(stdout).toMatch(/demo data: 8 files/);
    expect(stdout).toMatch(/features: \d+ features for 600 train and 150 test clients/);
    expect(readdirSync(join(dataDir, 'demo')).sort()).toEqual(
      [
        'POS_CASH_balance.csv',
        'application_test.csv',
        'application_train.csv',
        'bureau.csv',
        'bureau_balance.csv',
        'credit_card_balance.csv',
        'installments_payments.csv',
        'previous_application.csv',
      ].sort(),
    );
    const dbPath = join(dataDir, 'creditlens.duckdb');
    expect(existsSync(dbPath)).toBe(true);
    const counts = await withDb(
      dbPath,
      (db) =>
        db.all<{ split: string; n: number }>(
          'SELECT split, count(*) AS n FROM features GROUP BY split ORDER BY split',
        ),
      { readOnly: true },
    );
    expect(counts).toEqual([
      { split: 'test', n: 150 },
      { split: 'train', n: 600 },
    ]);
    const id = stdout.match(
      /model: (m-\d{8}-\d{6}-[0-9a-f]{4}) \(gbdt(-weighted)?, holdout ROC-AUC/,
    )?.[1];
    expect(id).toBeDefined();
    const active = await loadActiveRun(join(dataDir, 'models'));
    expect(active?.record.id).toBe(id);
    expect(active?.record.source).toMatchObject({ kind: 'feature-table', database: dbPath });
    expect(existsSync(join(dataDir, 'models', id as string, 'card.html'))).toBe(true);
  });

  it('does nothing the second time', async () => {
    const { stdout } = await run('node', [bin, 'start', '--data-dir', dataDir, '--no-serve']);
    expect(stdout).toMatch(/everything was already in place/);
  });

  it('ends by serving the API, which stops cleanly on SIGTERM', async () => {
    const child = spawn('node', [bin, 'start', '--data-dir', dataDir, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const address = await new Promise<string>((resolveAddress, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = output.match(/listening on (http:\/\/\S+)/);
        if (found) resolveAddress(found[1] as string);
      });
      child.once('exit', (code) =>
        reject(new Error(`start exited (${code}) before serving: ${output}`)),
      );
    });
    expect(output).toMatch(/everything was already in place/);
    expect(output).toMatch(/demo logins/);
    const health = await fetch(`${address}/healthz`);
    expect(health.status).toBe(200);
    const exited = new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
