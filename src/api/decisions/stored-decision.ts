/**
 * A decision as the audit trail keeps it (its action and output summary) and as the API answers
 * it: shared by the decisions of one client, those across clients and the client list's latest.
 */
import type { decisionRecordSchema } from '../contract/decisions.ts';
import type { Infer } from '../contract/typed.ts';
import type { AuditRecord } from '../store/types.ts';

export const DECISION_ACTION = 'client.decision';

/** What a decision's audit record keeps (its output summary, as JSON). */
export type StoredDecision = Pick<
  Infer<typeof decisionRecordSchema>,
  'decision' | 'modelDecision' | 'followsModel' | 'justification' | 'reasonCategory' | 'reviewId'
>;

/** A stored decision as answered (records made before categories and reviews lack them). */
export function decisionOf(record: AuditRecord, clientId: number) {
  const stored = JSON.parse(record.outputSummary) as Partial<StoredDecision>;
  return {
    id: record.id,
    clientId,
    at: new Date(record.at).toISOString(),
    username: record.username,
    decision: stored.decision ?? 'refuse',
    modelDecision: stored.modelDecision ?? 'refuse',
    followsModel: stored.followsModel ?? false,
    justification: stored.justification ?? null,
    reasonCategory: stored.reasonCategory ?? null,
    reviewId: stored.reviewId ?? null,
    modelVersion: record.modelVersion,
  };
}
