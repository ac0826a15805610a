import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_VALUE_SETS } from '../../data/value-sets.ts';
import { categoryLabel } from '../../explain/category-labels.ts';
import { type LoggedInServer, loggedInServer } from '../test-support.ts';

let server: LoggedInServer;
beforeAll(async () => {
  server = await loggedInServer('creditlens-categories-');
});
afterAll(async () => {
  await server?.close();
});

interface Answer {
  columns: { name: string; values: { value: string; fr: string; en: string }[] }[];
}

describe('GET /api/categories', () => {
  it('words every value of every categorical column, in the value sets’ order', async () => {
    const reply = await server.get('adviser', '/api/categories');
    expect(reply.statusCode).toBe(200);
    const { columns } = reply.json() as Answer;
    expect(columns.map((c) => c.name)).toEqual(Object.keys(APPLICATION_VALUE_SETS));
    for (const column of columns) {
      const expected = (APPLICATION_VALUE_SETS[column.name] ?? []).map(([value]) => ({
        value,
        ...categoryLabel(column.name, value),
      }));
      expect(column.values).toEqual(expected);
    }
    const income = columns.find((c) => c.name === 'NAME_INCOME_TYPE');
    expect(income?.values.find((v) => v.value === 'Working')).toEqual({
      value: 'Working',
      fr: 'Salarié',
      en: 'Employee',
    });
  });

  it('answers customers too (the wording is no one’s data), and no one logged out', async () => {
    expect((await server.get('customer1', '/api/categories')).statusCode).toBe(200);
    const anonymous = await server.get(null, '/api/categories');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('NOT_LOGGED_IN');
  });
});
