/**
 * What the server serves — the client data (the DuckDB feature store) and the model's scores of
 * those clients — swappable while it runs: an admin's promote, a promotion on another replica, a
 * new feature store swapped in by the writer. One reference to an immutable state, replaced whole.
 *
 * A request is pinned to the state current when it starts (`pin`; its hooks and handler run
 * `within` it, an AsyncLocalStorage): every read of `clients` or `scores` within it answers from that
 * state, so a request never mixes two models, or a model with another store's clients, however
 * many times it reads them. There is never a moment without a state, so /readyz stays ready
 * through a swap. Client data that is replaced is closed once the last request using it ends
 * (`retire`).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ClientRepository } from '../clients/repository.ts';
import type { ScoreTable } from './score-table.ts';

export interface ServedState {
  /** The client data; null when the DuckDB file could not be opened. */
  readonly clients: ClientRepository | null;
  /** Why the client data is unavailable, when it is. */
  readonly clientsProblem: string | null;
  /** Scores of every client under the served model; null when none is served. */
  readonly scores: ScoreTable | null;
  /** Why no model is served, when none is. */
  readonly problem: string | null;
}

export class ServedModel {
  private state: ServedState;
  private turn: Promise<unknown> = Promise.resolve();
  private readonly pinned = new AsyncLocalStorage<ServedState>();
  /** Requests running on each client data, and what closes the retired ones. */
  private readonly users = new Map<ClientRepository, number>();
  private readonly closers = new Map<ClientRepository, () => void>();
  private announcer: ((runId: string) => void) | null = null;

  constructor(initial: Partial<ServedState> & Pick<ServedState, 'scores' | 'problem'>) {
    this.state = Object.freeze({ clients: null, clientsProblem: null, ...initial });
  }

  /** The request's pinned state, or the latest outside a request. */
  get current(): ServedState {
    return this.pinned.getStore() ?? this.state;
  }

  /** The latest state, whatever the request (the watchers compare against it). */
  get latest(): ServedState {
    return this.state;
  }

  get scores(): ScoreTable | null {
    return this.current.scores;
  }

  get problem(): string | null {
    return this.current.problem;
  }

  get clients(): ClientRepository | null {
    return this.current.clients;
  }

  get clientsProblem(): string | null {
    return this.current.clientsProblem;
  }

  /**
   * Pins a request to the current state: the state, and the release to call once when the
   * request is over (more calls do nothing). Run the request's steps `within` the state.
   */
  pin(): { state: ServedState; release: () => void } {
    const state = this.state;
    const clients = state.clients;
    if (clients) this.users.set(clients, (this.users.get(clients) ?? 0) + 1);
    let released = false;
    const release = () => {
      if (released || !clients) return;
      released = true;
      const left = (this.users.get(clients) ?? 1) - 1;
      if (left > 0) {
        this.users.set(clients, left);
        return;
      }
      this.users.delete(clients);
      this.closeIfRetired(clients);
    };
    return { state, release };
  }

  /** Runs `next`, and all it starts, reading `state` (a pinned request's). */
  within(state: ServedState, next: () => void): void {
    this.pinned.run(state, next);
  }

  /** Called with the run's id whenever this replica promotes (swap), to tell the others. */
  announceWith(announcer: (runId: string) => void): void {
    this.announcer = announcer;
  }

  /**
   * Serves `scores` from the next request on (one assignment: no reader sees half a swap): a
   * promotion made here, which the other replicas are told of.
   */
  swap(scores: ScoreTable): void {
    this.follow(scores);
    this.announcer?.(scores.record.id);
  }

  /** Serves `scores` from the next request on: a promotion made elsewhere (not announced again). */
  follow(scores: ScoreTable): void {
    this.state = Object.freeze({ ...this.state, scores, problem: null });
  }

  /**
   * Serves new client data and its scores from the next request on; the data served until now is
   * closed by `closeOld` once no request uses it any more.
   */
  replaceData(next: ServedState, closeOld: () => void): void {
    const old = this.state.clients;
    this.state = Object.freeze({ ...next });
    if (old && old !== next.clients) {
      this.closers.set(old, closeOld);
      this.closeIfRetired(old);
    }
  }

  /** Runs `work` once every earlier call has finished, so two swaps never interleave. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.turn.then(work, work);
    this.turn = run.catch(() => undefined);
    return run;
  }

  /** Closes the client data of every state not served any more, now (shutdown). */
  closeRetired(): void {
    for (const [clients, close] of this.closers) {
      this.closers.delete(clients);
      close();
    }
  }

  private closeIfRetired(clients: ClientRepository): void {
    if (this.users.has(clients) || clients === this.state.clients) return;
    const close = this.closers.get(clients);
    if (!close) return;
    this.closers.delete(clients);
    close();
  }
}
