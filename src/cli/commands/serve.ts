import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { ConfigError, dataPaths } from '../../api/config.ts';
import { buildServerWithInfo } from '../../api/server.ts';
import { StoreOpenError } from '../../api/store/postgres-store.ts';
import { WEB_DIST } from '../../api/web/paths.ts';
import { dataDirOption, dbOption, hostOption, parsePort, portOption } from '../options.ts';
import { UserError } from '../user-error.ts';

function secureCookies(raw: string): boolean | 'auto' {
  if (raw === 'auto') return 'auto';
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new UserError(`invalid --secure-cookies: expected auto, true or false, got '${raw}'`);
}

/** What `serve` (and the end of `start`) needs to run the server. */
export interface ServeSettings {
  port: string;
  host: string;
  dataDir: string;
  db?: string;
  appDb?: string;
  modelsDir?: string;
  secureCookies: string;
  trustProxy?: boolean;
  logLevel: string;
}

/**
 * Builds and starts the server, prints its address, model and the demo logins it has just created
 * (their passwords only then: on a later start they may have been changed), and stops it cleanly
 * on SIGTERM or SIGINT: stops accepting, finishes requests, closes the databases.
 */
export async function runServer(options: ServeSettings): Promise<void> {
  let built: Awaited<ReturnType<typeof buildServerWithInfo>>;
  try {
    built = await buildServerWithInfo({
      port: parsePort(options.port),
      host: options.host,
      dataDir: options.dataDir,
      dbPath: options.db,
      appDbPath: options.appDb ?? (process.env.CREDITLENS_APP_DB || undefined),
      modelsDir: options.modelsDir,
      secureCookies: secureCookies(options.secureCookies),
      trustProxy: options.trustProxy === true,
      logLevel: options.logLevel as 'info',
    });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StoreOpenError) {
      throw new UserError(error.message);
    }
    throw error;
  }
  const { app, demoUsers } = built;
  const { config } = app.ctx;
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  const address = await app.listen({ port: config.port, host: config.host });
  const lines = [`creditlens API listening on ${address}`, `  docs: ${address}/api/docs`];
  if (existsSync(join(WEB_DIST, 'index.html'))) lines.push(`  dashboard: ${address}/`);
  else lines.push(`  warning: no dashboard build in ${WEB_DIST}: run npm run build:web`);
  if (app.ctx.clientsProblem) lines.push(`  warning: ${app.ctx.clientsProblem}`);
  else if (app.ctx.modelProblem) lines.push(`  warning: ${app.ctx.modelProblem}`);
  else if (app.ctx.scores) {
    lines.push(`  model: ${app.ctx.scores.record.id}, ${app.ctx.scores.size} clients scored`);
  }
  if (demoUsers.length > 0) {
    lines.push('  demo logins, created now (demo data only):');
    for (const u of demoUsers) {
      const client = u.clientId === null ? '' : `, client ${u.clientId}`;
      lines.push(`    ${u.username} / ${u.password}  (${u.role}${client})`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `creditlens serve`: the API and the dashboard (web/dist) on one port. */
export function registerServe(program: Command): void {
  const paths = dataPaths('<data-dir>');
  program
    .command('serve')
    .description(
      'serve the dashboard at / and the API: clients, scores, auth, audit trail; OpenAPI at /api/openapi.json',
    )
    .addOption(portOption())
    .addOption(hostOption())
    .addOption(dataDirOption())
    .addOption(dbOption())
    .option('--models-dir <dir>', `model registry (default ${paths.modelsDir})`)
    .option(
      '--app-db <path|url>',
      `users/sessions/audit: a SQLite file (default ${paths.appDbPath}) or a postgres:// URL shared by replicas (env CREDITLENS_APP_DB)`,
    )
    .option(
      '--secure-cookies <mode>',
      'Secure session cookie: auto (when https), true or false',
      'auto',
    )
    .option('--trust-proxy', 'trust X-Forwarded-* headers from a reverse proxy')
    .option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent', 'info')
    .action(runServer);
}
