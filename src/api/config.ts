/**
 * Server configuration: defaults, validation with one message shape ("invalid X: Y"), then frozen
 * so nothing changes it while the server runs. A bad setting throws a ConfigError with a code of
 * CONFIG_ERRORS (docs/errors.md lists them; config.test.ts keeps the two in step).
 */
import { join, resolve } from 'node:path';
import { type CatalogueEntry, renderTemplate, type TemplateValues } from '../data/errors.ts';

export interface ServerConfig {
  /** TCP port (0 = any free port). Default 8080. */
  readonly port: number;
  /** Interface to listen on. Default 127.0.0.1 (local only). */
  readonly host: string;
  /** Directory of the data (default "data"); the other paths default inside it (dataPaths). */
  readonly dataDir: string;
  /** DuckDB database with the features and stored tables, opened read-only. */
  readonly dbPath: string;
  /**
   * The app store (users, sessions, the audit trail): the path of a SQLite file (created when
   * missing; the default, in dataDir), or a postgres:// (postgresql://) URL of a PostgreSQL
   * database shared by several replicas (src/api/store/open.ts).
   */
  readonly appDbPath: string;
  /** Directory of the model registry (read by the scoring routes). */
  readonly modelsDir: string;
  /** Secure flag of the session cookie: true, false, or 'auto' (when the request came over https). */
  readonly secureCookies: boolean | 'auto';
  /** Trust X-Forwarded-* from a reverse proxy (needed for 'auto' cookies and client IPs). */
  readonly trustProxy: boolean;
  /** Session lifetime in seconds. Default 8 hours. */
  readonly sessionTtlSeconds: number;
  /**
   * Login throttling (src/api/auth/attempts.ts): failures allowed per (user name, address) pair
   * (default 5) and per address (default 20) before each further attempt waits 1 s, 2 s, 4 s… up
   * to maxDelaySeconds (default 900).
   */
  readonly loginAttempts: {
    readonly perPair: number;
    readonly perAddress: number;
    readonly maxDelaySeconds: number;
  };
  /**
   * Each user's limits on the expensive routes (those declaring `config.expensive`: the
   * explanation with all=true, recourse, what-if and new application, population and similar
   * clients; src/api/limits). Beyond them: 429 with Retry-After.
   */
  readonly expensiveLimits: ExpensiveLimits;
  /**
   * Origins, besides the server's own, allowed to send state-changing requests (POST, PATCH, PUT,
   * DELETE), e.g. "https://credit.example.org"; src/api/requests/same-origin.ts. Default none.
   */
  readonly allowedOrigins: readonly string[];
  /** pino level; 'silent' in tests. */
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Create the demo users on first run. Default true. */
  readonly demoUsers: boolean;
}

/** Per-user limits on the expensive routes: a token bucket, and a cap on requests at once. */
export interface ExpensiveLimits {
  /** Requests per minute, refilled continuously. Default 240. */
  readonly perMinute: number;
  /** Requests a user may make in a burst after a pause (the bucket's size). Default 60. */
  readonly burst: number;
  /** Requests of one user running at once. Default 2. */
  readonly concurrent: number;
  /** Further requests that wait for a slot (beyond: 429 at once). Default 4. */
  readonly queued: number;
  /** Longest wait for a slot, in milliseconds (then 429). Default 2000. */
  readonly queueWaitMs: number;
  /**
   * How long a request refused at once waits before its 429, in milliseconds (never longer than
   * its Retry-After): a client that ignores Retry-After cannot turn refusals into a flood.
   * Default 1000.
   */
  readonly refusalDelayMs: number;
}

export type ServerOptions = Partial<Omit<ServerConfig, 'loginAttempts' | 'expensiveLimits'>> & {
  loginAttempts?: Partial<ServerConfig['loginAttempts']>;
  expensiveLimits?: Partial<ExpensiveLimits>;
};

