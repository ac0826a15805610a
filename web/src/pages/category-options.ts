/**
 * The values the search filters offer, as the API stores them (its query enums come from
 * src/data/value-sets.ts), with their French and English wording (src/explain/category-labels.ts).
 * category-options.test.ts keeps the three in step.
 */
type Options = Readonly<Record<string, { fr: string; en: string }>>;

export const CONTRACT_TYPE_LABELS: Options = {
  'Cash loans': { fr: 'Prêt personnel', en: 'Cash loan' },
  'Revolving loans': { fr: 'Crédit renouvelable', en: 'Revolving loan' },
};

export const GENDER_LABELS: Options = {
  F: { fr: 'Femme', en: 'Female' },
  M: { fr: 'Homme', en: 'Male' },
  XNA: { fr: 'Non renseigné', en: 'Unknown' },
};

export const INCOME_TYPE_LABELS: Options = {
  Working: { fr: 'Salarié', en: 'Employee' },
  'Commercial associate': { fr: 'Commercial ou associé', en: 'Commercial associate' },
  Pensioner: { fr: 'Retraité', en: 'Pensioner' },
  'State servant': { fr: 'Fonctionnaire', en: 'Civil servant' },
  Unemployed: { fr: 'Sans emploi', en: 'Unemployed' },
  Student: { fr: 'Étudiant', en: 'Student' },
  Businessman: { fr: "Chef d'entreprise", en: 'Business owner' },
  'Maternity leave': { fr: 'Congé maternité', en: 'Maternity leave' },
};

export const CONTRACT_TYPES = Object.keys(CONTRACT_TYPE_LABELS);
export const GENDERS = Object.keys(GENDER_LABELS);
export const INCOME_TYPES = Object.keys(INCOME_TYPE_LABELS);

/** The wording of a stored value; the value itself when it has none. */
export function optionLabel(labels: Options, value: string | null, language: 'fr' | 'en'): string {
  if (value === null) return '—';
  return labels[value]?.[language] ?? value;
}
