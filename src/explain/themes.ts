/** Contributions summed by dictionary theme, each theme with its units, for the waterfall. */
import type { Theme } from '../data/features/dictionary.ts';
import type { Contribution } from './contributions.ts';

export interface ThemeContribution {
  readonly theme: Theme | 'other';
  readonly logOdds: number;
  readonly points: number;
  readonly probabilityPoints: number;
  /** The theme's units, largest |logOdds| first. */
  readonly contributions: readonly Contribution[];
}

/** Themes by decreasing |logOdds|; sums are exact, so the themes add up to the whole. */
export function contributionsByTheme(all: readonly Contribution[]): ThemeContribution[] {
  const byTheme = new Map<Theme | 'other', Contribution[]>();
  for (const c of all) {
    const list = byTheme.get(c.theme);
    if (list) list.push(c);
    else byTheme.set(c.theme, [c]);
  }
  const themes = [...byTheme].map(([theme, list]) => {
    let logOdds = 0;
    let points = 0;
    let probabilityPoints = 0;
    for (const c of list) {
      logOdds += c.logOdds;
      points += c.points;
      probabilityPoints += c.probabilityPoints;
    }
    const contributions = [...list].sort((a, b) => Math.abs(b.logOdds) - Math.abs(a.logOdds));
    return { theme, logOdds, points, probabilityPoints, contributions };
  });
  return themes.sort((a, b) => Math.abs(b.logOdds) - Math.abs(a.logOdds));
}
