/**
 * The features a person can compare on: the numeric values of the client's file (each with the
 * dictionary's labels and unit), grouped by the file's sections; categoricals have no histogram.
 */
import type { ClientFile, Explanation, FileValue } from '../../api/types.ts';
import { labelForValue, type ValueUnit } from '../../format/index.ts';
import type { Language } from '../../i18n/language.tsx';

export interface FeatureOption {
  name: string;
  label: string;
  unit: ValueUnit | null;
  /** The client's value (null when missing). */
  value: number | null;
}

export interface FeatureOptionGroup {
  key: string;
  label: string;
  options: FeatureOption[];
}

const isNumeric = (v: FileValue) => v.unit !== null;

export function featureOptions(file: ClientFile, language: Language): FeatureOptionGroup[] {
  return file.sections
    .map((section) => ({
      key: section.key,
      label: language === 'fr' ? section.label_fr : section.label_en,
      options: section.values.filter(isNumeric).map((v) => ({
        name: v.name,
        // Values in days read "il y a 3 ans": the "(jours)" of the label would be noise.
        label: labelForValue(language === 'fr' ? v.label_fr : v.label_en, v.unit),
        unit: v.unit,
        value: v.value,
      })),
    }))
    .filter((g) => g.options.length > 0);
}

/** Options by feature name. */
export function optionIndex(groups: readonly FeatureOptionGroup[]): Map<string, FeatureOption> {
  const index = new Map<string, FeatureOption>();
  for (const g of groups) for (const o of g.options) index.set(o.name, o);
  return index;
}

/**
 * The features of the client's reasons, strongest first (adverse before favourable), that can be
 * compared (numeric, in the file): what the adviser is most likely to want to show.
 */
export function reasonFeatures(
  explanation: Explanation | null,
  available: ReadonlyMap<string, FeatureOption>,
): string[] {
  if (!explanation) return [];
  const names: string[] = [];
  for (const reason of [...explanation.reasons.adverse, ...explanation.reasons.favourable]) {
    for (const feature of [reason.key, ...reason.features]) {
      if (available.has(feature) && !names.includes(feature)) {
        names.push(feature);
        break;
      }
    }
  }
  return names;
}
