/**
 * French and English wording of the raw category values the dashboard offers in selects (the API
 * takes and returns the raw values of the Home Credit data). Mirrors src/explain/category-labels.ts,
 * which words the same values in the reasons' sentences.
 */
import type { Language } from '../../i18n/language.tsx';

type Labels = Readonly<Record<string, readonly [fr: string, en: string]>>;

export const CATEGORY_LABELS: Readonly<Record<string, Labels>> = {
  NAME_CONTRACT_TYPE: {
    'Cash loans': ['Prêt personnel', 'Cash loan'],
    'Revolving loans': ['Crédit renouvelable', 'Revolving loan'],
  },
  CODE_GENDER: { F: ['Femme', 'Female'], M: ['Homme', 'Male'] },
  FLAG_OWN_CAR: { Y: ['Oui', 'Yes'], N: ['Non', 'No'] },
  FLAG_OWN_REALTY: { Y: ['Oui', 'Yes'], N: ['Non', 'No'] },
  NAME_INCOME_TYPE: {
    Working: ['Salarié', 'Employee'],
    'Commercial associate': ['Commercial ou associé', 'Commercial associate'],
    Pensioner: ['Retraité', 'Pensioner'],
    'State servant': ['Fonctionnaire', 'Civil servant'],
    Unemployed: ['Sans emploi', 'Unemployed'],
    Student: ['Étudiant', 'Student'],
    Businessman: ["Chef d'entreprise", 'Business owner'],
    'Maternity leave': ['Congé maternité', 'Maternity leave'],
  },
  NAME_EDUCATION_TYPE: {
    'Lower secondary': ['Secondaire inférieur', 'Lower secondary'],
    'Secondary / secondary special': ['Secondaire', 'Secondary'],
    'Incomplete higher': ['Supérieur inachevé', 'Incomplete higher education'],
    'Higher education': ['Supérieur', 'Higher education'],
    'Academic degree': ['Diplôme universitaire avancé', 'Academic degree'],
  },
  NAME_HOUSING_TYPE: {
    'House / apartment': ['Maison / appartement', 'House or apartment'],
    'With parents': ['Chez les parents', 'With parents'],
    'Municipal apartment': ['Logement social', 'Municipal apartment'],
    'Rented apartment': ['Location', 'Rented apartment'],
    'Office apartment': ['Logement de fonction', 'Office apartment'],
    'Co-op apartment': ['Coopérative', 'Co-op apartment'],
  },
};

/** The field's values and their wording in the language, in a stable order. */
export function categoryChoices(
  field: string,
  language: Language,
): [value: string, label: string][] {
  const labels = CATEGORY_LABELS[field] ?? {};
  return Object.entries(labels).map(([value, [fr, en]]) => [value, language === 'fr' ? fr : en]);
}
