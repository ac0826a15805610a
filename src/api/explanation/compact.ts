/** The explanation as the API serves it (see compactExplanation). */
import type { Contribution, Explanation, Reason, ReasonSet } from '../../explain/index.ts';

/** Units listed per theme in the answer (the rest of a theme is summed in its totals). */
const UNITS_PER_THEME = 8;

// The answer's arrays are its own (the domain's are read-only): the response types say so.
const unit = (c: Contribution) => ({ ...c, features: [...c.features] });
const reason = (r: Reason) => ({ ...r, features: [...r.features] });

/** The reasons as served. */
export function servedReasons(reasons: ReasonSet) {
  return { adverse: reasons.adverse.map(reason), favourable: reasons.favourable.map(reason) };
}

/**
 * The explanation as served: without `contributions.all` (every unit, ~150 KB) unless asked, and
 * each theme with its largest units only; sums stay exact (themes carry their own totals).
 */
export function compactExplanation(explanation: Explanation, withAll: boolean) {
  const { all, ...contributions } = explanation.contributions;
  const top = contributions.top.map(unit);
  return {
    contributions: withAll
      ? { ...contributions, top, all: all.map(unit) }
      : { ...contributions, top },
    themes: explanation.themes.map((t) => ({
      ...t,
      count: t.contributions.length,
      contributions: t.contributions.slice(0, UNITS_PER_THEME).map(unit),
    })),
    reasons: servedReasons(explanation.reasons),
  };
}
