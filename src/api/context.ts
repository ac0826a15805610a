/** What every route reaches through `app.ctx`: configuration, stores and the client data. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ClientRepository } from './clients/repository.ts';
import type { ServerConfig } from './config.ts';
import type { ScoreTable } from './scoring/score-table.ts';
import type { ServedModel } from './scoring/served-model.ts';
import type { AppStore, User } from './store/types.ts';

export interface AppContext {
  readonly config: ServerConfig;
  readonly store: AppStore;
  /**
   * Null when the DuckDB database could not be opened (the server answers /readyz 503). Read from
   * `served`: the request's pinned state, swapped whole when a new feature store is served.
   */
  readonly clients: ClientRepository | null;
  /** Why the client data is unavailable, when it is (from `served`). */
  readonly clientsProblem: string | null;
  /**
   * Scores of every client under the served model; null when no model is served. Read from
   * `served`: every read within a request answers the model the request started with.
   */
  readonly scores: ScoreTable | null;
  /** Why no model is served, when none is (from `served`). */
  readonly modelProblem: string | null;
  /** The swappable served state behind `clients` and `scores` (promotions, feature stores). */
  readonly served: ServedModel;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    /** The logged-in user, set by the session hook (null when not logged in). */
    user: User | null;
    /** Id of the request's session, when logged in. */
    sessionId: string | null;
  }
}

export type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
