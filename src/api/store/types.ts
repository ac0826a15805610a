/**
 * The storage the API needs, as four small interfaces with two implementations: the embedded
 * SQLite file (./sqlite-store.ts, the default) and a PostgreSQL server (./postgres-store.ts, for
 * several replicas). Every method answers a Promise, so a server database fits behind it; the
 * routes never know which engine they talk to.
 */

export const ROLES = ['adviser', 'admin', 'customer'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: number;
  username: string;
  role: Role;
  /** The customer's own client (SK_ID_CURR); null for staff. */
  clientId: number | null;
}

export interface UserWithSecret extends User {
  /** "scrypt$N$r$p$salt$hash" (see ../auth/password.ts). */
  passwordHash: string;
}

/** A user as the admin sees it: with the account's state. */
export interface UserAccount extends User {
  /** A disabled account can neither log in nor use a session. */
  disabled: boolean;
  /** Epoch milliseconds. */
  createdAt: number;
}

export interface UserStore {
  count(): Promise<number>;
  /** Rejects when the name is taken. */
  create(user: Omit<UserWithSecret, 'id'>): Promise<User>;
  /**
   * Creates the user unless the name is taken (then undefined, and nothing changes): safe when
   * several processes start at once on one store (INSERT … ON CONFLICT DO NOTHING).
   */
  createIfAbsent(user: Omit<UserWithSecret, 'id'>): Promise<User | undefined>;
  /** An enabled user by name (a disabled account is not found: it cannot log in). */
  findByUsername(username: string): Promise<UserWithSecret | undefined>;
  /** An enabled user by id (a disabled account is not found: its sessions stop working). */
  findById(id: number): Promise<User | undefined>;
  /** Every account, enabled or not, by id. */
  list(): Promise<UserAccount[]>;
  /** One account, enabled or not. */
  account(id: number): Promise<UserAccount | undefined>;
  /** True when the name is taken, by an enabled or a disabled account. */
  nameTaken(username: string): Promise<boolean>;
  setDisabled(id: number, disabled: boolean): Promise<void>;
  setPasswordHash(id: number, passwordHash: string): Promise<void>;
}

export interface Session {
  /** Hex of 32 random bytes; stored hashed (SHA-256) so a copy of the database opens no session. */
  id: string;
  userId: number;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface SessionStore {
  create(session: Session): Promise<void>;
  /** The session if it exists and has not expired at `now`. */
  find(id: string, now: number): Promise<Session | undefined>;
  delete(id: string): Promise<void>;
  /** Ends every session of a user (disabled, or a new password); returns how many. */
  deleteForUser(userId: number): Promise<number>;
  /** Removes expired sessions; returns how many. */
  purgeExpired(now: number): Promise<number>;
}

export interface AuditEntry {
  /** Epoch milliseconds. */
  at: number;
  userId: number | null;
  username: string | null;
  role: Role | null;
  /** What was done, e.g. "auth.login", "client.view", "client.score". */
  action: string;
  clientId: number | null;
  modelVersion: string | null;
  /** SHA-256 hex of the canonical JSON of the inputs (see ../audit/fingerprint.ts). */
  inputsFingerprint: string;
  /** A short JSON summary of the output (never personal data beyond the client id). */
  outputSummary: string;
  requestId: string;
}

export interface AuditRecord extends AuditEntry {
  id: number;
}

export interface AuditQuery {
  username?: string;
  clientId?: number;
  action?: string;
  /** Epoch milliseconds, inclusive. */
  from?: number;
  /** Epoch milliseconds, exclusive. */
  to?: number;
  /**
   * Top-level values the output summary (JSON) must hold, e.g. `{ followsModel: false }`; names
   * are letters and digits only (they become JSON paths).
   */
  outputHas?: Readonly<Record<string, string | boolean>>;
  page: number;
  pageSize: number;
}

/** Output-summary field names a query may filter on: plain identifiers, never a path. */
export function checkOutputField(name: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]{0,63}$/.test(name)) throw new Error(`invalid output field: ${name}`);
  return name;
}

/** Append-only: there is deliberately no update or delete. */
export interface AuditStore {
  /**
   * Resolves with the record's id once it is durable (committed and synced). Appends arriving
   * together share one commit (group commit): one sync per batch, not per request. `keep`, when
   * given, is called with the new id and the answer it returns is saved in the same transaction
   * (IdempotencyStore.save's rules: a live answer under the same key fails): the record and its
   * answer commit together, or neither does. If `keep` throws or its answer cannot be saved,
   * this append fails alone.
   */
  append(entry: AuditEntry, keep?: (id: number) => IdempotentAnswer): Promise<number>;
  /** Writes what is pending now (shutdown). */
  flush(): Promise<void>;
  query(q: AuditQuery): Promise<{ total: number; records: AuditRecord[] }>;
  /** The newest record of `action` on each of `clientIds` that has one: one query for them all. */
  latestPerClient(action: string, clientIds: readonly number[]): Promise<AuditRecord[]>;
}

