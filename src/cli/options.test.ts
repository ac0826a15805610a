import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS } from '../api/config.ts';
import {
  dataDirOption,
  dbOption,
  dbPathOf,
  hostOption,
  MAX_SEED,
  modelsDirOf,
  parseInteger,
  parsePort,
  parsePositiveNumber,
  parseSeed,
  portOption,
  seedOption,
} from './options.ts';
import { UserError } from './user-error.ts';

function messageOf(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('number parsers', () => {
  it('read integers within their range', () => {
    expect(parseInteger('--folds', '5', 2, 20)).toBe(5);
    expect(parseInteger('--clients', ' 0 ', 0)).toBe(0);
    expect(parsePort('0')).toBe(0);
    expect(parsePort('65535')).toBe(65535);
    expect(parseSeed(String(MAX_SEED))).toBe(MAX_SEED);
    expect(parsePositiveNumber('--beta', '0.5')).toBe(0.5);
  });

  it('name the flag, the allowed range and what was given', () => {
    expect(messageOf(() => parsePort('abc'))).toBe(
      "invalid --port: expected an integer from 0 to 65535, got 'abc'",
    );
    expect(messageOf(() => parsePort('65536'))).toMatch(/got '65536'$/);
    expect(messageOf(() => parseSeed('1.5'))).toBe(
      `invalid --seed: expected an integer from 0 to ${MAX_SEED}, got '1.5'`,
    );
    expect(messageOf(() => parseInteger('--clients', '-1', 0))).toBe(
      "invalid --clients: expected an integer of at least 0, got '-1'",
    );
    expect(messageOf(() => parseInteger('--workers', '', 1))).toMatch(/invalid --workers/);
    expect(messageOf(() => parseInteger('--clients', '1e3', 0))).toMatch(/got '1e3'/);
    expect(messageOf(() => parsePositiveNumber('--beta', '0'))).toBe(
      "invalid --beta: expected a number greater than 0, got '0'",
    );
    expect(messageOf(() => parsePositiveNumber('--beta', ' '))).toMatch(/invalid --beta/);
    expect(messageOf(() => parsePositiveNumber('--beta', 'Infinity'))).toMatch(/invalid --beta/);
  });
});

describe('shared flags', () => {
  const command = () =>
    new Command()
      .exitOverride()
      .addOption(dataDirOption())
      .addOption(dbOption())
      .addOption(portOption())
      .addOption(hostOption())
      .addOption(seedOption('seed', 42));

  it('default to the server configuration', () => {
    const options = command().parse([], { from: 'user' }).opts();
    expect(options).toEqual({
      dataDir: CONFIG_DEFAULTS.dataDir,
      port: String(CONFIG_DEFAULTS.port),
      host: CONFIG_DEFAULTS.host,
      seed: '42',
    });
    expect(dbPathOf(options as { dataDir: string })).toBe(
      resolve(CONFIG_DEFAULTS.dataDir, 'creditlens.duckdb'),
    );
  });

  it('resolve the database and the registry inside --data-dir unless --db is given', () => {
    expect(dbPathOf({ dataDir: '/srv/cl' })).toBe(join('/srv/cl', 'creditlens.duckdb'));
    expect(dbPathOf({ dataDir: '/srv/cl', db: '/tmp/x.duckdb' })).toBe('/tmp/x.duckdb');
    expect(modelsDirOf({ dataDir: '/srv/cl' })).toBe(join('/srv/cl', 'models'));
  });

  it('show their defaults in the help', () => {
    const help = command().helpInformation().replace(/\s+/g, ' '); // lines unwrapped
    expect(help).toMatch(/--data-dir <dir>.*\(default: "data"\)/);
    expect(help).toMatch(/--db <path>.*\(default <data-dir>\/creditlens\.duckdb\)/);
    expect(help).toMatch(/--port <n>.*\(0: any free port\) \(default: "8080"\)/);
    expect(help).toMatch(/--host <host>.*\(default: "127\.0\.0\.1"\)/);
  });
});
