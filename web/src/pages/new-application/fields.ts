/**
 * The form of a new application and how it becomes the `application` of POST /api/score. The
 * loan and situation fields are the what-if's (same kinds, same parsing); age and employment
 * length are typed in years and sent in the data's unit, days before the application (negative).
 * Protected fields (gender, family status) are not offered.
 */
import { type FieldKind, parseTypedNumber, WHATIF_FIELDS } from '../../client/whatif/fields.ts';

export interface NewField {
  name: string;
  kind: FieldKind | 'years';
  required: boolean;
}

/** The API refuses an application without these (src/api/explanation/routes.ts). */
const REQUIRED = ['NAME_CONTRACT_TYPE', 'AMT_INCOME_TOTAL', 'AMT_CREDIT', 'DAYS_BIRTH'];

/** Required fields first, then the useful optional ones, in the order an adviser asks them. */
const ORDER = [
  ...REQUIRED,
  'AMT_ANNUITY',
  'AMT_GOODS_PRICE',
  'CNT_CHILDREN',
  'CNT_FAM_MEMBERS',
  'NAME_INCOME_TYPE',
  'DAYS_EMPLOYED',
  'NAME_EDUCATION_TYPE',
  'FLAG_OWN_CAR',
  'FLAG_OWN_REALTY',
  'NAME_HOUSING_TYPE',
];

const KINDS = new Map<string, NewField['kind']>([
  ...WHATIF_FIELDS.map((f) => [f.name, f.kind] as const),
  ['DAYS_BIRTH', 'years'],
  ['DAYS_EMPLOYED', 'years'],
]);

export const NEW_FIELDS: readonly NewField[] = ORDER.map((name) => {
  const kind = KINDS.get(name);
  if (!kind) throw new Error(`no kind for ${name}`);
  return { name, kind, required: REQUIRED.includes(name) };
});

/** Years as the data counts them: days before the application, negative. */
export function daysBefore(years: number): number {
  // −0 would read oddly in the audit trail; 0 years is 0 days.
  return years === 0 ? 0 : -Math.round(years * 365.25);
}

export interface ApplicationDraft {
  /** The filled fields, as the API takes them (empty fields are left out: NULL). */
  application: Record<string, string | number>;
  /** Required fields left empty. */
  missing: string[];
  /** Fields whose text is not a number. */
  invalid: string[];
}

/** The typed form (field → text) as an application, with what keeps it from being sent. */
export function applicationOf(form: Record<string, string>): ApplicationDraft {
  const application: Record<string, string | number> = {};
  const missing: string[] = [];
  const invalid: string[] = [];
  for (const field of NEW_FIELDS) {
    const text = (form[field.name] ?? '').trim();
    if (text === '') {
      if (field.required) missing.push(field.name);
      continue;
    }
    if (field.kind === 'category') {
      application[field.name] = text;
      continue;
    }
    const value = parseTypedNumber(text);
    if (value === null || Number.isNaN(value)) {
      invalid.push(field.name);
      continue;
    }
    application[field.name] = field.kind === 'years' ? daysBefore(value) : value;
  }
  return { application, missing, invalid };
}