/** The defaults of the per-user limits on the expensive routes. */
export const EXPENSIVE_LIMIT_DEFAULTS: ExpensiveLimits = Object.freeze({
  perMinute: 240,
  burst: 60,
  concurrent: 2,
  queued: 4,
  queueWaitMs: 2000,
  refusalDelayMs: 1000,
});

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The defaults of the settings the CLI's flags share (src/cli/options.ts shows and uses them). */
export const CONFIG_DEFAULTS = Object.freeze({
  port: 8080,
  host: '127.0.0.1',
  dataDir: 'data',
});

/**
 * The run-time files of a data directory: the defaults of dbPath, appDbPath and modelsDir, and
 * where `creditlens start` and `train` look for the database and the registry.
 */
export function dataPaths(dataDir: string): {
  dbPath: string;
  appDbPath: string;
  modelsDir: string;
} {
  return {
    dbPath: join(dataDir, 'creditlens.duckdb'),
    appDbPath: join(dataDir, 'creditlens-app.sqlite'),
    modelsDir: join(dataDir, 'models'),
  };
}

/** Every way a setting can be wrong: a message template ("{name}" placeholders) and a doc line. */
export const CONFIG_ERRORS = {
  EMPTY_VALUE: {
    message: 'invalid {name}: empty',
    doc: 'a path (dataDir, dbPath, appDbPath, modelsDir) or the host is empty',
  },
  OUT_OF_RANGE: {
    message: 'invalid {name}: {value} (expected a whole number from {min} to {max})',
    doc: 'the port, session lifetime, a login-attempt limit or a limit of the expensive routes is not a whole number in its range',
  },
  NOT_AN_ORIGIN: {
    message: 'invalid {name}: {value} (expected an origin such as https://example.org)',
    doc: 'an allowed origin is not a scheme, host and optional port alone (no path, no trailing slash)',
  },
  UNKNOWN_VALUE: {
    message: 'invalid {name}: {value} (expected {allowed})',
    doc: 'the log level or the secure-cookies mode is not one of its values',
  },
  NOT_A_DATABASE_URL: {
    message: 'invalid {name}: {value} (expected a file path or postgres://user@host:port/database)',
    doc: 'the app store is a URL of another kind than postgres:// or postgresql://, or one without a host or a database name',
  },
} as const satisfies Record<string, CatalogueEntry>;

export type ConfigErrorCode = keyof typeof CONFIG_ERRORS;

/**
 * A setting the server cannot start with. `userFacing` tells the CLI to show the message alone,
 * without a stack trace; `setting` names the setting at fault.
 */
export class ConfigError<C extends ConfigErrorCode = ConfigErrorCode> extends Error {
  override name = 'ConfigError';
  readonly userFacing = true;
  readonly setting: string;
  constructor(
    /** Stable code, a key of CONFIG_ERRORS. */
    readonly code: C,
    params: TemplateValues<(typeof CONFIG_ERRORS)[C]['message']> & { readonly name: string },
  ) {
    super(renderTemplate(CONFIG_ERRORS[code].message, params));
    this.setting = params.name;
  }
}

function integerIn(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError('OUT_OF_RANGE', { name, value, min, max });
  }
  return value;
}

/** Each origin as `new URL` writes it ("https://example.org:8443"), or a ConfigError. */
function origins(name: string, values: readonly string[]): readonly string[] {
  return Object.freeze(
    values.map((value) => {
      let parsed: URL | null = null;
      try {
        parsed = new URL(value);
      } catch {
        // reported below
      }
      if (!parsed || parsed.origin === 'null' || parsed.origin !== value) {
        throw new ConfigError('NOT_AN_ORIGIN', { name, value: String(value) });
      }
      return value;
    }),
  );
}

function expensiveLimits(options: Partial<ExpensiveLimits> = {}): ExpensiveLimits {
  const d = EXPENSIVE_LIMIT_DEFAULTS;
  const name = (key: string) => `expensiveLimits.${key}`;
  return Object.freeze({
    perMinute: integerIn(name('perMinute'), options.perMinute ?? d.perMinute, 1, 1_000_000),
    burst: integerIn(name('burst'), options.burst ?? d.burst, 1, 1_000_000),
    concurrent: integerIn(name('concurrent'), options.concurrent ?? d.concurrent, 1, 1000),
    queued: integerIn(name('queued'), options.queued ?? d.queued, 0, 1000),
    queueWaitMs: integerIn(name('queueWaitMs'), options.queueWaitMs ?? d.queueWaitMs, 0, 60_000),
    refusalDelayMs: integerIn(
      name('refusalDelayMs'),
      options.refusalDelayMs ?? d.refusalDelayMs,
      0,
      10_000,
    ),
  });
}

