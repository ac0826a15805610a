import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_ERRORS, EngineError } from './errors.ts';

// The engine imports nothing of ours, its tests included: this reads docs/errors.md and the
// sources itself (test/support/error-catalogue.ts does the same for the other layers).
const ENGINE_DIR = import.meta.dirname;
const codes = Object.keys(ENGINE_ERRORS).sort();

/** Rows "| `CODE` | message | meaning |" of the "## … (`EngineError`)" section of docs/errors.md. */
function documentedErrors(): [string, { message: string; doc: string }][] {
  const text = readFileSync(resolve(ENGINE_DIR, '../../docs/errors.md'), 'utf8');
  const section = text
    .split(/^## /m)
    .find((s) => (s.split('\n')[0] as string).includes('`EngineError`'));
  return [...(section ?? '').matchAll(/^\|\s*`([A-Z0-9_]+)`\s*\|(.*)\|(.*)\|\s*$/gm)].map((m) => [
    m[1] as string,
    { message: (m[2] as string).trim(), doc: (m[3] as string).trim() },
  ]);
}

/** Codes of every `new EngineError('CODE'` in the engine's non-test sources. */
function thrownCodes(): string[] {
  const files = readdirSync(ENGINE_DIR, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  );
  const codes = new Set<string>();
  for (const file of files) {
    const text = readFileSync(join(ENGINE_DIR, file), 'utf8');
    for (const m of text.matchAll(/new EngineError\(\s*'([A-Z0-9_]+)'/g)) codes.add(m[1] as string);
  }
  return [...codes].sort();
}

describe('the engine error catalogue', () => {
  it('is listed in docs/errors.md code for code, with the same message and meaning', () => {
    const documented = documentedErrors();
    expect(documented.map(([code]) => code).sort()).toEqual(codes);
    for (const [code, row] of documented) {
      expect(row, code).toEqual(ENGINE_ERRORS[code as keyof typeof ENGINE_ERRORS]);
    }
  });

  it('has every code thrown somewhere in src/engine', () => {
    expect(thrownCodes()).toEqual(codes);
  });

  it('renders the template and is user-facing', () => {
    const error = new EngineError('BAD_PARAM', { name: 'maxDepth', value: -2, rule: '≥ 0' });
    expect(error.message).toBe('invalid param maxDepth: -2 (must be ≥ 0)');
    expect(error).toMatchObject({ code: 'BAD_PARAM', name: 'EngineError', userFacing: true });
    expect(new EngineError('NO_ROWS', {}).message).toBe('training data has no rows');
  });
});
