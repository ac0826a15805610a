import type { Language } from '../../i18n/language.tsx';

/**
 * The dictionary's themes (src/data/features/dictionary-types.ts THEMES, plus "other") in words.
 * The API names themes by key only; feature labels, by contrast, come from the API.
 */
const THEME_LABELS: Record<string, { fr: string; en: string }> = {
  'external scores': { fr: 'Scores externes', en: 'External scores' },
  'repayment history': { fr: 'Historique de remboursement', en: 'Repayment history' },
  'credit bureau': { fr: 'Bureau de crédit', en: 'Credit bureau' },
  'previous applications': { fr: 'Demandes précédentes', en: 'Previous applications' },
  'income and charges': { fr: 'Revenus et charges', en: 'Income and charges' },
  'requested loan': { fr: 'Crédit demandé', en: 'Requested loan' },
  profile: { fr: 'Profil', en: 'Profile' },
  employment: { fr: 'Emploi', en: 'Employment' },
  housing: { fr: 'Logement', en: 'Housing' },
  'documents and contact': { fr: 'Documents et contact', en: 'Documents and contact' },
  region: { fr: 'Région', en: 'Region' },
  other: { fr: 'Autres', en: 'Other' },
};

/** A theme's label; an unknown key (a theme added later) is shown as it is. */
export function themeLabel(theme: string, language: Language): string {
  return THEME_LABELS[theme]?.[language] ?? theme;
}
