/**
 * What sharing the per-user token bucket through PostgreSQL adds to an expensive request, side by
 * side with the in-memory limiter of one process: the admission (take a token; with the limiter,
 * enter and release its slot) timed one at a time over `--users` users, in the same process,
 * against a throw-away PostgreSQL cluster on this machine (Debian's binaries, a local TCP
 * connection, fsync off as the tests run it: on a server with fsync on, each upsert's commit also
 * waits for its WAL flush). With `--data-dir` holding the demo data, one expensive
 * request (a recourse, through inject) is timed too, to put the admission beside the work it
 * guards.
 *
 *   node --import tsx bench/api/shared-limits.ts [--admissions 3000] [--users 50] [--data-dir data]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolveConfig } from '../../src/api/config.ts';
import { UserLimiter } from '../../src/api/limits/user-limiter.ts';
import { openPostgresStore } from '../../src/api/store/postgres-store.ts';
import { login } from '../../src/api/test-support.ts';
import { startPostgres } from '../../test/support/postgres.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const admissions = Number(option('--admissions', '3000'));
const users = Number(option('--users', '50'));
const dataDir = option('--data-dir', 'data');

/** Milliseconds of each call, in order. */
async function timed(n: number, body: (i: number) => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await body(i);
    times.push(performance.now() - start);
  }
  return times;
}

function summary(times: number[]): { mean: number; p50: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { mean: times.reduce((s, t) => s + t, 0) / times.length, p50: at(0.5), p99: at(0.99) };
}

const ms = (v: number) => v.toFixed(3);
// Generous limits: every admission is granted, so both sides do the same work.
const limits = { ...resolveConfig({}).expensiveLimits, burst: 1e9, perMinute: 1e9 };
const msPerToken = 60_000 / limits.perMinute;

const memory = new UserLimiter(limits);
const warm = (i: number) => `user:${i % users}`;
await timed(500, (i) => {
  const entered = memory.enter(warm(i));
  if (!(entered instanceof Promise) && 'release' in entered) entered.release();
});
const inMemory = summary(
  await timed(admissions, (i) => {
    const entered = memory.enter(warm(i));
    if (!(entered instanceof Promise) && 'release' in entered) entered.release();
  }),
);

const cluster = await startPostgres();
let shared: { mean: number; p50: number; p99: number };
try {
  const store = await openPostgresStore(await cluster.createDatabase());
  const buckets = store.shared?.rateBuckets;
  if (!buckets) throw new Error('the PostgreSQL store shares no token buckets');
  await timed(500, (i) => buckets.take(warm(i), Date.now(), limits.burst, msPerToken));
  shared = summary(
    await timed(admissions, (i) => buckets.take(warm(i), Date.now(), limits.burst, msPerToken)),
  );
  await store.close();
} finally {
  cluster.destroy();
}

console.log(`admissions: ${admissions}, one at a time, over ${users} users\n`);
console.log('| admission | mean ms | p50 ms | p99 ms |');
console.log('| --- | --- | --- | --- |');
console.log(
  `| in memory (one process) | ${ms(inMemory.mean)} | ${ms(inMemory.p50)} | ${ms(inMemory.p99)} |`,
);
console.log(
  `| PostgreSQL upsert (replicas) | ${ms(shared.mean)} | ${ms(shared.p50)} | ${ms(shared.p99)} |`,
);
console.log(`\nratio PostgreSQL / in memory (mean): ${(shared.mean / inMemory.mean).toFixed(0)}×`);
console.log(`added per expensive request (mean): ${ms(shared.mean - inMemory.mean)} ms`);

if (existsSync(join(dataDir, 'creditlens.duckdb'))) {
  const { buildServer } = await import('../../src/api/server.ts');
  const app = await buildServer({
    dataDir,
    logLevel: 'silent',
    webDist: null,
    expensiveLimits: limits,
  });
  try {
    const cookie = await login(app, 'adviser');
    const list = await app.inject({ url: '/api/clients?pageSize=60', headers: { cookie } });
    const ids = (list.json().clients as { id: number }[]).map((c) => c.id);
    const recourse = (i: number) =>
      app.inject({ url: `/api/clients/${ids[i % ids.length]}/recourse`, headers: { cookie } });
    await timed(5, recourse);
    const request = summary(await timed(ids.length, recourse));
    console.log(
      `\none recourse (an expensive request, ${ids.length} distinct clients, in process): mean ${ms(request.mean)} ms, p50 ${ms(request.p50)} ms; ` +
        `the shared admission adds ${((100 * (shared.mean - inMemory.mean)) / request.mean).toFixed(1)} % of its mean`,
    );
  } finally {
    await app.close();
  }
} else {
  console.log(`\n(no demo data in ${dataDir}: the expensive request itself not timed)`);
}
