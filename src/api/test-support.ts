/**
 * Test helpers: a tiny data directory built by the `creditlens start` chain (a few seconds), a server on it, and logins. Never touches /work/main/data.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type Db, openDb } from '../data/db.ts';
import { buildFeatures } from '../data/features/index.ts';
import { generateDataset } from '../data/generate/index.ts';
import { ingestDirectory } from '../data/ingest/index.ts';
import { saveRun } from '../model/registry/index.ts';
import { fabricateDraft, tinyModel } from '../model/registry/test-support.ts';
import { DEMO_PASSWORDS } from './auth/demo-users.ts';
import { ClientRepository } from './clients/repository.ts';
import { type BuildOptions, buildServer } from './server.ts';

/** Runs `creditlens serve` alone (test/support/serve-child.ts), independent of the other commands. */
export const SERVE_CHILD = resolve(import.meta.dirname, '../../test/support/serve-child.ts');

/**
 * Starts `creditlens serve --port 0` on `dataDir` as a child process; `base` resolves with its
 * URL once it listens, or rejects with its stderr if it exits first.
 */
export function spawnServeChild(dataDir: string): { child: ChildProcess; base: Promise<string> } {
  const args = ['--port', '0', '--data-dir', dataDir, '--log-level', 'warn'];
  const child = spawn('node', ['--import', 'tsx', SERVE_CHILD, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const base = new Promise<string>((resolveBase, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolveBase(match[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
  return { child, base };
}

/**
 * A temp data directory with a small demo database (300 train and 60 test clients) and, unless
 * `model: false`, an active model in models/.
 */
export async function makeDataDir(
  prefix = 'creditlens-api-',
  options: { model?: boolean } = {},
): Promise<{
  dataDir: string;
  cleanup: () => void;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  // The same chain as `creditlens start`, called through the data layer.
  const demoDir = join(dataDir, 'demo');
  const dbPath = join(dataDir, 'creditlens.duckdb');
  await generateDataset({ outDir: demoDir, clients: 300, testClients: 60, seed: 42 });
  await ingestDirectory({ dir: demoDir, dbPath });
  await buildFeatures({ dbPath });
  if (options.model !== false) {
    // A fabricated run over ten real features with a tiny real model: scores without training.
    await saveRun(
      join(dataDir, 'models'),
      { model: tinyModel(), draft: fabricateDraft() },
      { activate: true },
    );
  }
  return { dataDir, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}

const shared = new Map<string, Promise<{ db: Db; clients: ClientRepository }>>();

/** One in-memory client repository per data directory, shared by the servers of a test file. */
function sharedClients(dataDir: string): Promise<ClientRepository> {
  let entry = shared.get(dataDir);
  if (!entry) {
    entry = openDb(join(dataDir, 'creditlens.duckdb'), { readOnly: true }).then(async (db) => ({
      db,
      clients: await ClientRepository.open(db),
    }));
    shared.set(dataDir, entry);
  }
  return entry.then((e) => e.clients);
}

/** Closes the shared repositories (afterAll). */
export async function closeShared(): Promise<void> {
  for (const entry of shared.values()) (await entry).db.close();
  shared.clear();
}

/**
 * A silent server on the data directory. Its client data is loaded once per directory and shared
 * (loading takes seconds); `isolated: true` makes the server open its own.
 */
export async function testServer(
  dataDir: string,
  options: BuildOptions & { isolated?: boolean } = {},
): Promise<FastifyInstance> {
  const { isolated, ...rest } = options;
  const hasDb = existsSync(join(dataDir, 'creditlens.duckdb'));
  const clients = !isolated && hasDb ? await sharedClients(dataDir) : undefined;
  return buildServer({ dataDir, logLevel: 'silent', ...(clients ? { clients } : {}), ...rest });
}

export type DemoName = 'adviser' | 'admin' | 'customer1' | 'customer2';

/** Logs a demo user in and returns the Cookie header value. */
export async function login(app: FastifyInstance, username: DemoName): Promise<string> {
  const role = username.startsWith('customer') ? 'customer' : (username as 'adviser' | 'admin');
  const reply = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORDS[role] },
  });
  if (reply.statusCode !== 200)
    throw new Error(`login ${username}: ${reply.statusCode} ${reply.body}`);
  const setCookie = reply.headers['set-cookie'];
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return String(first).split(';')[0] ?? '';
}

/** A test server with every demo user logged in, and customer1's own client id. */
export interface LoggedInServer {
  readonly app: FastifyInstance;
  /** The data directory (another server may be opened on it, e.g. with other limits). */
  readonly dataDir: string;
  readonly cookies: Readonly<Record<DemoName, string>>;
  /** customer1's client (SK_ID_CURR). */
  readonly own: number;
  /** A GET as `who` (null: not logged in). */
  get(who: DemoName | null, url: string): Promise<LightMyRequestResponse>;
  /** Closes the server and the shared data, removes the data directory (afterAll). */
  close(): Promise<void>;
}

export async function loggedInServer(
  prefix: string,
  options: BuildOptions = {},
): Promise<LoggedInServer> {
  const made = await makeDataDir(prefix);
  const app = await testServer(made.dataDir, options);
  const cookies = {} as Record<DemoName, string>;
  for (const name of ['adviser', 'admin', 'customer1', 'customer2'] as const) {
    cookies[name] = await login(app, name);
  }
  const get = (who: DemoName | null, url: string) =>
    app.inject({ method: 'GET', url, headers: who ? { cookie: cookies[who] } : {} });
  const me = await get('customer1', '/api/auth/me');
  return {
    app,
    dataDir: made.dataDir,
    cookies,
    own: me.json().user.clientId as number,
    get,
    async close() {
      await app.close();
      await closeShared();
      made.cleanup();
    },
  };
}
