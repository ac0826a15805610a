/**
 * The storage the API needs, as four small interfaces, so the embedded SQLite implementation
 * (./sqlite-store.ts) can be replaced by a server database without touching the routes.
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
  count(): number;
  create(user: Omit<UserWithSecret, 'id'>): User;
  /** An enabled user by name (a disabled account is not found: it cannot log in). */
  findByUsername(username: string): UserWithSecret | undefined;
  /** An enabled user by id (a disabled account is not found: its sessions stop working). */
  findById(id: number): User | undefined;
  /** Every account, enabled or not, by id. */
  list(): UserAccount[];
  /** One account, enabled or not. */
  account(id: number): UserAccount | undefined;
  /** True when the name is taken, by an enabled or a disabled account. */
  nameTaken(username: string): boolean;
  setDisabled(id: number, disabled: boolean): void;
  setPasswordHash(id: number, passwordHash: string): void;
}

export interface Session {
  /** Hex of 32 random bytes; stored hashed (SHA-256) so a copy of the database opens no session. */
  id: string;
  userId: number;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface SessionStore {
  create(session: Session): void;
  /** The session if it exists and has not expired at `now`. */
  find(id: string, now: number): Session | undefined;
  delete(id: string): void;
  /** Ends every session of a user (disabled, or a new password); returns how many. */
  deleteForUser(userId: number): number;
  /** Removes expired sessions; returns how many. */
  purgeExpired(now: number): number;
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
   * together share one commit (group commit): one sync per batch, not per request. `along`, when
   * given, runs with the new id inside the same transaction (what it writes to the store commits
   * with the record, or neither does); if it throws, this append fails alone.
   */
  append(entry: AuditEntry, along?: (id: number) => void): Promise<number>;
  /** Writes what is pending now (shutdown). */
  flush(): void;
  query(q: AuditQuery): { total: number; records: AuditRecord[] };
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
  find(userId: number, key: string, now: number): IdempotentAnswer | undefined;
  /**
   * Keeps an answer (dropping the expired ones). Throws when the user's key already holds a live
   * answer. Call it inside the transaction of the change it answers (AuditStore.append's `along`).
   */
  save(answer: IdempotentAnswer): void;
}

export interface AppStore {
  users: UserStore;
  sessions: SessionStore;
  audit: AuditStore;
  idempotency: IdempotencyStore;
  /** True when the database answers. */
  healthy(): boolean;
  close(): void;
}
