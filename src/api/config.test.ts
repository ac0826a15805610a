import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from './config.ts';

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

  it('names the bad option', () => {
    expect(() => resolveConfig({ port: 70000 })).toThrow(/invalid port: 70000/);
    expect(() => resolveConfig({ port: 1.5 })).toThrow(/invalid port/);
    expect(() => resolveConfig({ host: ' ' })).toThrow(/invalid host: empty/);
    expect(() => resolveConfig({ sessionTtlSeconds: 5 })).toThrow(/invalid sessionTtlSeconds/);
    expect(() => resolveConfig({ loginAttempts: { max: 0 } })).toThrow(/invalid loginAttempts.max/);
    expect(() => resolveConfig({ logLevel: 'loud' as 'info' })).toThrow(/invalid logLevel: loud/);
  });
});
