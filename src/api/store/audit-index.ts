/**
 * Migration 6, the same text in both engines' dialects: the audit trail by action, then time, and
 * by action, then client. The decisions across clients (GET /api/decisions) read one action,
 * newest first (the trail is read `at` then id descending, so the first index gives the order and
 * the date range), and the client list asks the latest decision of a page's clients
 * (`latestPerClient`, the second). Without them both walk the trail, where views and scores
 * outnumber decisions by far: bench/api/audit-decisions.ts measures them side by side.
 */
export const AUDIT_ACTION_INDEX = `
CREATE INDEX IF NOT EXISTS audit_action_at ON audit(action, at);
CREATE INDEX IF NOT EXISTS audit_action_client ON audit(action, client_id);
`;
