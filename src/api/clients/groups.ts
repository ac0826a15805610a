/**
 * How a client's file is shown: the feature dictionary's themes gathered into the sections an
 * adviser reads (profile, employment and income, requested loan, housing, credit bureau history,
 * previous applications, payment behaviour, plus external scores and other information), and the
 * raw categorical fields of the application with their labels.
 */

import { ONE_HOT_COLUMNS } from '../../data/features/encodings.ts';
import { FEATURE_DICTIONARY, type FeatureEntry, type Theme } from '../../data/features/index.ts';
import { APPLICATION_VALUE_SETS } from '../../data/value-sets.ts';

export interface ClientSection {
  key: string;
  label_fr: string;
  label_en: string;
  themes: readonly Theme[];
}

/** Every theme belongs to exactly one section (a test checks it). */
export const CLIENT_SECTIONS: readonly ClientSection[] = [
  { key: 'profile', label_fr: 'Profil', label_en: 'Profile', themes: ['profile'] },
  {
    key: 'employmentIncome',
    label_fr: 'Emploi et revenus',
    label_en: 'Employment and income',
    themes: ['employment', 'income and charges'],
  },
  {
    key: 'requestedLoan',
    label_fr: 'Crédit demandé',
    label_en: 'Requested loan',
    themes: ['requested loan'],
  },
  { key: 'housing', label_fr: 'Logement', label_en: 'Housing', themes: ['housing'] },
  {
    key: 'creditBureau',
    label_fr: 'Historique au bureau de crédit',
    label_en: 'Credit bureau history',
    themes: ['credit bureau'],
  },
  {
    key: 'previousApplications',
    label_fr: 'Demandes précédentes',
    label_en: 'Previous applications',
    themes: ['previous applications'],
  },
  {
    key: 'paymentBehaviour',
    label_fr: 'Comportement de paiement',
    label_en: 'Payment behaviour',
    themes: ['repayment history'],
  },
  {
    key: 'externalScores',
    label_fr: 'Scores externes',
    label_en: 'External scores',
    themes: ['external scores'],
  },
  {
    key: 'other',
    label_fr: 'Autres informations',
    label_en: 'Other information',
    themes: ['documents and contact', 'region'],
  },
];

/** A raw categorical field of the application, shown as its category rather than as one-hots. */
export interface CategoricalField {
  name: string;
  label_fr: string;
  label_en: string;
  theme: Theme;
}

/** Labels of the raw categoricals, taken from their one-hot entries ("Type de revenu : « Working »"). */
function categoricalFields(): CategoricalField[] {
  const entries = new Map(FEATURE_DICTIONARY.map((e) => [e.name, e]));
  const fields: CategoricalField[] = [];
  for (const column of Object.keys(APPLICATION_VALUE_SETS)) {
    const oneHot = ONE_HOT_COLUMNS.find((c) => c.column === column);
    const entry = oneHot ? entries.get(oneHot.name) : undefined;
    if (entry) {
      fields.push({
        name: column,
        label_fr: entry.label_fr.split(' : « ')[0] ?? column,
        label_en: entry.label_en.split(': "')[0] ?? column,
        theme: entry.theme,
      });
    } else if (column === 'ORGANIZATION_TYPE') {
      // Rank-encoded rather than one-hot: no entry to borrow the label from.
      fields.push({
        name: column,
        label_fr: "Secteur de l'employeur",
        label_en: "Employer's sector",
        theme: 'employment',
      });
    }
  }
  return fields;
}

export const CATEGORICAL_FIELDS: readonly CategoricalField[] = Object.freeze(categoricalFields());

/**
 * Numeric features shown in the file: every dictionary entry except the one-hot indicators, which
 * the raw category already says.
 */
export const SHOWN_FEATURES: readonly FeatureEntry[] = Object.freeze(
  FEATURE_DICTIONARY.filter((e) => !e.name.includes('__')),
);

const sectionOfTheme = new Map<Theme, string>(
  CLIENT_SECTIONS.flatMap((s) => s.themes.map((t) => [t, s.key] as const)),
);

export function sectionOf(theme: Theme): string {
  return sectionOfTheme.get(theme) ?? 'other';
}
