import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError, apiError, ERROR_CATALOGUE, renderMessage } from './errors.ts';

const docs = readFileSync(resolve(import.meta.dirname, '../../docs/api.md'), 'utf8');

/** Rows of the docs' error table: "| `CODE` | status | …". */
function documentedErrors(): Map<string, number> {
  const rows = new Map<string, number>();
  for (const match of docs.matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*(\d{3})\s*\|/gm)) {
    rows.set(match[1] as string, Number(match[2]));
  }
  return rows;
}

describe('error catalogue', () => {
  it('is documented in docs/api.md code for code, with the same statuses', () => {
    const documented = documentedErrors();
    const catalogue = new Map(Object.entries(ERROR_CATALOGUE).map(([c, e]) => [c, e.status]));
    expect([...documented.entries()].sort()).toEqual([...catalogue.entries()].sort());
  });

  it('renders templates and carries the status and field', () => {
    const error = apiError('BAD_REQUEST', { field: 'query.page', reason: 'must be >= 1' });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe('invalid query.page: must be >= 1');
    expect(error.statusCode).toBe(400);
    expect(error.field).toBe('query.page');
    expect(renderMessage('CLIENT_NOT_FOUND', { id: 42 })).toBe('no client 42');
    expect(renderMessage('CLIENT_NOT_FOUND')).toBe('no client {id}');
  });

  it('uses only 4xx statuses for the caller and 5xx for the service', () => {
    for (const [code, { status }] of Object.entries(ERROR_CATALOGUE)) {
      const serviceSide = code === 'INTERNAL' || code === 'NOT_READY';
      expect(status >= 500, code).toBe(serviceSide);
    }
  });
});
