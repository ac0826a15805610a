/** The explanation as the API serves it (see compactExplanation). */
import type { Explanation } from '../../explain/index.ts';

/** Units listed per theme in the answer (the rest of a theme is summed in its totals). */
const UNITS_PER_THEME = 8;

/**
 * The explanation as served: without `contributions.all` (every unit, ~150 KB) unless asked, and
 * each theme with its largest units only; sums stay exact (themes carry their own totals).
 */
export function compactExplanation(explanation: Explanation, withAll: boolean) {
  const { all, ...contributions } = explanation.contributions;
  return {
    contributions: withAll ? { ...contributions, all } : contributions,
    themes: explanation.themes.map((t) => ({
      ...t,
      count: t.contributions.length,
      contributions: t.contributions.slice(0, UNITS_PER_THEME),
    })),
    reasons: explanation.reasons,
  };
}
