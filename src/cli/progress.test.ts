import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, formatCount, formatDuration } from './progress.ts';

/** A non-TTY stream that keeps what is written. */
function capture(): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  return { stream, text: () => chunks.join('') };
}

describe('progress', () => {
  it('formats counts and durations', () => {
    expect(formatCount(1234567.4)).toBe('1,234,567');
    expect(formatDuration(12.34)).toBe('12.3s');
    expect(formatDuration(65)).toBe('1m05s');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('?');
  });

  it('prints a first line with percentage, counts and ETA, then a summary', () => {
    const out = capture();
    const bar = createProgress({
      label: 'bureau.csv',
      total: 200,
      unit: 'rows',
      stream: out.stream,
    });
    bar.tick(50);
    bar.finish();
    const lines = out.text().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^bureau\.csv .* 25% 50\/200 rows · .* rows\/s · ETA /);
    expect(lines.at(-1)).toMatch(/^bureau\.csv ✓ 50 rows in /);
  });

  it('stays silent when quiet', () => {
    const out = capture();
    const bar = createProgress({ label: 'x', total: 2, stream: out.stream, quiet: true });
    bar.tick(2);
    bar.finish();
    expect(out.text()).toBe('');
  });
});
