/**
 * The application fields a person types, in one table for both forms that send an application to
 * POST /api/score: the what-if (a client's file with some fields changed) and the new application
 * (an applicant not in the data). Each field has its label in French and English (the feature
 * dictionary's wording, src/data/features/dictionary-application.ts; fields.test.ts keeps them
 * equal), its kind (which says how it is typed and sent) and whether a new application requires it.
 * Protected fields (gender, family status) and the history are never offered.
 */
import type { Language } from '../../i18n/language.tsx';

/**
 * How a field is typed and sent:
 * - `amount`: a sum of money, decimals allowed, sent as typed;
 * - `count`: a whole number of people, sent as typed;
 * - `years`: typed in years, sent in the data's unit, days before the application (negative);
 * - `category`: one of the data's raw values (client/compare/category-labels.ts words them).
 */
export type FieldKind = 'amount' | 'count' | 'years' | 'category';

export interface FormField {
  /** The application column (the name the API takes). */
  name: string;
  kind: FieldKind;
  label: { fr: string; en: string };
  /** A new application is refused without it (src/explain/what-if.ts NEW_APPLICATION_REQUIRED). */
  required: boolean;
}

/** Every field, in the order a new application asks them: the required ones first. */
export const APPLICATION_FIELDS: readonly FormField[] = [
  field('NAME_CONTRACT_TYPE', 'category', 'Type de contrat', 'Contract type', true),
  field('AMT_INCOME_TOTAL', 'amount', 'Revenu annuel', 'Annual income', true),
  field('AMT_CREDIT', 'amount', 'Montant du crédit demandé', 'Requested credit amount', true),
  field('DAYS_BIRTH', 'years', 'Âge (années)', 'Age (years)', true),
  field('AMT_ANNUITY', 'amount', 'Mensualité du crédit', 'Loan instalment (annuity)'),
  field('AMT_GOODS_PRICE', 'amount', 'Prix du bien financé', 'Price of the goods financed'),
  field('CNT_CHILDREN', 'count', "Nombre d'enfants", 'Number of children'),
  field(
    'CNT_FAM_MEMBERS',
    'count',
    'Nombre de personnes dans la famille',
    'Number of family members',
  ),
  field('NAME_INCOME_TYPE', 'category', 'Type de revenu', 'Income type'),
  field('DAYS_EMPLOYED', 'years', "Ancienneté dans l'emploi (années)", 'Years in current job'),
  field('NAME_EDUCATION_TYPE', 'category', "Niveau d'études", 'Education'),
  field('FLAG_OWN_CAR', 'category', 'Possède une voiture', 'Owns a car'),
  field('FLAG_OWN_REALTY', 'category', 'Possède un logement', 'Owns a home'),
  field('NAME_HOUSING_TYPE', 'category', 'Type de logement', 'Housing type'),
];

function field(name: string, kind: FieldKind, fr: string, en: string, required = false) {
  return { name, kind, label: { fr, en }, required };
}

/** The fields of a new application: all of them. */
export const NEW_APPLICATION_FIELDS: readonly FormField[] = APPLICATION_FIELDS;

/**
 * The fields a simulation changes, in the order the what-if shows them: the loan first, then the
 * situation. Age and time in the job are the client's, not something to simulate.
 */
export const WHATIF_FIELDS: readonly FormField[] = fieldsNamed([
  'AMT_CREDIT',
  'AMT_ANNUITY',
  'AMT_GOODS_PRICE',
  'AMT_INCOME_TOTAL',
  'NAME_CONTRACT_TYPE',
  'CNT_CHILDREN',
  'CNT_FAM_MEMBERS',
  'NAME_INCOME_TYPE',
  'NAME_EDUCATION_TYPE',
  'FLAG_OWN_CAR',
  'FLAG_OWN_REALTY',
  'NAME_HOUSING_TYPE',
]);

function fieldsNamed(names: readonly string[]): readonly FormField[] {
  return names.map((name) => {
    const found = APPLICATION_FIELDS.find((f) => f.name === name);
    if (!found) throw new Error(`no application field ${name}`);
    return found;
  });
}

/**
 * The loan's term in months (credit / annuity), typed beside the annuity: not a field the API
 * takes, but the dictionary's CREDIT_TERM_MONTHS, worded as it is.
 */
export const TERM_LABEL = {
  fr: 'Durée du crédit (nombre de mensualités)',
  en: 'Loan term (number of instalments)',
} as const;

/** A field's label in the language. */
export function fieldLabel(field: FormField, language: Language): string {
  return field.label[language];
}
