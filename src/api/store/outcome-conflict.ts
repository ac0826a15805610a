/**
 * The one rule both engines apply when an outcome is recorded for a client who has one: the same
 * outcome (same `defaulted`, same `observedAt`) is no change; anything else is a conflict, refused
 * so that an observed default is never silently rewritten (a correction is a decision for a
 * person with a SQL shell and a reason, not for a re-sent file).
 */
import type { NewOutcome, Outcome } from './types.ts';

/** A different outcome than the one stored for the client; nothing of the batch was written. */
export class OutcomeConflictError extends Error {
  override name = 'OutcomeConflictError';
  constructor(
    /** The item's position in the batch (0 for a single record). */
    readonly index: number,
    readonly existing: Pick<Outcome, 'clientId' | 'defaulted' | 'observedAt'>,
    readonly given: Pick<NewOutcome, 'clientId' | 'defaulted' | 'observedAt'>,
  ) {
    super(
      `client ${given.clientId} already has an outcome (defaulted ${existing.defaulted}, observed ` +
        `${new Date(existing.observedAt).toISOString().slice(0, 10)}); the outcome given ` +
        `(defaulted ${given.defaulted}, observed ${new Date(given.observedAt).toISOString().slice(0, 10)}) differs`,
    );
  }
}

/** 'unchanged' when `given` repeats `existing`; throws OutcomeConflictError otherwise. */
export function sameOutcomeOrThrow(
  index: number,
  existing: Pick<Outcome, 'clientId' | 'defaulted' | 'observedAt'>,
  given: NewOutcome,
): 'unchanged' {
  if (existing.defaulted === given.defaulted && existing.observedAt === given.observedAt) {
    return 'unchanged';
  }
  throw new OutcomeConflictError(index, existing, given);
}

/** Counts a batch's per-item results. */
export function batchResult(items: ('recorded' | 'unchanged')[]) {
  const recorded = items.filter((i) => i === 'recorded').length;
  return { recorded, unchanged: items.length - recorded, items };
}
