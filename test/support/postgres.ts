/**
 * A throw-away PostgreSQL cluster for the tests (never a mock): Debian's binaries
 * (/usr/lib/postgresql/<version>/bin, from the `postgresql` package that .ci/run installs),
 * `initdb` into a temporary folder and `pg_ctl start` on a free local port, listening on a socket
 * folder of its own too. Root cannot run PostgreSQL: as root, the cluster is made and run as the
 * `postgres` OS user. Without the binaries the tests that need it skip with a message, except
 * under CI=true, where that is a failure.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder of Debian's PostgreSQL binaries (the newest version installed), or null. */
export function postgresBinDir(): string | null {
  const override = process.env.CREDITLENS_PG_BIN;
  if (override) return existsSync(join(override, 'initdb')) ? override : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/** Why the PostgreSQL tests cannot run here, or null when they can. */
export function postgresMissing(): string | null {
  if (postgresBinDir()) return null;
  return 'PostgreSQL is not installed (apt-get install postgresql): the PostgreSQL store tests are skipped';
}

/** True when the PostgreSQL tests run: installed, or CI (where a missing install fails them). */
export function postgresTestsRun(): boolean {
  const missing = postgresMissing();
  if (missing && process.env.CI !== 'true') {
    console.warn(missing);
    return false;
  }
  return true;
}

export interface PostgresCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** A URL to a new, empty database on the cluster. */
  createDatabase(): Promise<string>;
  /** Stops the server (fast shutdown); start() brings it back on the same port and data; each does nothing when already so. */
  stop(): void;
  start(): void;
  /** Stops it and removes its folder. */
  destroy(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

let databases = 0;

/** Makes and starts a cluster; throws (with initdb's or pg_ctl's output) when it cannot. */
export async function startPostgres(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(postgresMissing() ?? 'no PostgreSQL');
  const dir = mkdtempSync(join(tmpdir(), 'creditlens-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? postgresUser() : null;
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chmodSync(dir, 0o700);
  }
  // As root, the postgres OS user runs the binaries (runuser keeps no root privilege).
  const run = (file: string, args: string[]) => {
    const command = owner ? 'runuser' : file;
    const argv = owner ? ['-u', 'postgres', '--', file, ...args] : args;
    return execFileSync(command, argv, { stdio: 'pipe', cwd: dir }).toString();
  };
  run(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--no-locale',
    '--no-sync',
  ]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  let running = false;
  const start = () => {
    if (running) return;
    run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', 'start']);
    running = true;
  };
  const stop = () => {
    if (!running) return;
    run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    running = false;
  };
  start();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    async createDatabase() {
      databases += 1;
      const name = `creditlens_test_${process.pid}_${databases}`;
      run(join(bin, 'psql'), [
        '-h',
        dir,
        '-p',
        String(port),
        '-U',
        'postgres',
        '-qc',
        `CREATE DATABASE ${name}`,
      ]);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop,
    start,
    destroy() {
      try {
        stop();
      } catch {
        // stopped by someone else
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}
