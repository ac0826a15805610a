/**
 * French and English wording of the raw category values the dashboard offers in selects (the API
 * takes and returns the raw values of the Home Credit data): the API's own wording
 * (src/explain/category-labels.ts) of the columns the forms offer, copied so the bundle does not carry
 * the whole table; category-labels.test.ts keeps the two equal, value for value.
 */
import type { Language } from '../../i18n/language.tsx';

type Labels = Readonly<Record<string, readonly [fr: string, en: string]>>;

export const CATEGORY_LABELS: Readonly<Record<string, Labels>> = {
  NAME_CONTRACT_TYPE: {
    'Cash loans': ['Prêt personnel', 'Cash loan'],
    'Revolving loans': ['Crédit renouvelable', 'Revolving loan'],
  },
  CODE_GENDER: {
    F: ['Femme', 'Female'],
    M: ['Homme', 'Male'],
    XNA: ['Non renseigné', 'Unknown'],
  },
  FLAG_OWN_CAR: {
    N: ['Non', 'No'],
    Y: ['Oui', 'Yes'],
  },
  FLAG_OWN_REALTY: {
    Y: ['Oui', 'Yes'],
    N: ['Non', 'No'],
  },
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
    'Secondary / secondary special': ['Secondaire', 'Secondary'],
    'Higher education': ['Supérieur', 'Higher education'],
    'Incomplete higher': ['Supérieur inachevé', 'Incomplete higher education'],
    'Lower secondary': ['Secondaire inférieur', 'Lower secondary'],
    'Academic degree': ['Doctorat', 'Academic degree'],
  },
  NAME_HOUSING_TYPE: {
    'House / apartment': ['Maison ou appartement', 'House or apartment'],
    'With parents': ['Chez les parents', 'With parents'],
    'Municipal apartment': ['Logement municipal', 'Municipal apartment'],
    'Rented apartment': ['Location', 'Rented apartment'],
    'Office apartment': ['Logement de fonction', 'Company apartment'],
    'Co-op apartment': ['Logement coopératif', 'Co-op apartment'],
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
