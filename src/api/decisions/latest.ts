/**
 * The client list's final decisions: the adviser's latest decision on each listed client, read
 * from the audit trail in one query for the page's ids (AuditStore.latestPerClient), so the list
 * shows the model's opinion and the final decision side by side after an override.
 */
import type { FastifyInstance } from 'fastify';
import type { ClientSummary } from '../clients/client-list.ts';
import { DECISION_ACTION, decisionOf } from './stored-decision.ts';

export async function withFinalDecisions(
  app: FastifyInstance,
  clients: ClientSummary[],
): Promise<ClientSummary[]> {
  if (clients.length === 0) return clients;
  const latest = await app.ctx.store.audit.latestPerClient(
    DECISION_ACTION,
    clients.map((c) => c.id),
  );
  const byClient = new Map(
    latest.map((record) => [record.clientId, decisionOf(record, record.clientId ?? 0)]),
  );
  return clients.map((c) => {
    const d = byClient.get(c.id);
    return {
      ...c,
      finalDecision: d ? { decision: d.decision, followsModel: d.followsModel, at: d.at } : null,
    };
  });
}
