/**
 * Explanation units: one per plain feature, and one per categorical whose one-hot columns
 * (NAME_INCOME_TYPE__WORKING, …, named by src/data/features/encodings.ts) are summed, so an
 * applicant reads "Type de revenu : Salarié" once instead of eight yes/no columns.
 */
import { dictionaryEntry, type Theme, type Unit } from '../data/features/dictionary.ts';
import { ONE_HOT_COLUMNS } from '../data/features/encodings.ts';
import { reasonCodeOf } from '../data/features/reason-codes.ts';

export interface FeatureGroup {
  /** The feature name, or the raw categorical column (e.g. NAME_INCOME_TYPE). */
  readonly key: string;
  /** Indices of the member features in the model's feature list. */
  readonly members: Int32Array;
  /** Member feature names, same order. */
  readonly features: readonly string[];
  /** For a categorical: the category value of each member, same order. */
  readonly categories: readonly string[] | null;
  readonly labelFr: string;
  readonly labelEn: string;
  /** The reason code of its features (src/data/features/reason-codes.ts; R-OTHER outside it). */
  readonly code: string;
  readonly theme: Theme | 'other';
  readonly unit: Unit | 'category';
  readonly actionable: boolean;
  readonly immutable: boolean;
  readonly sensitive: boolean;
}

const ONE_HOT = new Map(ONE_HOT_COLUMNS.map((c) => [c.name, c]));

/** "Type de revenu : « Working »" → "Type de revenu": the categorical's own label. */
function categoricalLabel(label: string, separator: string): string {
  const at = label.indexOf(separator);
  return at < 0 ? label : label.slice(0, at);
}

/**
 * Groups the model's features into explanation units, in order of first appearance. Features
 * absent from the dictionary keep their name as label and the theme "other".
 */
export function featureGroups(featureNames: readonly string[]): FeatureGroup[] {
  const groups: FeatureGroup[] = [];
  const categorical = new Map<
    string,
    { indices: number[]; features: string[]; values: string[] }
  >();
  featureNames.forEach((name, index) => {
    const oneHot = ONE_HOT.get(name);
    if (oneHot) {
      let group = categorical.get(oneHot.column);
      if (!group) {
        group = { indices: [], features: [], values: [] };
        categorical.set(oneHot.column, group);
        groups.push(placeholder(oneHot.column));
      }
      group.indices.push(index);
      group.features.push(name);
      group.values.push(oneHot.value);
      return;
    }
    const entry = dictionaryEntry(name);
    groups.push({
      key: name,
      members: Int32Array.of(index),
      features: [name],
      categories: null,
      labelFr: entry?.label_fr ?? name,
      labelEn: entry?.label_en ?? name,
      code: reasonCodeOf(name).code,
      theme: entry?.theme ?? 'other',
      unit: entry?.unit ?? 'count',
      actionable: entry?.actionable ?? false,
      immutable: entry?.immutable ?? false,
      sensitive: entry?.sensitive ?? false,
    });
  });
  // Fill the categorical placeholders now that all their columns are known.
  return groups.map((g) => {
    const members = categorical.get(g.key);
    if (g.categories === null || !members) return g;
    const first = dictionaryEntry(members.features[0] as string);
    return {
      ...g,
      members: Int32Array.from(members.indices),
      features: members.features,
      categories: members.values,
      labelFr: categoricalLabel(first?.label_fr ?? g.key, ' : '),
      labelEn: categoricalLabel(first?.label_en ?? g.key, ': '),
      code: reasonCodeOf(members.features[0] as string).code,
      theme: first?.theme ?? 'other',
      actionable: first?.actionable ?? false,
      immutable: first?.immutable ?? false,
      sensitive: first?.sensitive ?? false,
    };
  });
}

function placeholder(column: string): FeatureGroup {
  return {
    key: column,
    members: new Int32Array(0),
    features: [],
    categories: [],
    labelFr: column,
    labelEn: column,
    code: reasonCodeOf(column).code,
    theme: 'other',
    unit: 'category',
    actionable: false,
    immutable: false,
    sensitive: false,
  };
}

/**
 * The category a row holds for a categorical group: the value of its member column equal to 1,
 * or null when none is (missing or unknown category, as the encoding gives all zeros).
 */
export function categoryOf(group: FeatureGroup, row: ArrayLike<number>): string | null {
  if (group.categories === null) return null;
  for (let m = 0; m < group.members.length; m++) {
    if (row[group.members[m] as number] === 1) return group.categories[m] as string;
  }
  return null;
}
