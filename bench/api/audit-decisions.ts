/**
 * The decisions across clients (GET /api/decisions) and the client list's latest final decision
 * (AuditStore.latestPerClient) on a large audit trail, with the audit indexes of migration 6
 * (audit(action, at) and audit(action, client_id)) and without them, side by side on the same rows (the embedded SQLite
 * store). The trail is made of views, scores and explanations with decisions among them, as an
 * adviser's day leaves it: `--decision-share` of the records are decisions, spread over `--clients`
 * clients, a third of them overrides.
 *
 *   node --import tsx bench/api/audit-decisions.ts [--records 400000] [--decision-share 0.02]
 *     [--clients 20000] [--repeat 30]
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { DECISION_ACTION } from '../../src/api/decisions/stored-decision.ts';
import { openSqliteStore } from '../../src/api/store/sqlite-store.ts';
import type { AppStore } from '../../src/api/store/types.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): number => {
  const i = args.indexOf(name);
  return Number(i >= 0 ? (args[i + 1] ?? fallback) : fallback);
};
const records = option('--records', '400000');
const decisionShare = option('--decision-share', '0.02');
const clients = option('--clients', '20000');
const repeat = option('--repeat', '30');

const OTHER_ACTIONS = ['client.view', 'client.score', 'client.explanation', 'client.similar'];

/** Fills the audit table directly (the store's schema, one transaction): seeded, reproducible. */
function fill(path: string): void {
  openSqliteStore(path)
    .close()
    .catch(() => {});
  const db = new Database(path);
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const insert = db.prepare(
    `INSERT INTO audit (at, user_id, username, role, action, client_id, model_version,
      inputs_fingerprint, output_summary, request_id) VALUES (?, 1, ?, 'adviser', ?, ?, 'm', ?, ?, 'r')`,
  );
  db.transaction(() => {
    for (let i = 0; i < records; i++) {
      const client = 100_000 + Math.floor(random() * clients);
      const adviser = `adviser${Math.floor(random() * 5)}`;
      if (random() < decisionShare) {
        const follows = random() > 1 / 3;
        const summary = JSON.stringify({
          decision: follows ? 'refuse' : 'grant',
          modelDecision: 'refuse',
          followsModel: follows,
          justification: 'Checked the file with the client in person.',
          reasonCategory: follows ? 'other' : 'guarantee',
          reviewId: null,
        });
        insert.run(i * 1000, adviser, DECISION_ACTION, client, 'f'.repeat(64), summary);
      } else {
        const action = OTHER_ACTIONS[i % OTHER_ACTIONS.length] as string;
        insert.run(i * 1000, adviser, action, client, 'f'.repeat(64), '{"sections":6}');
      }
    }
  })();
  db.close();
}

/** Median milliseconds of `work` over `repeat` runs (after one warm-up). */
async function median(work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const QUERIES: { name: string; run: (store: AppStore) => Promise<unknown> }[] = [
  {
    name: 'GET /api/decisions (page 1 of 20)',
    run: (s) => s.audit.query({ action: DECISION_ACTION, page: 1, pageSize: 20 }),
  },
  {
    name: 'GET /api/decisions?overridesOnly&reasonCategory',
    run: (s) =>
      s.audit.query({
        action: DECISION_ACTION,
        outputHas: { followsModel: false, reasonCategory: 'guarantee' },
        page: 1,
        pageSize: 20,
      }),
  },
  {
    name: 'GET /api/decisions?adviser&from (last tenth)',
    run: (s) =>
      s.audit.query({
        action: DECISION_ACTION,
        username: 'adviser3',
        from: records * 900,
        page: 1,
        pageSize: 20,
      }),
  },
  {
    name: 'client list: latest decision of 20 clients',
    run: (s) =>
      s.audit.latestPerClient(
        DECISION_ACTION,
        Array.from({ length: 20 }, (_, i) => 100_000 + i * 7),
      ),
  },
];

const dir = mkdtempSync(join(tmpdir(), 'creditlens-bench-audit-'));
try {
  const indexed = join(dir, 'indexed.sqlite');
  const bare = join(dir, 'bare.sqlite');
  const started = performance.now();
  fill(indexed);
  copyFileSync(indexed, bare);
  const db = new Database(bare);
  db.exec('DROP INDEX audit_action_at; DROP INDEX audit_action_client');
  db.close();
  process.stdout.write(
    `${records} audit records, ${(decisionShare * 100).toFixed(1)} % decisions over ${clients} clients (made in ${((performance.now() - started) / 1000).toFixed(1)} s); median of ${repeat} runs\n\n`,
  );
  const withIndex = openSqliteStore(indexed);
  const without = openSqliteStore(bare);
  process.stdout.write(
    '| query | without the indexes (ms) | with them (ms) | ratio |\n| --- | ---: | ---: | ---: |\n',
  );
  for (const q of QUERIES) {
    const a = await median(() => q.run(without));
    const b = await median(() => q.run(withIndex));
    process.stdout.write(
      `| ${q.name} | ${a.toFixed(2)} | ${b.toFixed(2)} | ${(a / b).toFixed(1)}× |\n`,
    );
  }
  await withIndex.close();
  await without.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
