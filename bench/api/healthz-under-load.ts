/**
 * Can one session slow everyone down? Starts the API (bench-server.ts) on the prepared data
 * directory as its own process, logs in as the demo customer, then, for each expensive route,
 * drives it from that one session with autocannon (20 connections, 10 s) while a probe asks
 * `GET /healthz` one request at a time (every 10 ms, its own keep-alive connection), and prints
 * the probe's latency alone and under that load, with the loader's answers (2xx, 429). Bounded:
 * `--seconds` per route, three routes at most. Run `npm start -- --no-serve` first, then:
 *
 *   node --import tsx bench/api/healthz-under-load.ts [--data-dir data] [--connections 20]
 *     [--seconds 10] [--limits default|off|concurrency] [--root DIR]
 *     [--only explanation,recourse,what-if]
 *
 * `--limits off` raises the per-user limits out of reach, `concurrency` only the rate (so the one
 * session keeps its two slots busy all along); `--root DIR` serves another checkout (a
 * `git archive` of an earlier commit, with this repository's node_modules linked in) for the
 * figures before the limits existed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const dataDir = option('--data-dir', 'data');
const connections = Number(option('--connections', '20'));
const seconds = Number(option('--seconds', '10'));
const limits = option('--limits', 'default');
const root = option('--root', '');
const only = option('--only', '')
  .split(',')
  .map((w) => w.trim())
  .filter((w) => w !== '');

function startServer(): Promise<{ child: ChildProcess; base: string }> {
  const entry = resolve(import.meta.dirname, 'bench-server.ts');
  const child = spawn(
    'node',
    [
      '--import',
      'tsx',
      entry,
      '--data-dir',
      dataDir,
      '--limits',
      limits,
      ...(root ? ['--root', root] : []),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolveStart, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = out.match(/listening on (http:\/\/\S+)/);
      if (found) resolveStart({ child, base: found[1] as string });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

/** GET /healthz one at a time every `gapMs` until `stop` resolves; the latencies in ms. */
async function probe(base: string, stop: Promise<unknown>, gapMs = 10): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL('/healthz', base);
  let done = false;
  void stop.then(() => {
    done = true;
  });
  const times: number[] = [];
  while (!done) {
    const started = performance.now();
    await new Promise<void>((ok, fail) => {
      const req = request(url, { agent }, (res) => {
        res.resume();
        res.once('end', ok);
      });
      req.once('error', fail);
      req.end();
    });
    times.push(performance.now() - started);
    await sleep(gapMs);
  }
  agent.destroy();
  return times;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function summary(times: number[]): { n: number; p50: number; p90: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
  };
}

interface Route {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
}

const ms = (x: number) => x.toFixed(1);

const { child, base } = await startServer();
try {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'customer1', password: 'customer-demo' }),
  });
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const me = (await (await fetch(`${base}/api/auth/me`, { headers: { cookie } })).json()) as {
    user: { clientId: number };
  };
  const own = me.user.clientId;
  const allRoutes: Route[] = [
    {
      name: 'explanation?all=true',
      method: 'GET',
      path: `/api/clients/${own}/explanation?all=true`,
    },
    { name: 'recourse', method: 'GET', path: `/api/clients/${own}/recourse` },
    {
      name: 'what-if',
      method: 'POST',
      path: '/api/score',
      body: JSON.stringify({ clientId: own, changes: { AMT_CREDIT: 250_000 } }),
    },
  ];
  const routes = allRoutes.filter((r) => only.length === 0 || only.some((w) => r.name.includes(w)));
  // Warm the per-model tables (explainer, references) outside the timings.
  for (const route of routes) {
    await fetch(`${base}${route.path}`, {
      method: route.method,
      headers: { cookie, 'content-type': 'application/json' },
      ...(route.body ? { body: route.body } : {}),
    });
  }
  const idle = summary(await probe(base, sleep(Math.min(5, seconds) * 1000)));
  const rows: string[] = [];
  for (const route of routes) {
    process.stderr.write(`${route.name}…\n`);
    // A pause so the bucket of the previous route's load refills a little.
    await sleep(2000);
    const load = autocannon({
      url: base,
      connections,
      duration: seconds,
      requests: [
        {
          method: route.method,
          path: route.path,
          headers: { cookie, 'content-type': 'application/json' },
          ...(route.body ? { body: route.body } : {}),
        },
      ],
    });
    const [result, times] = await Promise.all([load, probe(base, load)]);
    const busy = summary(times);
    const codes = result.statusCodeStats ?? {};
    const count = (code: string) => codes[code as `${number}`]?.count ?? 0;
    const ok = Object.keys(codes)
      .filter((c) => c.startsWith('2'))
      .reduce((sum, c) => sum + count(c), 0);
    const limited = count('429');
    const other = result.requests.total - ok - limited;
    rows.push(
      `| ${route.name} | ${Math.round(result.requests.average)} | ${ok} | ${limited} | ${other} | ${ms(busy.p50)} | ${ms(busy.p90)} | ${ms(busy.p99)} | ${busy.n} |`,
    );
  }
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const server = `${root ? `--root ${root} ` : ''}--limits ${limits}`;
  process.stdout.write(
    `\`node --import tsx bench/api/healthz-under-load.ts ${server}\` (${when} UTC; one customer session, ${connections} connections, ${seconds} s per route)\n\n`,
  );
  process.stdout.write(
    `/healthz alone: p50 ${ms(idle.p50)} ms, p90 ${ms(idle.p90)} ms, p99 ${ms(idle.p99)} ms (${idle.n} probes)\n\n`,
  );
  process.stdout.write(
    '| Expensive route | Req/s | 2xx | 429 | other | /healthz p50 ms | p90 ms | p99 ms | probes |\n',
  );
  process.stdout.write('|---|---:|---:|---:|---:|---:|---:|---:|---:|\n');
  process.stdout.write(`${rows.join('\n')}\n`);
} finally {
  child.kill('SIGTERM');
}
