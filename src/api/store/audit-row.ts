/**
 * The audit table's row as both engines read it (snake_case columns), its AuditRecord, and an
 * append waiting for its group commit — shared by sqlite/audit.ts and postgres/audit.ts.
 */
import type { AuditEntry, AuditRecord, IdempotentAnswer, Role } from './types.ts';

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

/** An append waiting for its batch's commit. */
export interface PendingAudit {
  entry: AuditEntry;
  keep: ((id: number) => IdempotentAnswer) | undefined;
  resolve: (id: number) => void;
  reject: (error: unknown) => void;
}
