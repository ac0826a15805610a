/** GET /api/clients/:id/data through inject(): roles, JSON and CSV with the same content, audit. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggedInServer, loggedInServer } from '../test-support.ts';
import { csvCell } from './routes.ts';

let s: LoggedInServer;

beforeAll(async () => {
  s = await loggedInServer('creditlens-my-data-');
  await s.app.inject({
    method: 'POST',
    url: `/api/clients/${s.own}/reviews`,
    headers: { cookie: s.cookies.customer1 },
    payload: {
      pointOfView: '=HYPERLINK("x"), "quoted", and a comma: my income, updated',
      corrections: { AMT_INCOME_TOTAL: 150_000 },
    },
  });
});

afterAll(async () => {
  await s?.close();
});

/** Parses the CSV this route writes (quoted cells, doubled quotes, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('GET /api/clients/:id/data', () => {
  it('is for the customer on their own file and for staff', async () => {
    const url = `/api/clients/${s.own}/data`;
    expect((await s.get(null, url)).statusCode).toBe(401);
    expect((await s.get('customer2', url)).statusCode).toBe(403);
    expect((await s.get('customer1', url)).statusCode).toBe(200);
    expect((await s.get('admin', url)).statusCode).toBe(200);
    expect((await s.get('adviser', '/api/clients/999999999/data')).statusCode).toBe(404);
    expect((await s.get('adviser', `${url}?format=xml`)).json().error.field).toBe('query.format');
  });

  it('gives the application, the labelled history, the score, decisions and reviews in JSON', async () => {
    const reply = await s.get('customer1', `/api/clients/${s.own}/data`);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.headers['content-disposition']).toContain('attachment');
    const data = reply.json();
    expect(data.clientId).toBe(s.own);
    const income = data.application.find((v: { field: string }) => v.field === 'AMT_INCOME_TOTAL');
    expect(income).toMatchObject({ label_en: expect.any(String), category: null });
    expect(typeof income.value).toBe('number');
    const gender = data.application.find((v: { field: string }) => v.field === 'CODE_GENDER');
    expect(typeof gender.category).toBe('string');
    expect(data.history.length).toBeGreaterThan(20);
    expect(data.history.every((v: { label_fr: string }) => v.label_fr.length > 0)).toBe(true);
    const score = (await s.get('customer1', `/api/clients/${s.own}/score`)).json();
    expect(data.score).toMatchObject({ decision: score.decision, points: score.points });
    expect(data.reviews).toHaveLength(1);
    expect(data.reviews[0].corrections).toEqual({ AMT_INCOME_TOTAL: 150_000 });
  });

  it('gives the same content as one CSV of section, field, labels and value', async () => {
    const json = (await s.get('customer1', `/api/clients/${s.own}/data`)).json();
    const reply = await s.get('customer1', `/api/clients/${s.own}/data?format=csv`);
    expect(reply.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = parseCsv(reply.body);
    expect(rows[0]).toEqual(['section', 'field', 'label_fr', 'label_en', 'value']);
    expect(rows.every((r) => r.length === 5)).toBe(true);
    const bySection = (section: string) => rows.filter((r) => r[0] === section);
    expect(bySection('application')).toHaveLength(json.application.length);
    expect(bySection('history')).toHaveLength(json.history.length);
    const income = bySection('application').find((r) => r[1] === 'AMT_INCOME_TOTAL');
    const jsonIncome = json.application.find(
      (v: { field: string }) => v.field === 'AMT_INCOME_TOTAL',
    );
    expect(Number(income?.[4])).toBe(jsonIncome.value);
    // The client's words come back whole, a formula defused by a leading quote.
    const view = rows.find((r) => r[1] === 'review.1.pointOfView');
    expect(view?.[4]).toBe(`'${json.reviews[0].pointOfView}`);
  });

  it('defuses formulas and quotes what needs it', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
  });

  it('audits each download with the SHA-256 of what was sent', async () => {
    const reply = await s.get('customer1', `/api/clients/${s.own}/data?format=csv`);
    const sha = createHash('sha256').update(reply.body).digest('hex');
    const audit = (
      await s.get('admin', `/api/audit?action=client.data&client=${s.own}&pageSize=100`)
    ).json();
    const found = (audit.records as { username: string; outputSummary: string }[]).find(
      (r) => JSON.parse(r.outputSummary).sha256 === sha,
    );
    expect(found?.username).toBe('customer1');
    expect(JSON.parse(found?.outputSummary ?? '{}')).toMatchObject({ format: 'csv', reviews: 1 });
  });
});
