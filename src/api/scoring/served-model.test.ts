import { describe, expect, it } from 'vitest';
import type { ScoreTable } from './score-table.ts';
import { ServedModel } from './served-model.ts';

/** Stand-ins: the holder only passes tables around, it never reads them. */
const tableA = { size: 1 } as unknown as ScoreTable;
const tableB = { size: 2 } as unknown as ScoreTable;

describe('ServedModel', () => {
  it('swaps for later reads while a reader keeps the table it took', () => {
    const served = new ServedModel({ scores: null, problem: 'no active model' });
    expect(served.problem).toBe('no active model');
    served.swap(tableA);
    const inFlight = served.scores;
    served.swap(tableB);
    expect(inFlight).toBe(tableA);
    expect(served.scores).toBe(tableB);
    expect(served.problem).toBeNull();
  });

  it('runs exclusive work one at a time, even after a failure', async () => {
    const served = new ServedModel({ scores: tableA, problem: null });
    const order: string[] = [];
    const slow = served.exclusive(async () => {
      order.push('a:start');
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('a:end');
      throw new Error('a failed');
    });
    const next = served.exclusive(async () => {
      order.push('b');
      return 2;
    });
    await expect(slow).rejects.toThrow('a failed');
    await expect(next).resolves.toBe(2);
    expect(order).toEqual(['a:start', 'a:end', 'b']);
  });
});
