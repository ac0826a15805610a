import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { latestRunner } from './latest.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A call whose answer the test releases by hand. */
function deferred() {
  const calls: { args: string; resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
  const run = (args: string) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ args, resolve, reject });
    });
  return { calls, run };
}

describe('latestRunner', () => {
  it('collapses calls within the delay into the last one', async () => {
    const { calls, run } = deferred();
    const results: string[] = [];
    const runner = latestRunner(run, { onResult: (r) => results.push(r), onError: () => {} }, 250);
    runner.schedule('1');
    vi.advanceTimersByTime(100);
    runner.schedule('12');
    vi.advanceTimersByTime(100);
    runner.schedule('123');
    vi.advanceTimersByTime(249);
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(calls.map((c) => c.args)).toEqual(['123']);
    calls[0]?.resolve('answer 123');
    await vi.runAllTimersAsync();
    expect(results).toEqual(['answer 123']);
  });

  it('drops the answer of a call overtaken by a newer one, even when it arrives last', async () => {
    const { calls, run } = deferred();
    const results: string[] = [];
    const errors: unknown[] = [];
    const runner = latestRunner(
      run,
      { onResult: (r) => results.push(r), onError: (e) => errors.push(e) },
      250,
    );
    runner.schedule('old');
    vi.advanceTimersByTime(250);
    runner.schedule('new');
    vi.advanceTimersByTime(250);
    calls[1]?.resolve('new answer');
    await Promise.resolve();
    calls[0]?.reject(new Error('old failure'));
    calls[0]?.resolve('old answer');
    await vi.runAllTimersAsync();
    expect(results).toEqual(['new answer']);
    expect(errors).toEqual([]);
  });

  it('forgets everything on cancel', async () => {
    const { calls, run } = deferred();
    const results: string[] = [];
    const runner = latestRunner(run, { onResult: (r) => results.push(r), onError: () => {} }, 250);
    runner.schedule('a');
    vi.advanceTimersByTime(250);
    runner.schedule('b');
    runner.cancel();
    vi.advanceTimersByTime(1000);
    calls[0]?.resolve('a answer');
    await vi.runAllTimersAsync();
    expect(calls).toHaveLength(1);
    expect(results).toEqual([]);
  });
});
