import { describe, expect, it } from 'vitest';
import { APPLICATION_TEST_COLUMNS, DAYS_SENTINEL } from '../schema.ts';
import { generateApplication } from './application-row.ts';
import { parseCsvLine } from './csv-read.ts';
import { Random } from './random.ts';

const N = 8000;
const names = APPLICATION_TEST_COLUMNS.map((c) => c.name);
const clients = Array.from({ length: N }, (_, i) => {
  const app = generateApplication(i, 100002 + i, false, new Random(5, i));
  const cells = parseCsvLine(app.line);
  const get = (name: string): string => cells[names.indexOf(name)] as string;
  return { target: app.target, probability: app.probability, get };
});

function rate(group: typeof clients): number {
  return group.reduce((s, c) => s + c.target, 0) / Math.max(1, group.length);
}

describe('the planted default mechanism', () => {
  it('gives a default rate near 8%', () => {
    expect(rate(clients)).toBeGreaterThan(0.065);
    expect(rate(clients)).toBeLessThan(0.1);
  });

  it('makes the lowest EXT_SOURCE_3 quintile default far more than the highest', () => {
    const scored = clients
      .filter((c) => c.get('EXT_SOURCE_3') !== '')
      .sort((a, b) => Number(a.get('EXT_SOURCE_3')) - Number(b.get('EXT_SOURCE_3')));
    const fifth = Math.floor(scored.length / 5);
    const low = rate(scored.slice(0, fifth));
    const high = rate(scored.slice(-fifth));
    expect(low).toBeGreaterThan(2.5 * high);
  });

  it('shows the real directions: men, the young and the employed default more', () => {
    const male = rate(clients.filter((c) => c.get('CODE_GENDER') === 'M'));
    const female = rate(clients.filter((c) => c.get('CODE_GENDER') === 'F'));
    expect(male).toBeGreaterThan(female);
    const age = (c: (typeof clients)[number]): number => -Number(c.get('DAYS_BIRTH')) / 365.25;
    expect(rate(clients.filter((c) => age(c) < 30))).toBeGreaterThan(
      rate(clients.filter((c) => age(c) > 55)),
    );
    const sentinel = (c: (typeof clients)[number]): boolean =>
      Number(c.get('DAYS_EMPLOYED')) === DAYS_SENTINEL;
    expect(rate(clients.filter((c) => !sentinel(c)))).toBeGreaterThan(
      rate(clients.filter(sentinel)),
    );
  });

  it('draws targets that agree with the probabilities', () => {
    const meanProbability = clients.reduce((s, c) => s + c.probability, 0) / N;
    expect(Math.abs(meanProbability - rate(clients))).toBeLessThan(0.01);
  });
});
