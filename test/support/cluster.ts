/**
 * The real cluster of scripts/cluster.sh (PostgreSQL, `serve` replicas, HAProxy) on free ports,
 * in a folder of its own, for the cluster test and bench/api/cluster.ts: the script is the one
 * thing that starts, kills and restarts its parts, so what people run is what is tested. Without
 * PostgreSQL or HAProxy the tests that need it skip with a message, except under CI=true.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { postgresMissing } from './postgres.ts';

const run = promisify(execFile);
export const CLUSTER_SCRIPT = resolve(import.meta.dirname, '../../scripts/cluster.sh');
const HAPROXY = '/usr/sbin/haproxy';

/** Why the cluster cannot run here, or null when it can. */
export function clusterMissing(): string | null {
  const pg = postgresMissing();
  if (pg) return pg.replace('the PostgreSQL store tests are', 'the cluster tests are');
  if (!existsSync(HAPROXY)) {
    return 'HAProxy is not installed (apt-get install haproxy): the cluster tests are skipped';
  }
  return null;
}

/** True when the cluster tests run: installed, or CI (where a missing install fails them). */
export function clusterTestsRun(): boolean {
  const missing = clusterMissing();
  if (missing && process.env.CI !== 'true') {
    console.warn(missing);
    return false;
  }
  return true;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** HAProxy's state of one replica ("UP", "DOWN", "UP 1/2"…) and the requests it sent to it. */
export interface ReplicaView {
  readonly name: string;
  readonly status: string;
  readonly sessions: number;
}

export interface Cluster {
  /** The load balancer's URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  /** The replicas' URLs, in order (replica-1 first). */
  readonly replicas: readonly string[];
  readonly dir: string;
  /** `kill -9` of replica n (1-based). */
  killReplica(n: number): Promise<void>;
  /** Starts replica n again and waits until it is ready (not yet until HAProxy sees it). */
  startReplica(n: number): Promise<void>;
  /** HAProxy's view of each replica (its statistics page as CSV). */
  haproxyView(): Promise<ReplicaView[]>;
  /** The tail of a log of the cluster folder (replica-1.log, haproxy.log…), for failures. */
  log(name: string): string;
  /** Stops everything and removes the cluster folder. */
  stop(): Promise<void>;
}

/**
 * Starts a cluster of `replicas` replicas on `dataDir` (already prepared: the script's preparation
 * is skipped). Its PostgreSQL data, logs and haproxy.cfg live in a temporary folder.
 */
export async function startCluster(dataDir: string, replicas = 2): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'creditlens-cluster-'));
  // As root the postgres OS user runs PostgreSQL in a folder below this one.
  chmodSync(dir, 0o755);
  const ports = await Promise.all(Array.from({ length: replicas + 3 }, freePort));
  const [lb, pg, stats, ...replicaPorts] = ports as [number, number, number, ...number[]];
  const env = {
    ...process.env,
    CREDITLENS_DATA_DIR: dataDir,
    CLUSTER_DIR: dir,
    CLUSTER_PORT: String(lb),
    CLUSTER_PG_PORT: String(pg),
    CLUSTER_STATS_PORT: String(stats),
    CLUSTER_REPLICA_PORTS: replicaPorts.join(' '),
    CLUSTER_SKIP_PREPARE: '1',
  };
  const script = async (...args: string[]) => {
    try {
      await run(CLUSTER_SCRIPT, args, { env, timeout: 180_000 });
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string; message: string };
      throw new Error(`cluster.sh ${args.join(' ')}: ${e.stderr || e.stdout || e.message}`);
    }
  };
  const log = (name: string) => {
    const path = join(dir, name);
    return existsSync(path) ? readFileSync(path, 'utf8').slice(-4000) : `(no ${name})`;
  };
  const cluster: Cluster = {
    url: `http://127.0.0.1:${lb}`,
    replicas: replicaPorts.map((p) => `http://127.0.0.1:${p}`),
    dir,
    killReplica: (n) => script('kill-replica', String(n)),
    startReplica: (n) => script('start-replica', String(n)),
    async haproxyView() {
      const csv = await (await fetch(`http://127.0.0.1:${stats}/;csv`)).text();
      const header = (csv.split('\n')[0] ?? '').replace(/^# /, '').split(',');
      const col = (name: string) => header.indexOf(name);
      return csv
        .split('\n')
        .slice(1)
        .map((line) => line.split(','))
        .filter((f) => f[col('pxname')] === 'replicas' && f[col('svname')]?.startsWith('replica'))
        .map((f) => ({
          name: f[col('svname')] as string,
          status: f[col('status')] as string,
          sessions: Number(f[col('stot')]),
        }));
    },
    log,
    async stop() {
      try {
        await script('stop');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  try {
    await script('start');
  } catch (error) {
    const logs = ['replica-1.log', 'haproxy.log', 'pg-run/postgres.log'].map(
      (name) => `--- ${name}\n${log(name)}`,
    );
    await cluster.stop().catch(() => {});
    throw new Error(`${(error as Error).message}\n${logs.join('\n')}`);
  }
  return cluster;
}
