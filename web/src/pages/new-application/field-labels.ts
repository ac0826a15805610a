/**
 * Labels of the new-application form: the feature dictionary's wording
 * (src/data/features/dictionary-application.ts), except age and employment, typed here in years.
 * There is no client file to read them from, and the bundle should not carry the dictionary.
 */
export const FIELD_LABELS: Readonly<Record<string, readonly [fr: string, en: string]>> = {
  NAME_CONTRACT_TYPE: ['Type de contrat', 'Contract type'],
  AMT_INCOME_TOTAL: ['Revenu annuel', 'Annual income'],
  AMT_CREDIT: ['Montant du crédit demandé', 'Requested credit amount'],
  DAYS_BIRTH: ['Âge (années)', 'Age (years)'],
  AMT_ANNUITY: ['Mensualité du crédit', 'Loan instalment (annuity)'],
  AMT_GOODS_PRICE: ['Prix du bien financé', 'Price of the goods financed'],
  CNT_CHILDREN: ["Nombre d'enfants", 'Number of children'],
  CNT_FAM_MEMBERS: ['Nombre de personnes dans la famille', 'Number of family members'],
  NAME_INCOME_TYPE: ['Type de revenu', 'Income type'],
  DAYS_EMPLOYED: ["Ancienneté dans l'emploi (années)", 'Years in current job'],
  NAME_EDUCATION_TYPE: ["Niveau d'études", 'Education'],
  FLAG_OWN_CAR: ['Possède une voiture', 'Owns a car'],
  FLAG_OWN_REALTY: ['Possède un logement', 'Owns a home'],
  NAME_HOUSING_TYPE: ['Type de logement', 'Housing type'],
};