function nonEmpty(name: string, value: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigError('EMPTY_VALUE', { name });
  }
  return value;
}

/**
 * The app store's location: a postgres:// or postgresql:// URL as given (with a host and a
 * database), or a file path, resolved. Another scheme (mysql://…, or "postgres:db" without the
 * slashes) is refused rather than taken for a file name.
 */
function appDb(value: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  // A one-letter "scheme" is a Windows drive (C:\data); no scheme is a plain path.
  if (scheme === undefined || scheme.length === 1) return resolve(value);
  const shown = value.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  const refuse = () => new ConfigError('NOT_A_DATABASE_URL', { name: 'appDbPath', value: shown });
  if (scheme !== 'postgres' && scheme !== 'postgresql') throw refuse();
  // postgres://[user[:password]@]host[:port]/database[?…], or an empty host with ?host=/socket/dir.
  const parts = /^[a-z]+:\/\/(?:[^@/]*@)?([^/?#]*)\/([^/?#]+)(?:\?(.*))?$/i.exec(value);
  if (!parts) throw refuse();
  const [, host, , query] = parts;
  if (!host && !new URLSearchParams(query ?? '').get('host')) throw refuse();
  return value;
}

/** Fills defaults, validates every field and returns a frozen configuration. */
export function resolveConfig(options: ServerOptions = {}): ServerConfig {
  const dataDir = resolve(nonEmpty('dataDir', options.dataDir ?? CONFIG_DEFAULTS.dataDir));
  const paths = dataPaths(dataDir);
  const logLevel = options.logLevel ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('UNKNOWN_VALUE', {
      name: 'logLevel',
      value: String(logLevel),
      allowed: `one of ${LOG_LEVELS.join(', ')}`,
    });
  }
  const secureCookies = options.secureCookies ?? 'auto';
  if (secureCookies !== true && secureCookies !== false && secureCookies !== 'auto') {
    throw new ConfigError('UNKNOWN_VALUE', {
      name: 'secureCookies',
      value: String(secureCookies),
      allowed: "true, false or 'auto'",
    });
  }
  const config: ServerConfig = {
    port: integerIn('port', options.port ?? CONFIG_DEFAULTS.port, 0, 65535),
    host: nonEmpty('host', options.host ?? CONFIG_DEFAULTS.host),
    dataDir,
    dbPath: resolve(nonEmpty('dbPath', options.dbPath ?? paths.dbPath)),
    appDbPath: appDb(nonEmpty('appDbPath', options.appDbPath ?? paths.appDbPath)),
    modelsDir: resolve(nonEmpty('modelsDir', options.modelsDir ?? paths.modelsDir)),
    secureCookies,
    trustProxy: options.trustProxy ?? false,
    sessionTtlSeconds: integerIn(
      'sessionTtlSeconds',
      options.sessionTtlSeconds ?? 8 * 3600,
      60,
      30 * 86400,
    ),
    loginAttempts: Object.freeze({
      perPair: integerIn('loginAttempts.perPair', options.loginAttempts?.perPair ?? 5, 1, 10_000),
      perAddress: integerIn(
        'loginAttempts.perAddress',
        options.loginAttempts?.perAddress ?? 20,
        1,
        100_000,
      ),
      maxDelaySeconds: integerIn(
        'loginAttempts.maxDelaySeconds',
        options.loginAttempts?.maxDelaySeconds ?? 900,
        1,
        86_400,
      ),
    }),
    expensiveLimits: expensiveLimits(options.expensiveLimits),
    allowedOrigins: origins('allowedOrigins', options.allowedOrigins ?? []),
    logLevel,
    demoUsers: options.demoUsers ?? true,
  };
  return Object.freeze(config);
}
