/**
 * API load benchmark: starts the API on the prepared data directory as its own process
 * (bench-server.ts: the server `creditlens serve` builds, with the per-user limits of the
 * expensive routes raised, since one user drives every connection here), logs in as the demo
 * adviser, then drives each route with autocannon (50 connections, 10 s each, one route at a time)
 * and prints a Markdown table of throughput, latency percentiles and errors.
 * Run `npm start -- --no-serve` first (demo data and model), then:
 *
 *   node --import tsx bench/api/run.ts [--data-dir data] [--connections 50] [--seconds 10]
 *     [--only explanation,what-if]   (routes whose name contains one of the words)
 *
 * Routes with a server-side cache are driven twice: "warm" rotates over 100 clients (an adviser's
 * dashboard coming back to the same files), "cold" gives every request another client (every
 * client of the demo, in id order), so the cache figures never stand alone.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import autocannon from 'autocannon';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const dataDir = option('--data-dir', 'data');
const connections = Number(option('--connections', '50'));
const seconds = Number(option('--seconds', '10'));
const only = option('--only', '')
  .split(',')
  .map((w) => w.trim())
  .filter((w) => w !== '');
const entry = resolve(import.meta.dirname, 'bench-server.ts');

function startServer(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    'node',
    ['--import', 'tsx', entry, '--data-dir', dataDir, '--limits', 'off'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolveStart, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = out.match(/listening on (http:\/\/\S+)/);
      if (found) resolveStart({ child, base: found[1] as string });
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${out}`)));
  });
}

interface Route {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  /** Path of the i-th request (ids rotate so caches do not flatter the figures). */
  readonly path: (i: number) => string;
  readonly body?: (i: number) => string;
}

interface Row {
  readonly route: string;
  readonly requests: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

async function drive(base: string, cookie: string, route: Route): Promise<Row> {
  let i = 0;
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [
      {
        method: route.method,
        setupRequest: (request) => {
          const n = i++;
          return {
            ...request,
            path: route.path(n),
            headers: { cookie, 'content-type': 'application/json' },
            ...(route.body ? { body: route.body(n) } : {}),
          };
        },
      },
    ],
  });
  return {
    route: `${route.method} ${route.name}`,
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

const { child, base } = await startServer();
try {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'adviser', password: 'adviser-demo' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const page = async (n: number) => {
    const list = await fetch(`${base}/api/clients?pageSize=100&sort=id&page=${n}`, {
      headers: { cookie },
    });
    return (await list.json()) as { clients: { id: number }[]; total: number };
  };
  const first = await page(1);
  const ids = first.clients.map((c) => c.id);
  // Every client, for the cold runs (one request, one client not asked before).
  const every = [...ids];
  for (let n = 2; (n - 1) * 100 < first.total; n++) {
    every.push(...(await page(n)).clients.map((c) => c.id));
  }
  const id = (n: number) => ids[n % ids.length] as number;
  const distinct = (n: number) => every[n % every.length] as number;
  // Warm the per-model caches (explainer, references, similarity index) outside the timings.
  await fetch(`${base}/api/clients/${id(0)}/explanation`, { headers: { cookie } });
  await fetch(`${base}/api/clients/${id(0)}/similar`, { headers: { cookie } });
  const newApplication = (n: number) =>
    JSON.stringify({
      application: {
        NAME_CONTRACT_TYPE: 'Cash loans',
        AMT_INCOME_TOTAL: 90_000 + 10 * n,
        AMT_CREDIT: 400_000,
        AMT_ANNUITY: 21_000,
        DAYS_BIRTH: -14_000,
        DAYS_EMPLOYED: -2_000,
        EXT_SOURCE_2: 0.55,
      },
    });
  const allRoutes: Route[] = [
    { name: '/healthz', method: 'GET', path: () => '/healthz' },
    { name: '/api/clients/:id/score', method: 'GET', path: (n) => `/api/clients/${id(n)}/score` },
    {
      name: '/api/clients/:id/explanation (warm: 100 clients)',
      method: 'GET',
      path: (n) => `/api/clients/${id(n)}/explanation`,
    },
    {
      name: '/api/clients/:id/explanation (cold: distinct clients)',
      method: 'GET',
      path: (n) => `/api/clients/${distinct(n)}/explanation`,
    },
    {
      name: '/api/clients/:id/similar',
      method: 'GET',
      path: (n) => `/api/clients/${id(n)}/similar`,
    },
    {
      name: '/api/score (what-if, warm: 100 clients)',
      method: 'POST',
      path: () => '/api/score',
      body: (n) => JSON.stringify({ clientId: id(n), changes: { AMT_CREDIT: 200_000 + n } }),
    },
    {
      // What the dashboard's what-if form asks as the person types: score and reasons only.
      name: '/api/score (what-if as the dashboard asks: detail=reasons, cold)',
      method: 'POST',
      path: () => '/api/score',
      body: (n) =>
        JSON.stringify({
          clientId: distinct(n),
          changes: { AMT_CREDIT: 200_000 + n },
          detail: 'reasons',
        }),
    },
    {
      name: '/api/score (what-if, cold: distinct clients)',
      method: 'POST',
      path: () => '/api/score',
      body: (n) => JSON.stringify({ clientId: distinct(n), changes: { AMT_CREDIT: 200_000 + n } }),
    },
    {
      name: '/api/score (new application)',
      method: 'POST',
      path: () => '/api/score',
      body: newApplication,
    },
    { name: '/api/clients/:id', method: 'GET', path: (n) => `/api/clients/${id(n)}` },
    {
      name: '/api/clients (page of 20)',
      method: 'GET',
      path: (n) => `/api/clients?page=${1 + (n % 50)}&sort=-points`,
    },
  ];
  const routes = allRoutes.filter((r) => only.length === 0 || only.some((w) => r.name.includes(w)));
  const rows: Row[] = [];
  for (const route of routes) {
    process.stderr.write(`${route.method} ${route.name}…\n`);
    rows.push(await drive(base, cookie, route));
  }
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  process.stdout.write(
    `\`node --import tsx bench/api/run.ts\` (${when} UTC; ${connections} connections, ${seconds} s per route, one route at a time)\n\n`,
  );
  process.stdout.write('| Route | Requests | Req/s | p50 ms | p99 ms | Errors |\n');
  process.stdout.write('|---|---:|---:|---:|---:|---:|\n');
  for (const r of rows) {
    process.stdout.write(
      `| ${r.route} | ${r.requests.toLocaleString('en')} | ${Math.round(r.perSecond).toLocaleString('en')} | ${r.p50} | ${r.p99} | ${r.errors} |\n`,
    );
  }
} finally {
  child.kill('SIGTERM');
}
