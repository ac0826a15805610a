/**
 * Progress bars for long work: counts, rate and ETA on stderr. On a terminal the bar redraws in
 * place; elsewhere (CI, pipes) it prints a line at most every few seconds and a final summary.
 */

export interface Progress {
  /** Adds `n` done units (default 1). */
  tick(n?: number): void;
  /** Sets the done count directly. */
  update(done: number): void;
  /** Changes the total (when it becomes known late). */
  setTotal(total: number): void;
  /** Ends the bar and prints the summary line; returns elapsed seconds. */
  finish(message?: string): number;
}

export interface ProgressOptions {
  label: string;
  /** Total units; 0 when unknown (then no percentage or ETA). */
  total?: number;
  /** Unit word shown after counts, e.g. "rows". */
  unit?: string;
  stream?: NodeJS.WriteStream;
  /** Silences all output (tests). */
  quiet?: boolean;
}

const BAR_WIDTH = 24;

/** 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Seconds → "1m05s" / "12.3s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds - m * 60);
  return `${m}m${String(s).padStart(2, '0')}s`;
}

export function createProgress(options: ProgressOptions): Progress {
  const { label, unit = '', stream = process.stderr, quiet = false } = options;
  let total = options.total ?? 0;
  let done = 0;
  const start = performance.now();
  let lastDraw = Number.NEGATIVE_INFINITY; // the first tick draws at once
  const interactive = Boolean(stream.isTTY);
  const drawEveryMs = interactive ? 100 : 5000;

  const line = (): string => {
    const elapsed = (performance.now() - start) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const rateText = `${formatCount(rate)} ${unit}/s`.trim();
    if (total > 0) {
      const fraction = Math.min(1, done / total);
      const filled = Math.round(fraction * BAR_WIDTH);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
      const eta = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY;
      return `${label} ${bar} ${(fraction * 100).toFixed(0).padStart(3)}% ${formatCount(done)}/${formatCount(total)} ${unit} · ${rateText} · ETA ${formatDuration(eta)}`;
    }
    return `${label} ${formatCount(done)} ${unit} · ${rateText} · ${formatDuration(elapsed)}`;
  };

  const draw = (force: boolean): void => {
    if (quiet) return;
    const now = performance.now();
    if (!force && now - lastDraw < drawEveryMs) return;
    lastDraw = now;
    if (interactive) stream.write(`\r\x1b[2K${line()}`);
    else stream.write(`${line()}\n`);
  };

  return {
    tick(n = 1) {
      done += n;
      draw(false);
    },
    update(value) {
      done = value;
      draw(false);
    },
    setTotal(value) {
      total = value;
    },
    finish(message) {
      const elapsed = (performance.now() - start) / 1000;
      if (!quiet) {
        if (interactive) stream.write('\r\x1b[2K');
        const rate = elapsed > 0 ? done / elapsed : 0;
        const summary =
          message ??
          `${formatCount(done)} ${unit} in ${formatDuration(elapsed)} (${formatCount(rate)} ${unit}/s)`.trim();
        stream.write(`${label} ✓ ${summary}\n`);
      }
      return elapsed;
    },
  };
}

/** A ProgressFactory (src/data/progress.ts) that draws one bar per piece of work. */
export function barFactory(
  options: { quiet?: boolean } = {},
): (label: string, total: number, unit: string) => Progress {
  return (label, total, unit) =>
    createProgress({ label, total, unit, quiet: options.quiet ?? false });
}
