/**
 * What the monitoring page derives from a report (pure, tested beside): the lights in words, the
 * features whose missing rate moved, the counts of each light, a band's short name.
 */
import type { MonitoringReport, VariableStability } from '../../api/generated/api-types.ts';
import { BAND_LABELS } from '../../client/score/band-labels.ts';
import type { Language } from '../../i18n/language.tsx';

export type Light = 'green' | 'amber' | 'red';

export const LIGHT_WORDS: Record<Language, Record<Light, string>> = {
  fr: { green: 'vert', amber: 'orange', red: 'rouge' },
  en: { green: 'green', amber: 'amber', red: 'red' },
};

/** A mark beside the colour, so a light reads without colour too. */
export const LIGHT_MARKS: Record<Light, string> = { green: '●', amber: '▲', red: '■' };

/** How many variables (score, band mix, features) have each light. */
export function lightCounts(report: MonitoringReport): Record<Light, number> {
  const counts: Record<Light, number> = { green: 0, amber: 0, red: 0 };
  for (const l of [
    report.score.status,
    report.bandMix.status,
    ...report.features.map((f) => f.status),
  ])
    counts[l] += 1;
  return counts;
}

/** A missing rate that moved by at least `minChange` (5 points by default), largest move first. */
export function missingChanges(
  features: readonly VariableStability[],
  minChange = 0.05,
): VariableStability[] {
  return features
    .filter((f) => Math.abs(f.missingWindow - f.missingReference) >= minChange)
    .sort(
      (a, b) =>
        Math.abs(b.missingWindow - b.missingReference) -
          Math.abs(a.missingWindow - a.missingReference) || a.name.localeCompare(b.name),
    );
}

/**
 * Features missing for every application of the window though the development data had them: a
 * feed that stopped, or new applicants without the credit history these features read.
 */
export function goneMissing(report: MonitoringReport): VariableStability[] {
  if (report.rows.window === 0) return [];
  return report.features.filter((f) => f.missingWindow === 1 && f.missingReference < 1);
}

/** A band's short name in the page's language ("Bon"), or the name as given. */
export function bandWord(band: string, language: Language): string {
  const labels = BAND_LABELS[language] as Record<string, string>;
  return labels[band]?.split(' — ')[0] ?? band;
}

/** YYYY-MM-DD of a Date, in UTC (the API reads days in UTC). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
