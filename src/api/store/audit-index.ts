/**
 * Migration 6, the same text in both engines' dialects: the audit trail by action, then client.
 * The decisions across clients (GET /api/decisions) read one action, and the client list asks the
 * latest decision of a page's clients (`latestPerClient`); without it both walk the whole trail,
 * where views and scores outnumber decisions by far (bench/api/audit-decisions.ts).
 */
export const AUDIT_ACTION_INDEX =
  'CREATE INDEX IF NOT EXISTS audit_action_client ON audit(action, client_id)';
