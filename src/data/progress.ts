/**
 * What long data-layer work reports progress to. The CLI passes bars (src/cli/progress.ts);
 * tests pass nothing (silent). Kept here so the data layer never imports the CLI.
 */
export interface ProgressSink {
  tick(n?: number): void;
  update(done: number): void;
  setTotal(total: number): void;
  /** Changes the label shown (e.g. the best score so far); sinks may ignore it. */
  setLabel?(label: string): void;
  /** Ends the work; returns elapsed seconds. */
  finish(message?: string): number;
}

/** Makes one progress sink per piece of work (a file, a table). `total` 0 means unknown. */
export type ProgressFactory = (label: string, total: number, unit: string) => ProgressSink;

const silentSink: ProgressSink = {
  tick() {},
  update() {},
  setTotal() {},
  finish() {
    return 0;
  },
};

/** A factory that reports nothing. */
export const silentProgress: ProgressFactory = () => silentSink;
