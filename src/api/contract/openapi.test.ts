/**
 * The OpenAPI document is a contract other tools read: it must pass a standard validator, every
 * route must declare what it answers, no object may be left open (except maps, whose values are
 * described), and the dashboard's generated types must be those of the current document.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validate } from '@readme/openapi-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from '../../../scripts/api-types/generate.ts';
import { openApiDocument } from './openapi-document.ts';

/** The media types a route may answer instead of JSON: documents for people. */
const DOCUMENT_TYPES = ['text/html', 'application/pdf', 'text/csv'];

type Json = Record<string, unknown>;
let doc: Json;

beforeAll(async () => {
  doc = await openApiDocument();
});

/** Every schema object in the document, with the JSON path that leads to it. */
function* schemas(node: unknown, path: string): Generator<[string, Json]> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* schemas(item, `${path}[${i}]`);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const object = node as Json;
  if (object.type === 'object' || 'properties' in object) yield [path, object];
  for (const [key, value] of Object.entries(object)) yield* schemas(value, `${path}.${key}`);
}

function operations(): [string, Json][] {
  const paths = doc.paths as Record<string, Record<string, Json>>;
  return Object.entries(paths).flatMap(([url, methods]) =>
    Object.entries(methods).map(([method, op]): [string, Json] => [
      `${method.toUpperCase()} ${url}`,
      op,
    ]),
  );
}

describe('the OpenAPI document', () => {
  it('passes a standard OpenAPI 3.0 validator', async () => {
    const result = await validate(structuredClone(doc) as never);
    const errors = result.valid ? [] : result.errors;
    expect(errors, JSON.stringify(errors, null, 1)).toEqual([]);
    expect(doc.openapi).toBe('3.0.3');
  });

  it('catches what the validator is here for (a JSON Schema keyword OpenAPI 3.0 rejects)', async () => {
    const broken = structuredClone(doc);
    const schemas = (broken.components as { schemas: Record<string, Json> }).schemas;
    (schemas.Score as Json).dependencies = { points: ['band'] };
    expect((await validate(broken as never)).valid).toBe(false);
  });

  it('gives every route a success answer with a schema, and its error answers', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(20);
    for (const [name, op] of ops) {
      const responses = op.responses as Record<string, Json>;
      const success = Object.keys(responses).find((s) => s.startsWith('2'));
      expect(success, `${name} declares no 2xx answer`).toBeDefined();
      const content = responses[success as string]?.content as Json | undefined;
      const status = Number(success);
      // JSON, or a document declared with its media types (the letter: HTML or PDF).
      const types = Object.keys(content ?? {});
      if (status !== 204) {
        expect(
          types.includes('application/json') ||
            (types.length > 0 && types.every((t) => DOCUMENT_TYPES.includes(t))),
          `${name} ${success}: ${types.join(', ')}`,
        ).toBe(true);
      }
      // Probes (/healthz, /readyz) and the session question ("who am I, if anyone?") answer
      // whoever asks; every other /api route can be refused.
      if (!name.includes(' /api/') || name === 'GET /api/auth/session') continue;
      expect(
        Object.keys(responses).some((s) => s.startsWith('4')),
        `${name} declares no error answer`,
      ).toBe(true);
    }
  });

  it('leaves no object open: each lists its properties or describes its values', () => {
    const open = [...schemas(doc.paths, 'paths'), ...schemas(doc.components, 'components')]
      .filter(([, s]) => s.type === 'object' && !('$ref' in s))
      .filter(([, s]) => {
        const extra = s.additionalProperties;
        if (extra === false) return false;
        // A map: its values are described.
        if (typeof extra === 'object' && extra !== null) return false;
        return true;
      })
      .map(([path]) => path);
    expect(open).toEqual([]);
  });
});

describe('the dashboard types (web/src/api/generated)', () => {
  it('are those generated from the current document (npm run gen:api-types)', async () => {
    const committed = readFileSync(
      resolve(import.meta.dirname, '../../..', API_TYPES_FILE),
      'utf8',
    );
    const fresh = await generateApiTypes();
    expect(
      committed === fresh,
      `${API_TYPES_FILE} is stale: run npm run gen:api-types and commit the result`,
    ).toBe(true);
  });
});
