/**
 * The model the server serves, swappable while it runs (an admin's promote): one reference to an
 * immutable state, replaced whole. A request reads `scores` once and keeps that table to the end,
 * so a request in flight finishes on the old model while the next one sees the new; there is
 * never a moment without a model, so /readyz stays ready through a swap.
 */
import type { ScoreTable } from './score-table.ts';

export interface ServedState {
  /** Scores of every client under the served model; null when none is served. */
  readonly scores: ScoreTable | null;
  /** Why no model is served, when none is. */
  readonly problem: string | null;
}

export class ServedModel {
  private state: ServedState;
  private turn: Promise<unknown> = Promise.resolve();

  constructor(initial: ServedState) {
    this.state = Object.freeze({ ...initial });
  }

  get scores(): ScoreTable | null {
    return this.state.scores;
  }

  get problem(): string | null {
    return this.state.problem;
  }

  /** Serves `scores` from the next read on (one assignment: no reader sees half a swap). */
  swap(scores: ScoreTable): void {
    this.state = Object.freeze({ scores, problem: null });
  }

  /** Runs `work` once every earlier call has finished, so two promotions never interleave. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.turn.then(work, work);
    this.turn = run.catch(() => undefined);
    return run;
  }
}
