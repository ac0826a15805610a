/**
 * An explanation as a client (the customer role) may see it: nothing that is not
 * client-explainable. The reasons are the client view's (./client-reasons.ts); contributions and
 * themes list only the units of client-explainable codes that are not protected attributes,
 * while every sum still covers every unit (the top units plus `rest` make the whole, each theme's
 * totals are the theme's), so the score still adds up.
 */

import type { Contribution } from './contributions.ts';
import type { Explanation } from './explanation.ts';
import { codeOfUnit } from './reasons.ts';

/** A unit a client may see listed: a client-explainable code, not a protected attribute. */
export function isClientVisible(c: Contribution): boolean {
  return codeOfUnit(c).clientExplainable && !c.sensitive;
}

/**
 * The client's explanation: the same sums, the listed units and the reasons reduced to what a
 * client can understand. `contributions.all` becomes the visible units (so it no longer adds up
 * alone: `top` and `rest` do), and the same number of units is listed in `top`.
 */
export function clientView(explanation: Explanation): Explanation {
  const { contributions, themes, clientReasons } = explanation;
  const visible = contributions.all.filter(isClientVisible);
  const top = visible.slice(0, contributions.top.length);
  const listed = new Set(top);
  const rest = { count: 0, logOdds: 0, points: 0, probabilityPoints: 0 };
  for (const c of contributions.all) {
    if (listed.has(c)) continue;
    rest.count++;
    rest.logOdds += c.logOdds;
    rest.points += c.points;
    rest.probabilityPoints += c.probabilityPoints;
  }
  return {
    ...explanation,
    contributions: { ...contributions, all: visible, top, rest },
    themes: themes.map((t) => ({ ...t, contributions: t.contributions.filter(isClientVisible) })),
    reasons: { adverse: clientReasons.adverse, favourable: clientReasons.favourable },
  };
}
