/**
 * POST /api/score, field by field, from the one table of application fields: every field of
 * `changes` and of `application` refuses the probe's values of issue 12 (−1e308, "0x10", 1e309 as
 * raw JSON text, "") with a 400 naming the field and its range, and accepts its bounds and values.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APPLICATION_FIELDS,
  type ApplicationField,
  allowedOf,
  refusalOf,
} from '../../data/features/application-fields.ts';
import { DAYS_SENTINEL } from '../../data/schema.ts';
import { type DemoName, type LoggedInServer, loggedInServer } from '../test-support.ts';

let server: LoggedInServer;
let app: FastifyInstance;
let own: number;

beforeAll(async () => {
  server = await loggedInServer('creditlens-field-ranges-');
  ({ app, own } = server);
});

afterAll(() => server?.close());

/** POST /api/score with a body given as JSON text, as a client would send it. */
function score(text: string, who: DemoName = 'adviser') {
  return app.inject({
    method: 'POST',
    url: '/api/score',
    headers: { cookie: server.cookies[who] ?? '', 'content-type': 'application/json' },
    payload: text,
  });
}

const NEW_APPLICATION = {
  NAME_CONTRACT_TYPE: 'Cash loans',
  AMT_INCOME_TOTAL: 180_000,
  AMT_CREDIT: 500_000,
  DAYS_BIRTH: -12_000,
};

/** The probe's values, as raw JSON text (1e309 parses to Infinity: no JS value writes it). */
const PROBES = ['-1e308', '"0x10"', '1e309', '""'];

/** A what-if changing one field to a value written as JSON text. */
const whatIfText = (name: string, text: string) =>
  `{"clientId":${own},"changes":{"${name}":${text}}}`;
/** A new application with one field written as JSON text. */
const applicationText = (name: string, text: string) =>
  `{"application":${JSON.stringify({ ...NEW_APPLICATION, [name]: 0 }).replace(`"${name}":0`, `"${name}":${text}`)}}`;

const editable = APPLICATION_FIELDS.filter((f) => f.name !== 'SK_ID_CURR');

function expectRefused(
  response: Awaited<ReturnType<typeof score>>,
  part: 'changes' | 'application',
  field: ApplicationField,
  text: string,
) {
  const label = `${part}.${field.name} = ${text}`;
  expect(response.statusCode, label).toBe(400);
  const { error } = response.json();
  expect(error.code, label).toBe('BAD_REQUEST');
  expect(error.field, label).toBe(`body.${part}.${field.name}`);
  // The field's range or values, and the value given as written (never "got null").
  expect(error.message, label).toBe(
    `invalid body.${part}.${field.name}: ${refusalOf(field, JSON.parse(text))}`,
  );
  expect(error.message, label).toContain(`must be ${allowedOf(field)}; got `);
  expect(error.message, label).not.toContain('got null');
}

