import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentedErrors, thrownCodes } from '../../test/support/error-catalogue.ts';
import { CONFIG_ERRORS, ConfigError, resolveConfig } from './config.ts';

describe('resolveConfig', () => {
  it('fills defaults inside the data directory and freezes the result', () => {
    const config = resolveConfig({ dataDir: 'somewhere' });
    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dbPath).toBe(join(resolve('somewhere'), 'creditlens.duckdb'));
    expect(config.appDbPath).toBe(join(resolve('somewhere'), 'creditlens-app.sqlite'));
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.loginAttempts)).toBe(true);
    expect(() => {
      (config as { port: number }).port = 1;
    }).toThrow();
  });

  it('takes a postgres:// app store as a URL, anything else as a file path', () => {
    const url = 'postgres://creditlens:pw@db.example.org:5432/creditlens';
    expect(resolveConfig({ appDbPath: url }).appDbPath).toBe(url);
    const socket = 'postgresql://creditlens@/creditlens?host=/run/postgresql';
    expect(resolveConfig({ appDbPath: socket }).appDbPath).toBe(socket);
    expect(resolveConfig({ appDbPath: 'app.sqlite' }).appDbPath).toBe(resolve('app.sqlite'));
  });

  it('names the bad option', () => {
    expect(() => resolveConfig({ port: 70000 })).toThrow(/invalid port: 70000/);
    expect(() => resolveConfig({ port: 1.5 })).toThrow(/invalid port/);
    expect(() => resolveConfig({ host: ' ' })).toThrow(/invalid host: empty/);
    expect(() => resolveConfig({ sessionTtlSeconds: 5 })).toThrow(/invalid sessionTtlSeconds/);
    expect(() => resolveConfig({ loginAttempts: { perPair: 0 } })).toThrow(
      /invalid loginAttempts.perPair/,
    );
    expect(() => resolveConfig({ appDbPath: 'mysql://u:secret@h/app' })).toThrow(
      'invalid appDbPath: mysql://u:***@h/app (expected a file path or postgres://user@host:port/database)',
    );
    expect(() => resolveConfig({ logLevel: 'loud' as 'info' })).toThrow(/invalid logLevel: loud/);
  });
});

describe('the configuration error catalogue', () => {
  const codes = Object.keys(CONFIG_ERRORS).sort();

  it('is listed in docs/errors.md code for code, with the same message and meaning', () => {
    const documented = documentedErrors('ConfigError');
    expect([...documented.keys()].sort()).toEqual(codes);
    for (const [code, row] of documented) {
      expect(row, code).toEqual(CONFIG_ERRORS[code as keyof typeof CONFIG_ERRORS]);
    }
  });

  it('has every code thrown by resolveConfig', () => {
    expect([...thrownCodes('ConfigError', ['src/api/config.ts'])].sort()).toEqual(codes);
  });

  it('throws ConfigErrors with a code and the setting at fault', () => {
    const cases: [Parameters<typeof resolveConfig>[0], string, string][] = [
      [{ port: 70000 }, 'OUT_OF_RANGE', 'port'],
      [{ modelsDir: '' }, 'EMPTY_VALUE', 'modelsDir'],
      [{ secureCookies: 'yes' as 'auto' }, 'UNKNOWN_VALUE', 'secureCookies'],
      [{ appDbPath: 'mysql://db.example.org/app' }, 'NOT_A_DATABASE_URL', 'appDbPath'],
      [{ appDbPath: 'postgres:app' }, 'NOT_A_DATABASE_URL', 'appDbPath'],
      [{ appDbPath: 'postgres://db.example.org' }, 'NOT_A_DATABASE_URL', 'appDbPath'],
    ];
    for (const [options, code, setting] of cases) {
      const error = (() => {
        try {
          resolveConfig(options);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ConfigError);
      expect(error).toMatchObject({ code, setting, userFacing: true });
    }
    expect(() => resolveConfig({ logLevel: 'loud' as 'info' })).toThrow(
      'invalid logLevel: loud (expected one of fatal, error, warn, info, debug, trace, silent)',
    );
  });
});
