/** The explanation as the API serves it (see compactExplanation). */
import { reasonCode } from '../../data/features/reason-codes.ts';
import {
  type ClientReasonSet,
  type Contribution,
  clientView,
  type Explanation,
  type Reason,
  type ReasonSet,
  type ToComplete,
} from '../../explain/index.ts';

/** Units listed per theme in the answer (the rest of a theme is summed in its totals). */
const UNITS_PER_THEME = 8;

/**
 * Who the answer is for: 'adviser' (advisers and admins: every unit, the adviser's reasons) or
 * 'client' (customers: only client-explainable units and the client's reasons; src/explain
 * clientView).
 */
export type View = 'adviser' | 'client';

/** The view a role is answered with. */
export const viewOf = (role: string): View => (role === 'customer' ? 'client' : 'adviser');

// The answer's arrays are its own (the domain's are read-only): the response types say so.
const unit = (c: Contribution) => ({ ...c, features: [...c.features] });
const reason = (r: Reason) => ({ ...r, features: [...r.features] });
const toComplete = (t: ToComplete) => ({
  ...t,
  fields: [...t.fields],
  units: t.units.map((u) => ({ ...u })),
});

/**
 * The note a theme is told with: the one its units' reason codes share (the external scores: what
 * they are, in one sentence), null when they share none.
 */
export function themeNote(units: readonly Contribution[]): {
  noteFr: string | null;
  noteEn: string | null;
} {
  const notes = new Set(units.map((c) => reasonCode(c.code)?.note ?? null));
  const [note] = notes;
  return notes.size === 1 && note
    ? { noteFr: note.fr, noteEn: note.en }
    : { noteFr: null, noteEn: null };
}

/** The reasons as served. */
export function servedReasons(reasons: ReasonSet) {
  return { adverse: reasons.adverse.map(reason), favourable: reasons.favourable.map(reason) };
}

/** The client's reasons as served. */
export function servedClientReasons(reasons: ClientReasonSet) {
  return { ...servedReasons(reasons), others: { ...reasons.others } };
}

/** A new application's information to complete, as served. */
export function servedToComplete(explanation: Explanation) {
  return explanation.toComplete.map(toComplete);
}

/** The reasons of the view and the client's: what every explaining answer carries. */
export function servedReasonParts(explanation: Explanation, view: View) {
  const reasons = view === 'client' ? clientView(explanation).reasons : explanation.reasons;
  return {
    view,
    reasons: servedReasons(reasons),
    clientReasons: servedClientReasons(explanation.clientReasons),
  };
}

/**
 * The explanation as served to `view`: without `contributions.all` (every unit, ~150 KB) unless
 * asked, and each theme with its largest units only; sums stay exact (themes carry their own
 * totals).
 */
export function compactExplanation(explanation: Explanation, withAll: boolean, view: View) {
  const seen = view === 'client' ? clientView(explanation) : explanation;
  const { all, ...contributions } = seen.contributions;
  const top = contributions.top.map(unit);
  return {
    contributions: withAll
      ? { ...contributions, top, all: all.map(unit) }
      : { ...contributions, top },
    themes: seen.themes.map((t) => ({
      ...t,
      ...themeNote(t.contributions),
      count: t.contributions.length,
      contributions: t.contributions.slice(0, UNITS_PER_THEME).map(unit),
    })),
    ...servedReasonParts(explanation, view),
  };
}
