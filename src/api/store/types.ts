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
  page: number;
  pageSize: number;
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
  /** At most this many, newest first. */
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

export interface AppStore {
  users: UserStore;
  sessions: SessionStore;
  audit: AuditStore;
  idempotency: IdempotencyStore;
  reviews: ReviewStore;
  /** Which engine: 'sqlite' (embedded file) or 'postgres' (shared server). */
  readonly engine: 'sqlite' | 'postgres';
  /** True when the database answers. */
  healthy(): Promise<boolean>;
  /** Writes the pending audit records, then closes the connection(s). */
  close(): Promise<void>;
}
