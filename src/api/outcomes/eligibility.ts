/**
 * Which clients may have an outcome: only granted loans default or repay. A client qualifies when
 * they are a stored new application (ApplicationStore, issue 15) whose FINAL decision is grant —
 * the adviser's latest recorded decision when there is one, else the model's. An outcome for a
 * refused client is refused: no loan was made, so there is nothing to observe (back-testing a
 * refused application would need reject inference, which this project does not attempt; see
 * docs/monitoring.md). An outcome observed before the application was made is refused too.
 * Shared by POST /api/outcomes and `creditlens outcomes`, so both apply the same rule.
 */
import { DECISION_ACTION, decisionOf } from '../decisions/stored-decision.ts';
import type { AppStore, StoredApplication } from '../store/types.ts';
import { outcomeDay } from './outcome-date.ts';

export type OutcomeRefusalCode =
  | 'OUTCOME_UNKNOWN_CLIENT'
  | 'OUTCOME_LOAN_REFUSED'
  | 'OUTCOME_BEFORE_APPLICATION';

/** Why one item of a batch cannot have an outcome. */
export interface OutcomeRefusal {
  /** Position in the batch (0-based). */
  index: number;
  clientId: number;
  code: OutcomeRefusalCode;
  /** A sentence saying what is wrong, naming the client. */
  reason: string;
}

/** The audit trail is read this many client ids at a time (an IN list of bounded size). */
const CHUNK = 500;

/** The final decision of each client: the adviser's latest, when one was recorded. */
async function adviserDecisions(
  store: AppStore,
  ids: readonly number[],
): Promise<Map<number, 'grant' | 'refuse'>> {
  const found = new Map<number, 'grant' | 'refuse'>();
  for (let at = 0; at < ids.length; at += CHUNK) {
    const records = await store.audit.latestPerClient(DECISION_ACTION, ids.slice(at, at + CHUNK));
    for (const record of records) {
      if (record.clientId === null) continue;
      found.set(record.clientId, decisionOf(record, record.clientId).decision);
    }
  }
  return found;
}

/** Every item that cannot have an outcome, in batch order (empty when all can). */
export async function outcomeRefusals(
  store: AppStore,
  items: readonly { clientId: number; observedAt: number }[],
): Promise<OutcomeRefusal[]> {
  const ids = [...new Set(items.map((i) => i.clientId))];
  const applications = new Map<number, StoredApplication>();
  for (const id of ids) {
    const application = await store.applications.get(id);
    if (application !== undefined) applications.set(id, application);
  }
  const finals = await adviserDecisions(
    store,
    ids.filter((id) => applications.has(id)),
  );
  const refusals: OutcomeRefusal[] = [];
  items.forEach((item, index) => {
    const application = applications.get(item.clientId);
    const { clientId } = item;
    if (application === undefined) {
      refusals.push({
        index,
        clientId,
        code: 'OUTCOME_UNKNOWN_CLIENT',
        reason: `no stored application for client ${clientId}: outcomes are for applications saved by POST /api/applications or creditlens score --save`,
      });
      return;
    }
    const final = finals.get(clientId) ?? application.decision;
    if (final === 'refuse') {
      refusals.push({
        index,
        clientId,
        code: 'OUTCOME_LOAN_REFUSED',
        reason: `client ${clientId}'s application was refused (${finals.has(clientId) ? "the adviser's final decision" : "the model's decision, no adviser decision recorded"}): no loan, so no outcome`,
      });
      return;
    }
    if (item.observedAt < Date.UTC(...dayParts(application.createdAt))) {
      refusals.push({
        index,
        clientId,
        code: 'OUTCOME_BEFORE_APPLICATION',
        reason: `client ${clientId}'s outcome date ${outcomeDay(item.observedAt)} is before the application (${outcomeDay(application.createdAt)})`,
      });
    }
  });
  return refusals;
}

/** The UTC day of an instant, as Date.UTC's arguments (an outcome on the application's day is fine). */
function dayParts(ms: number): [number, number, number] {
  const d = new Date(ms);
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
}