/** The answer kept for a request made with an Idempotency-Key (see ../idempotency/). */
export interface IdempotentAnswer {
  userId: number;
  /** The Idempotency-Key header's value. */
  key: string;
  /** SHA-256 hex of the request it answered (method, URL, canonical body). */
  fingerprint: string;
  status: number;
  /** The answer's body, as JSON. */
  body: string;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Epoch milliseconds; from then on the key is free again. */
  expiresAt: number;
}

export interface IdempotencyStore {
  /** The live answer kept for the user's key, if any. */
  find(userId: number, key: string, now: number): Promise<IdempotentAnswer | undefined>;
  /**
   * Keeps an answer (dropping the expired ones). Rejects when the user's key already holds a live
   * answer. An answer to a change is saved with it instead (AuditStore.append's `keep`).
   */
  save(answer: IdempotentAnswer): Promise<void>;
}

/** Where a review request stands: received, taken in review by an adviser, decided. */
export const REVIEW_STATUSES = ['received', 'in-review', 'decided'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** The decision that answered a review request. */
export interface ReviewOutcome {
  /** The decision's audit record id. */
  decisionId: number;
  decision: 'grant' | 'refuse';
  reasonCategory: string;
  justification: string | null;
  username: string;
  /** Epoch milliseconds. */
  at: number;
}

/** A client's request for a human review of the assessment (CCD 2023/2225 Art. 18). */
export interface Review {
  id: number;
  clientId: number;
  /** Who filed it: the customer, or an adviser on their behalf. */
  userId: number;
  username: string;
  role: Role;
  /** The client's point of view, as written (trimmed). */
  pointOfView: string;
  /** Application fields the client says are wrong, with the values they give. */
  corrections: Record<string, string | number>;
  status: ReviewStatus;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** The answering decision once decided; else null. */
  outcome: ReviewOutcome | null;
}

export interface ReviewQuery {
  clientId?: number;
  status?: ReviewStatus;
  /** Only those still to handle: received or in review. */
  open?: boolean;
  /** The oldest first (a worklist: the longest waiting first); else the newest first. */
  oldestFirst?: boolean;
  /** At most this many, newest (or oldest) first. */
  limit: number;
}

/** Review requests: created, taken in review, closed by a decision; never deleted. */
export interface ReviewStore {
  create(review: Omit<Review, 'id' | 'status' | 'outcome' | 'updatedAt'>): Promise<Review>;
  get(id: number): Promise<Review | undefined>;
  list(q: ReviewQuery): Promise<Review[]>;
  /** False when the review is unknown or decided already. */
  setStatus(id: number, status: Exclude<ReviewStatus, 'decided'>, at: number): Promise<boolean>;
  /** Decides it with the answering decision; false when unknown or decided already. */
  close(id: number, outcome: ReviewOutcome, at: number): Promise<boolean>;
}

/** The observed outcome of a granted loan (issue 15): did the client default? */
export interface Outcome {
  clientId: number;
  /** 1 = defaulted, 0 = repaid (or still performing at `observedAt`). */
  defaulted: 0 | 1;
  /** When the outcome was observed, epoch milliseconds (a day's midnight UTC from a date). */
  observedAt: number;
  /** The username that recorded it. */
  recordedBy: string;
  /** When it was recorded, epoch milliseconds. */
  recordedAt: number;
}

/** An outcome to record: `recordedAt` is set by the store. */
export type NewOutcome = Omit<Outcome, 'recordedAt'>;

/** What recording a batch did: each item recorded anew, or already there identically. */
export interface OutcomeBatchResult {
  recorded: number;
  unchanged: number;
  /** Per item, in the batch's order. */
  items: ('recorded' | 'unchanged')[];
}

export interface OutcomeQuery {
  /** Epoch milliseconds, inclusive, on `observedAt`. */
  since?: number;
  /** Epoch milliseconds, exclusive, on `observedAt`. */
  until?: number;
}

/**
 * One outcome per client, never overwritten. Recording the same outcome again (same `defaulted`
 * and `observedAt`) changes nothing and says 'unchanged'; a different one for a client who has an
 * outcome rejects with OutcomeConflictError (./outcome-conflict.ts), and nothing is written.
 */
export interface OutcomeStore {
  record(outcome: NewOutcome): Promise<'recorded' | 'unchanged'>;
  /** All or nothing, in one transaction: the first conflict (or a client twice with different outcomes) rejects the whole batch. */
  recordAll(outcomes: readonly NewOutcome[]): Promise<OutcomeBatchResult>;
  /** By `observedAt`, then client id. */
  list(q?: OutcomeQuery): Promise<Outcome[]>;
  get(clientId: number): Promise<Outcome | undefined>;
  count(): Promise<number>;
}

/**
 * New applicants' client ids start here, far above the feature store's SK_ID_CURR (the Kaggle data
 * stops below 460 000; generated data counts up from 100 002), so an id says where its file lives.
 */
export const FIRST_NEW_CLIENT_ID = 900_000_000;

/** A new applicant's application, stored as received and as scored (issue 15). */
export interface StoredApplication {
  /** The new applicant's id (allocated from FIRST_NEW_CLIENT_ID; never a feature-store id). */
  clientId: number;
  /** Epoch milliseconds. */
  createdAt: number;
  /** The user who saved it; null for a batch `creditlens score --save` without a user. */
  createdBy: number | null;
  source: 'api' | 'batch';
  /** The raw Kaggle application-schema fields as received. */
  application: Record<string, string | number | null>;
  /** The model that scored it. */
  modelVersion: string;
  /** That model's feature vector as scored (aligned with its feature names): monitoring, challengers. */
  features: (number | null)[];
  /** The calibrated probability of default. */
  probability: number;
  /** The model's decision; the adviser's final decision stays in the decisions (audit). */
  decision: 'grant' | 'refuse';
}

export interface ApplicationQuery {
  /** Epoch milliseconds, inclusive. */
  since?: number;
  /** Epoch milliseconds, exclusive. */
  until?: number;
}

/**
 * The audit record of a save, written in the save's transaction: the rows, the record and the
 * idempotent answer commit together or not at all (a failed audit write leaves nothing stored).
 */
export interface AuditedSave<T> {
  /** The record, from what was stored (its allocated client ids). */
  entry: (stored: T) => AuditEntry;
  /** The answer of an idempotent request, from the record's id (AuditStore.append's `keep`). */
  keep?: (auditId: number, stored: T) => IdempotentAnswer;
}

/** New applications: created, never changed nor deleted; listed in creation order. */
export interface ApplicationStore {
  /** Stores it and allocates its client id; with `audit`, its record in the same transaction. */
  create(
    a: Omit<StoredApplication, 'clientId'>,
    audit?: AuditedSave<StoredApplication>,
  ): Promise<StoredApplication>;
  /** Stores several in one transaction (a batch file), ids in the order given; `audit` as create's. */
  createMany(
    list: Omit<StoredApplication, 'clientId'>[],
    audit?: AuditedSave<StoredApplication[]>,
  ): Promise<StoredApplication[]>;
  get(clientId: number): Promise<StoredApplication | undefined>;
  /** Oldest first (ascending client id). */
  list(q: ApplicationQuery & { limit?: number; offset?: number }): Promise<StoredApplication[]>;
  count(q: ApplicationQuery): Promise<number>;
}

/** A failure count of the login throttle (../auth/attempts.ts), before leaking. */
export interface FailureCount {
  failures: number;
  /** Epoch milliseconds of the last failure. */
  last: number;
}

/**
 * The login throttle's failure counts, shared by the replicas (PostgreSQL). Keys are HMACs under
 * `secret()`, never what was typed.
 */
export interface LoginFailureStore {
  /** The HMAC key every replica uses: made once, kept in the database. */
  secret(): Promise<Buffer>;
  /**
   * Reads the counts of `keys` and writes what `decide` answers for each (a count; null deletes
   * it; undefined leaves it), in one transaction holding the keys' rows locked: concurrent calls
   * on a key run one after the other, whichever replica makes them.
   */
  update(
    keys: readonly string[],
    decide: (counts: (FailureCount | undefined)[]) => (FailureCount | null | undefined)[],
  ): Promise<void>;
}

/** The per-user token buckets of the expensive routes, shared by the replicas (PostgreSQL). */
export interface RateBucketStore {
  /**
   * Takes a token from `key`'s bucket (full at `burst`, one token back every `msPerToken`) in one
   * atomic statement: taken, or refused with the milliseconds until a token is there.
   */
  take(
    key: string,
    now: number,
    burst: number,
    msPerToken: number,
  ): Promise<{ taken: true } | { taken: false; waitMs: number }>;
  /** Puts back a token taken for a request that was then refused (never above `burst`). */
  giveBack(key: string, burst: number): Promise<void>;
}

/** Word that a model was promoted, to the other replicas (PostgreSQL LISTEN/NOTIFY). */
export interface PromotionChannel {
  /** Tells every replica listening that `runId` is now the active model. */
  announce(runId: string): Promise<void>;
  /**
   * Calls `heard` on each promotion announced (by any replica), and with null after each
   * reconnection (announcements may have been missed meanwhile). Resolves with a stop function.
   */
  listen(heard: (runId: string | null) => void): Promise<() => Promise<void>>;
}

/**
 * What the replicas share beyond the records: absent on the SQLite store (one process, which
 * keeps these in memory).
 */
export interface SharedState {
  loginFailures: LoginFailureStore;
  rateBuckets: RateBucketStore;
  promotions: PromotionChannel;
}

export interface AppStore {
  /** Shared by the replicas (PostgreSQL); absent for one process (SQLite). */
  shared?: SharedState;
  users: UserStore;
  sessions: SessionStore;
  audit: AuditStore;
  idempotency: IdempotencyStore;
  reviews: ReviewStore;
  applications: ApplicationStore;
  /** Observed outcomes of granted loans (migration version 4). */
  outcomes: OutcomeStore;
  /** Which engine: 'sqlite' (embedded file) or 'postgres' (shared server). */
  readonly engine: 'sqlite' | 'postgres';
  /** True when the database answers. */
  healthy(): Promise<boolean>;
  /** Writes the pending audit records, then closes the connection(s). */
  close(): Promise<void>;
}
