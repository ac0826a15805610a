/**
 * The feature dictionary: the one source of truth for what every column of the feature table
 * means, in French and English, with its theme, unit and recourse flags. Written to the
 * feature_dictionary table by the batch; a test keeps it and the SQL in step.
 */
import { applicationEntries } from './dictionary-application.ts';
import { historyEntries } from './dictionary-history.ts';
import type { FeatureEntry } from './dictionary-types.ts';

export type { FeatureEntry, Theme, Unit } from './dictionary-types.ts';
export { THEMES, UNITS } from './dictionary-types.ts';

export const FEATURE_DICTIONARY: readonly FeatureEntry[] = Object.freeze([
  ...applicationEntries(),
  ...historyEntries(),
]);

const byName = new Map(FEATURE_DICTIONARY.map((e) => [e.name, e]));

/** The entry of a feature, or undefined for an unknown name. */
export function dictionaryEntry(name: string): FeatureEntry | undefined {
  return byName.get(name);
}
