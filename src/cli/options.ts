/**
 * The options the commands share, declared once: the number parsers, with one message shape
 * ("invalid --port: expected an integer from 0 to 65535, got 'abc'"), and the shared flags
 * (--data-dir, --db, --port, --host, --seed) with their defaults taken from where each lives: the
 * server configuration (src/api/config.ts) for the data directory, its files, the port and the
 * host; the generator and the training for their seeds.
 *
 * A command adds a shared flag with `.addOption(portOption())`. Commander hands every value over
 * as typed; the command parses it in its action (or in a plan such as planTraining), so a mistake
 * is a UserError before anything is read or written.
 */
import { resolve } from 'node:path';
import { Option } from 'commander';
import { CONFIG_DEFAULTS, dataPaths } from '../api/config.ts';
import { UserError } from './user-error.ts';

/** Largest seed the generator and the training accept (a signed 32-bit integer). */
export const MAX_SEED = 2 ** 31 - 1;

function invalid(flag: string, expected: string, raw: string): never {
  throw new UserError(`invalid ${flag}: expected ${expected}, got '${raw}'`);
}

/** An integer in [min, max]; without max, any integer from min up. */
export function parseInteger(flag: string, raw: string, min: number, max?: number): number {
  const value = Number(raw);
  const upper = max ?? Number.MAX_SAFE_INTEGER;
  if (!/^\s*-?\d+\s*$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > upper) {
    invalid(
      flag,
      max === undefined ? `an integer of at least ${min}` : `an integer from ${min} to ${max}`,
      raw,
    );
  }
  return value;
}

/** A finite number strictly above zero. */
export function parsePositiveNumber(flag: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0) {
    invalid(flag, 'a number greater than 0', raw);
  }
  return value;
}

/** --port: 0 (any free port) to 65535. */
export function parsePort(raw: string): number {
  return parseInteger('--port', raw, 0, 65535);
}

/** --seed: 0 to MAX_SEED. */
export function parseSeed(raw: string): number {
  return parseInteger('--seed', raw, 0, MAX_SEED);
}

/** The shared flags as commander hands them over (before parsing). */
export interface DataDirFlags {
  dataDir: string;
  /** Absent: <data-dir>/creditlens.duckdb. */
  db?: string;
}

/** --data-dir <dir>, default "data"; for `command.addOption(…)`. */
export function dataDirOption(
  description = 'where the data, the database and the models live',
): Option {
  return new Option('--data-dir <dir>', description).default(CONFIG_DEFAULTS.dataDir);
}

/** --db <path>, default <data-dir>/creditlens.duckdb (resolved by dbPathOf). */
export function dbOption(description = 'DuckDB database'): Option {
  return new Option('--db <path>', `${description} (default ${dataPaths('<data-dir>').dbPath})`);
}

/** --port <n>, default 8080; parse with parsePort. */
export function portOption(description = 'TCP port to listen on'): Option {
  return new Option('--port <n>', `${description} (0: any free port)`).default(
    String(CONFIG_DEFAULTS.port),
  );
}

/** --host <host>, default 127.0.0.1 (local only). */
export function hostOption(description = 'interface to listen on (0.0.0.0 for every one)'): Option {
  return new Option('--host <host>', description).default(CONFIG_DEFAULTS.host);
}

/** --seed <n> with the default of what it seeds; parse with parseSeed. */
export function seedOption(description: string, defaultSeed: number): Option {
  return new Option('--seed <n>', description).default(String(defaultSeed));
}

/** The absolute data directory. */
export function dataDirOf(flags: DataDirFlags): string {
  return resolve(flags.dataDir);
}

/** The absolute database path: --db, else the one of the data directory. */
export function dbPathOf(flags: DataDirFlags): string {
  return resolve(flags.db ?? dataPaths(dataDirOf(flags)).dbPath);
}

/** The model registry of the data directory. */
export function modelsDirOf(flags: DataDirFlags): string {
  return dataPaths(dataDirOf(flags)).modelsDir;
}
