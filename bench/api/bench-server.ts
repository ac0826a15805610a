/**
 * The API server for the load benchmarks, as `creditlens serve` builds it, with the per-user limits
 * of the expensive routes chosen by the benchmark (one user driving many connections would
 * otherwise measure the limits, not the routes):
 *
 *   node --import tsx bench/api/bench-server.ts --data-dir DIR [--limits default|off|concurrency]
 *     [--root DIR]
 *
 * `--limits off` raises them out of reach; `concurrency` only the rate's (the requests at once,
 * the queue and the refusals stay as configured); `--root` serves another checkout of creditlens (a
 * `git archive` of an earlier commit beside this one, for a before/after). Prints
 * "listening on http://…" once it listens, and stops on SIGTERM.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const root = resolve(option('--root', resolve(import.meta.dirname, '../..')));
const limits = option('--limits', 'default');
const NO_RATE = { perMinute: 1_000_000, burst: 1_000_000 };
const LIMITS: Record<string, object> = {
  default: {},
  off: { ...NO_RATE, concurrent: 1000, queued: 0 },
  concurrency: NO_RATE,
};

const { buildServer } = (await import(
  pathToFileURL(resolve(root, 'src/api/server.ts')).href
)) as typeof import('../../src/api/server.ts');
const app = await buildServer({
  dataDir: option('--data-dir', 'data'),
  port: 0,
  logLevel: 'warn',
  webDist: null,
  expensiveLimits: LIMITS[limits] ?? {},
});
process.once('SIGTERM', () => {
  app.close().then(() => process.exit(0));
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening on ${address}\n`);