describe('POST /api/score: every application field has its range', () => {
  it('words the issue\'s examples as "FIELD must be between MIN and MAX; got VALUE"', async () => {
    const cases: [string, string][] = [
      [
        whatIfText('AMT_CREDIT', '-1e308'),
        'invalid body.changes.AMT_CREDIT: must be a number between 0 and 100,000,000; got -1e308',
      ],
      [
        whatIfText('CNT_CHILDREN', '"0x10"'),
        'invalid body.changes.CNT_CHILDREN: must be a whole number between 0 and 20; got "0x10" (a text)',
      ],
      [
        applicationText('AMT_INCOME_TOTAL', '1e309'),
        'invalid body.application.AMT_INCOME_TOTAL: must be a number between 0 and 1,000,000,000; got Infinity (a number beyond ±1.8e308)',
      ],
      [
        whatIfText('EXT_SOURCE_2', '""'),
        'invalid body.changes.EXT_SOURCE_2: must be a number between 0 and 1; got "" (a text)',
      ],
      [
        whatIfText('APARTMENTS_AVG', '-1e308'),
        'invalid body.changes.APARTMENTS_AVG: must be a number between 0 and 1; got -1e308',
      ],
      [
        whatIfText('NAME_CONTRACT_TYPE', '1e309'),
        'invalid body.changes.NAME_CONTRACT_TYPE: must be one of "Cash loans", "Revolving loans"; got Infinity (a number beyond ±1.8e308)',
      ],
    ];
    for (const [text, message] of cases) {
      const response = await score(text);
      expect(response.statusCode, text).toBe(400);
      expect(response.json().error.message).toBe(message);
    }
  });

  it('refuses every field of a what-if set to −1e308, "0x10", 1e309 or "", naming it and its range', async () => {
    for (const field of editable) {
      for (const text of PROBES) {
        expectRefused(await score(whatIfText(field.name, text)), 'changes', field, text);
      }
    }
  });

  it('refuses every field of a new application the same way', async () => {
    for (const field of APPLICATION_FIELDS) {
      for (const text of PROBES) {
        expectRefused(await score(applicationText(field.name, text)), 'application', field, text);
      }
    }
  });

  it('refuses a number just outside a bound, a fraction of a whole field, a decimal text', async () => {
    const cases: [string, string][] = [
      ['AMT_CREDIT', '100000000.01'],
      ['AMT_ANNUITY', '-0.01'],
      ['DAYS_BIRTH', '-6574'],
      ['DAYS_BIRTH', '-36526'],
      ['DAYS_EMPLOYED', '1'],
      ['CNT_FAM_MEMBERS', '0'],
      ['CNT_CHILDREN', '1.5'],
      ['FLAG_DOCUMENT_3', '2'],
      ['EXT_SOURCE_3', '1.0000001'],
      ['HOUR_APPR_PROCESS_START', '24'],
      ['AMT_CREDIT', '"1000.5"'],
      ['AMT_CREDIT', '"Infinity"'],
      ['AMT_CREDIT', '"0b11"'],
      ['AMT_CREDIT', '"0o17"'],
      ['AMT_CREDIT', 'true'],
      ['AMT_CREDIT', '[1]'],
      ['NAME_INCOME_TYPE', '"working"'],
    ];
    for (const [name, text] of cases) {
      const field = APPLICATION_FIELDS.find((f) => f.name === name) as ApplicationField;
      expectRefused(await score(whatIfText(name, text)), 'changes', field, text);
    }
  });

  it('says why a field that is not one is refused', async () => {
    const cases: [string, string, string][] = [
      [whatIfText('SK_ID_CURR', '5'), 'body.changes.SK_ID_CURR', 'cannot be changed'],
      [whatIfText('DAYS_EMPLOYED_ANOM', '1'), 'body.changes.DAYS_EMPLOYED_ANOM', 'DAYS_EMPLOYED'],
      [whatIfText('TARGET', '1'), 'body.changes.TARGET', 'unknown application field'],
      [applicationText('NOPE', '1'), 'body.application.NOPE', 'unknown application field'],
    ];
    for (const [text, field, reason] of cases) {
      const response = await score(text);
      expect(response.statusCode, text).toBe(400);
      expect(response.json().error.field).toBe(field);
      expect(response.json().error.message).toContain(reason);
    }
  });

  it("accepts every field of a what-if at its minimum and its maximum, and every category's values", async () => {
    const numeric = editable.flatMap((f) => (f.kind === 'number' ? [f] : []));
    const categories = editable.flatMap((f) => (f.kind === 'category' ? [f] : []));
    const bodies: Record<string, unknown>[] = [];
    // At most 40 changes a request.
    for (let i = 0; i < numeric.length; i += 40) {
      const some = numeric.slice(i, i + 40);
      bodies.push(Object.fromEntries(some.map((f) => [f.name, f.min])));
      bodies.push(Object.fromEntries(some.map((f) => [f.name, f.max])));
    }
    bodies.push({ DAYS_EMPLOYED: DAYS_SENTINEL });
    const most = Math.max(...categories.map((f) => f.values.length));
    for (let k = 0; k < most; k++) {
      bodies.push(
        Object.fromEntries(categories.map((f) => [f.name, f.values[k % f.values.length]])),
      );
    }
    // Two staff users share the ≈70 scorings, each well within a user's burst of expensive work.
    for (const [i, changes] of bodies.entries()) {
      const body = JSON.stringify({ clientId: own, changes, detail: 'reasons' });
      const response = await score(body, i % 2 === 0 ? 'adviser' : 'admin');
      expect(response.statusCode, JSON.stringify(changes)).toBe(200);
    }
  });

  it('accepts a new application with every field at its minimum, or at its maximum', async () => {
    for (const bound of ['min', 'max'] as const) {
      const application = Object.fromEntries(
        APPLICATION_FIELDS.map((f) => [f.name, f.kind === 'number' ? f[bound] : f.values[0]]),
      );
      const response = await score(JSON.stringify({ application, detail: 'reasons' }));
      expect(response.statusCode, bound).toBe(200);
      expect(response.json().clientId).toBe(application.SK_ID_CURR);
    }
  });

  it('still gives the stored score back for a what-if with no change', async () => {
    const stored = (await server.get('adviser', `/api/clients/${own}/score`)).json();
    const response = await score(JSON.stringify({ clientId: own, changes: {} }));
    expect(response.statusCode).toBe(200);
    expect(response.json().score.rawProbability).toBeCloseTo(stored.rawProbability, 12);
  });
});
