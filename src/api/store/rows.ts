/**
 * The rows both engines read (snake_case columns, as the two schemas define them) and the records
 * they become — shared by sqlite/ and postgres/, so the two stores answer alike.
 */
import type {
  AuditEntry,
  AuditRecord,
  IdempotentAnswer,
  Role,
  User,
  UserAccount,
} from './types.ts';

export interface UserRow {
  id: number;
  username: string;
  role: Role;
  client_id: number | null;
  password_hash: string;
  created_at: number;
  /** SQLite has no boolean: 0 or 1 there, a boolean in PostgreSQL. */
  disabled: boolean | number;
}

export function toUser(row: UserRow): User {
  return { id: row.id, username: row.username, role: row.role, clientId: row.client_id };
}

export function toAccount(row: UserRow): UserAccount {
  return {
    ...toUser(row),
    disabled: row.disabled === true || row.disabled === 1,
    createdAt: row.created_at,
  };
}

export interface IdempotencyRow {
  user_id: number;
  key: string;
  fingerprint: string;
  status: number;
  body: string;
  created_at: number;
  expires_at: number;
}

export function toIdempotentAnswer(row: IdempotencyRow): IdempotentAnswer {
  return {
    userId: row.user_id,
    key: row.key,
    fingerprint: row.fingerprint,
    status: row.status,
    body: row.body,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

export interface AuditRow {
  id: number;
  at: number;
  user_id: number | null;
  username: string | null;
  role: Role | null;
  action: string;
  client_id: number | null;
  model_version: string | null;
  inputs_fingerprint: string;
  output_summary: string;
  request_id: string;
}

export function toAuditRecord(row: AuditRow): AuditRecord {
  return {
    id: row.id,
    at: row.at,
    userId: row.user_id,
    username: row.username,
    role: row.role,
    action: row.action,
    clientId: row.client_id,
    modelVersion: row.model_version,
    inputsFingerprint: row.inputs_fingerprint,
    outputSummary: row.output_summary,
    requestId: row.request_id,
  };
}

/** The audit columns an append writes, in the order of auditValues (the id is allocated). */
export const AUDIT_COLUMNS =
  'at, user_id, username, role, action, client_id, model_version, inputs_fingerprint, output_summary, request_id';

/** An entry's column values, in the order of AUDIT_COLUMNS: both engines insert alike. */
export function auditValues(e: AuditEntry): (string | number | null)[] {
  return [
    e.at,
    e.userId,
    e.username,
    e.role,
    e.action,
    e.clientId,
    e.modelVersion,
    e.inputsFingerprint,
    e.outputSummary,
    e.requestId,
  ];
}

/** An append waiting for its batch's commit. */
export interface PendingAudit {
  entry: AuditEntry;
  keep: ((id: number) => IdempotentAnswer) | undefined;
  resolve: (id: number) => void;
  reject: (error: unknown) => void;
}
