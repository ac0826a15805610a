/** Appends one audit record for a request: who, role, when, action, client, inputs, output. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditEntry, IdempotentAnswer } from '../store/types.ts';
import { fingerprint } from './fingerprint.ts';

export interface AuditEvent {
  action: string;
  clientId?: number | null;
  modelVersion?: string | null;
  /** The inputs that decided the output; only their SHA-256 is stored. */
  inputs: unknown;
  /** A short summary of the output (no personal data). */
  output: Record<string, unknown>;
  /** For actions before a session exists (a login): the user name tried. */
  username?: string;
}

/** The record of a request's event: who (the session's user), when, and the request's id. */
export function auditEntry(request: FastifyRequest, event: AuditEvent): AuditEntry {
  const user = request.user;
  return {
    at: Date.now(),
    userId: user?.id ?? null,
    username: user?.username ?? event.username ?? null,
    role: user?.role ?? null,
    action: event.action,
    clientId: event.clientId ?? null,
    modelVersion: event.modelVersion ?? null,
    inputsFingerprint: fingerprint(event.inputs),
    outputSummary: JSON.stringify(event.output),
    requestId: String(request.id),
  };
}

/**
 * Resolves once the record is durable: await it before answering the request. `keep` gives, from
 * the record's id, the answer of an idempotent request (../idempotency/), saved in the record's
 * transaction (see AuditStore.append). A write that must commit with its record passes
 * auditEntry(…) to its store instead (ApplicationStore.create).
 */
export function recordAudit(
  app: FastifyInstance,
  request: FastifyRequest,
  event: AuditEvent,
  keep?: (id: number) => IdempotentAnswer,
): Promise<number> {
  return app.ctx.store.audit.append(auditEntry(request, event), keep);
}
