/**
 * The cluster of scripts/cluster.sh under load (issue 16): requests/s and latency through HAProxy
 * with one replica and with two, side by side with one replica served directly (what the proxy
 * costs), and with two replicas while one is killed with kill -9 (what a lost machine costs).
 * Every phase drives the same route with autocannon: an adviser reading client files
 * (GET /api/clients/:id, rotating over 100 clients), with a session kept in PostgreSQL. Prints a
 * Markdown table and the ratios.
 *
 *   node --import tsx bench/api/cluster.ts [--data-dir DIR] [--connections 20] [--seconds 10]
 *
 * Without --data-dir it makes a small demo data directory (300 + 60 clients, a tiny model) in a
 * temporary folder; with one (e.g. data, after `npm start -- --no-serve`) it serves that.
 */
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { makeDataDir } from '../../src/api/test-support.ts';
import { type Cluster, clusterMissing, startCluster } from '../../test/support/cluster.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const connections = Number(option('--connections', '20'));
const seconds = Number(option('--seconds', '10'));
const givenDataDir = option('--data-dir', '');

interface Row {
  readonly phase: string;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly errors: number;
}

async function session(base: string): Promise<{ cookie: string; ids: number[] }> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'adviser', password: 'adviser-demo' }),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const list = await fetch(`${base}/api/clients?pageSize=100`, { headers: { cookie } });
  const ids = ((await list.json()) as { clients: { id: number }[] }).clients.map((c) => c.id);
  return { cookie, ids };
}

async function drive(phase: string, base: string, during?: () => Promise<void>): Promise<Row> {
  const { cookie, ids } = await session(base);
  // Warm each replica's caches outside the timings.
  for (let i = 0; i < 20; i++) {
    await fetch(`${base}/api/clients/${ids[i % ids.length]}`, { headers: { cookie } });
  }
  let n = 0;
  const run = autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({
          ...request,
          path: `/api/clients/${ids[n++ % ids.length]}`,
          headers: { cookie },
        }),
      },
    ],
  });
  const side = during?.();
  const result = await run;
  await side;
  return {
    phase,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

const missing = clusterMissing();
if (missing) {
  process.stderr.write(`${missing}\n`);
  process.exit(1);
}
const made = givenDataDir ? null : await makeDataDir('creditlens-bench-cluster-');
const dataDir = givenDataDir || (made?.dataDir as string);
const loadBefore = loadavg()[0] as number;
const rows: Row[] = [];
let cluster: Cluster | null = null;
try {
  process.stderr.write('one replica…\n');
  cluster = await startCluster(dataDir, 1);
  rows.push(await drive('1 replica, direct (no proxy)', cluster.replicas[0] as string));
  rows.push(await drive('1 replica through HAProxy', cluster.url));
  await cluster.stop();

  process.stderr.write('two replicas…\n');
  cluster = await startCluster(dataDir, 2);
  rows.push(await drive('2 replicas through HAProxy', cluster.url));
  const c = cluster;
  rows.push(
    await drive('2 replicas, replica-1 killed (kill -9) 3 s in', c.url, async () => {
      await new Promise((r) => setTimeout(r, 3000));
      await c.killReplica(1);
    }),
  );
  await cluster.stop();
  cluster = null;
} finally {
  await cluster?.stop();
  made?.cleanup();
}

const at = (phase: string) => rows.find((r) => r.phase.startsWith(phase)) as Row;
const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const lines = [
  `\`node --import tsx bench/api/cluster.ts${givenDataDir ? ` --data-dir ${givenDataDir}` : ''}\` (${when} UTC; ${connections} connections, ${seconds} s per phase, GET /api/clients/:id over 100 clients; ${cpus().length} cores, load average ${loadBefore.toFixed(1)} before and ${(loadavg()[0] as number).toFixed(1)} after: autocannon, HAProxy, PostgreSQL and the replicas share them)`,
  '',
  '| phase | requests/s | p50 ms | p99 ms | max ms | errors |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.phase} | ${r.perSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.max} | ${r.errors} |`,
  ),
  '',
  `- HAProxy / direct, one replica: ${(at('1 replica through').perSecond / at('1 replica, direct').perSecond).toFixed(2)}× the requests/s`,
  `- two replicas / one, through HAProxy: ${(at('2 replicas through').perSecond / at('1 replica through').perSecond).toFixed(2)}× the requests/s`,
  `- during the kill / two replicas: ${(at('2 replicas, replica-1 killed').perSecond / at('2 replicas through').perSecond).toFixed(2)}× the requests/s`,
];
process.stdout.write(`${lines.join('\n')}\n`);
