/**
 * The cluster of scripts/cluster.sh, through HAProxy, while a replica is lost: advisers read
 * client files and record decisions (each with an Idempotency-Key, retried with the same key)
 * while replica-1 is killed with kill -9. Afterwards every acknowledged decision is in the audit
 * trail exactly once, the client saw no error after retrying (replica-2 kept answering), and
 * replica-1, started again, is seen up by HAProxy and answers requests again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDataDir } from '../../src/api/test-support.ts';
import { type Cluster, clusterTestsRun, startCluster } from '../support/cluster.ts';
import { RetryingClient } from './retrying-client.ts';

const runs = clusterTestsRun();

interface ListedClient {
  id: number;
  decision: 'grant' | 'refuse' | null;
}

interface AuditRecord {
  id: number;
  action: string;
  outputSummary: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => Promise<boolean>, seconds: number) {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(200);
  }
  throw new Error(`${what}: not within ${seconds} s`);
}

describe.runIf(runs)('a cluster of two replicas behind HAProxy', () => {
  let cluster: Cluster;
  let cleanup = () => {};

  beforeAll(async () => {
    const made = await makeDataDir('creditlens-cluster-data-');
    cleanup = made.cleanup;
    cluster = await startCluster(made.dataDir);
  }, 240_000);

  afterAll(async () => {
    await cluster?.stop();
    cleanup();
  });

  it('loses no acknowledged decision and no request when a replica is killed, and takes it back', async () => {
    const run = `run-${Date.now().toString(36)}`;
    const adviser = new RetryingClient(cluster.url);
    await adviser.login('adviser', 'adviser-demo');
    const list = await adviser.get('/api/clients?pageSize=100&decision=refuse');
    const granted = await adviser.get('/api/clients?pageSize=100&decision=grant');
    const clients = [
      ...(list.body as { clients: ListedClient[] }).clients,
      ...(granted.body as { clients: ListedClient[] }).clients,
    ];
    expect(clients.length).toBeGreaterThan(10);

    // Acknowledged decisions: key → decision id from the 201 (or the replayed 201).
    const acknowledged = new Map<string, number>();
    // Who answered while HAProxy had replica-1 out.
    const servedWhileDown = new Set<string>();
    let down = false;
    let stop = false;
    let n = 0;
    const worker = async (w: number) => {
      while (!stop) {
        n += 1;
        const client = clients[n % clients.length] as ListedClient;
        const file = await adviser.get(`/api/clients/${client.id}`);
        if (down) servedWhileDown.add(file.servedBy);
        const key = `${run}-${w}-${n}`;
        const answer = await adviser.post(
          `/api/clients/${client.id}/decisions`,
          {
            decision: client.decision,
            followsModel: true,
            reasonCategory: 'other',
            justification: `cluster test decision ${key}`,
          },
          key,
        );
        if (down) servedWhileDown.add(answer.servedBy);
        if (answer.status === 201) acknowledged.set(key, (answer.body as { id: number }).id);
      }
    };
    const workers = [1, 2, 3, 4].map(worker);

    await sleep(1500);
    const before = acknowledged.size;
    await cluster.killReplica(1);
    await until(
      'HAProxy sees replica-1 down',
      async () =>
        (await cluster.haproxyView()).some((r) => r.name === 'replica-1' && r.status === 'DOWN'),
      15,
    );
    down = true;
    await sleep(2000);
    down = false;
    const duringKill = acknowledged.size;

    await cluster.startReplica(1);
    await until(
      'HAProxy sees replica-1 up again',
      async () =>
        (await cluster.haproxyView()).some((r) => r.name === 'replica-1' && r.status === 'UP'),
      30,
    );
    const seenBefore = adviser.tally.servedBy.get('replica-1') ?? 0;
    await until(
      'a request reaches replica-1 again',
      async () => (adviser.tally.servedBy.get('replica-1') ?? 0) > seenBefore,
      15,
    );
    stop = true;
    await Promise.all(workers);

    // The client saw no error after retrying; decisions were recorded before, during and after.
    expect(adviser.tally.errors).toEqual([]);
    expect(before).toBeGreaterThan(0);
    expect(duringKill).toBeGreaterThan(before);
    expect(acknowledged.size).toBeGreaterThan(duringKill);
    // Once HAProxy had taken replica-1 out, replica-2 alone answered.
    expect([...servedWhileDown]).toEqual(['replica-2']);

    // Every acknowledged decision is in the audit trail exactly once, under its id.
    const admin = new RetryingClient(cluster.url);
    await admin.login('admin', 'admin-demo');
    const records: AuditRecord[] = [];
    for (let page = 1; ; page++) {
      const answer = await admin.get(`/api/audit?action=client.decision&pageSize=500&page=${page}`);
      const body = answer.body as { total: number; records: AuditRecord[] };
      records.push(...body.records);
      if (records.length >= body.total || body.records.length === 0) break;
    }
    const ours = records.filter((r) => r.outputSummary.includes(run));
    const byKey = new Map<string, AuditRecord[]>();
    for (const record of ours) {
      const key = /cluster test decision (\S+?)"/.exec(record.outputSummary)?.[1] ?? '';
      byKey.set(key, [...(byKey.get(key) ?? []), record]);
    }
    const wrong: string[] = [];
    for (const [key, id] of acknowledged) {
      const found = byKey.get(key) ?? [];
      if (found.length !== 1 || found[0]?.id !== id) {
        wrong.push(`${key}: acknowledged as ${id}, audit ${found.map((r) => r.id).join(',')}`);
      }
    }
    expect(wrong).toEqual([]);
    // Nothing recorded that was not acknowledged (every request ended acknowledged).
    expect(ours.length).toBe(acknowledged.size);
    console.info(
      `cluster: ${acknowledged.size} decisions (${before} before the kill, ${duringKill - before} while replica-1 was down), ${adviser.tally.retries} retries, answers by replica ${JSON.stringify(Object.fromEntries(adviser.tally.servedBy))}`,
    );
  }, 300_000);
});
