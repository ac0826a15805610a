/**
 * The fields a what-if or a new application may give, and what each accepts: the one table behind
 * the validation of POST /api/score (its body's JSON schema, src/api/what-if/field-schemas.ts), the
 * explanation layer's checks (src/explain/what-if.ts) and docs/application-fields.md.
 *
 * Every column of application_test is here. A numeric field has inclusive bounds, is whole or not,
 * and DAYS_EMPLOYED also takes its "no employment" sentinel; a categorical takes a value of its set
 * (src/data/value-sets.ts). The bounds come from the feature dictionary's unit of the field (a flag
 * is 0 or 1, a normalised score lies in [0, 1], days lie within a lifetime before the application, a
 * count is whole and ≥ 0) unless the field has bounds of its own below, each with its source: the
 * dictionary, Kaggle's column descriptions (HomeCredit_columns_description.csv), the real data
 * (../shared/reference/home-credit-data.md and the 5,000-row real sample), or a plausibility bound
 * stated beside it. Missing is null, always accepted here (a new application's required fields are
 * checked apart).
 *
 * Numbers are JSON numbers: a text is refused in a numeric field, be it "1000", "0x10", "Infinity"
 * or "" (the API's body is JSON; a text would be a second, ambiguous way to write a number).
 */
import { DataError } from '../errors.ts';
import { APPLICATION_TEST_COLUMNS, DAYS_SENTINEL } from '../schema.ts';
import { APPLICATION_VALUE_SETS } from '../value-sets.ts';
import { dictionaryEntry } from './dictionary.ts';
import type { Unit } from './dictionary-types.ts';

/** A numeric field: a number within [min, max] (whole if `integer`), or `special`. */
export interface NumberField {
  readonly name: string;
  readonly kind: 'number';
  readonly integer: boolean;
  readonly min: number;
  readonly max: number;
  /** A value accepted outside [min, max], with what it means (DAYS_EMPLOYED's 365243). */
  readonly special: { readonly value: number; readonly meaning: string } | null;
  /** The feature dictionary's English label (null for the identifier, which is no feature). */
  readonly label: string | null;
}

/** A categorical field: one of its values, as the files spell them. */
export interface CategoryField {
  readonly name: string;
  readonly kind: 'category';
  readonly values: readonly string[];
}

export type ApplicationField = NumberField | CategoryField;

interface Bounds {
  readonly integer: boolean;
  readonly min: number;
  readonly max: number;
  readonly special?: NumberField['special'];
}

/** Days in a year, as the features count years (AGE_YEARS = -DAYS_BIRTH / 365.25). */
const YEAR = 365.25;
/** 100 years before the application: no event of an applicant's life is older. */
const CENTURY_DAYS = -100 * YEAR;

/** Bounds by the dictionary's unit, for the fields that have none of their own. */
const BY_UNIT: Partial<Record<Unit, Bounds>> = {
  // Kaggle describes every FLAG_ and REG_/LIVE_ field as 1 = yes (or different), 0 = no.
  flag: { integer: true, min: 0, max: 1 },
  // Normalised (Kaggle: "Normalized score from external data source", "Normalized information
  // about building where the client lives"); the real sample spans exactly [0, 1].
  score: { integer: false, min: 0, max: 1 },
  // Whole days before the application (Kaggle: "time only relative to the application"): none
  // after it, none more than a lifetime of 100 years before. The real sample's oldest is −23,722.
  days: { integer: true, min: CENTURY_DAYS, max: 0 },
  // The same for a date counted back from the application, and for the start of an age or a
  // seniority (the dictionary's units for DAYS_LAST_PHONE_CHANGE and DAYS_REGISTRATION, say).
  date: { integer: true, min: CENTURY_DAYS, max: 0 },
  elapsed: { integer: true, min: CENTURY_DAYS, max: 0 },
  // People or enquiries: whole and ≥ 0. The real sample's largest are 18 (social circle) and 13
  // (enquiries in a year); a thousand is beyond any person's circle or credit search.
  count: { integer: true, min: 0, max: 1000 },
};

/** Bounds of their own, where the unit says too little. */
const BY_FIELD: Readonly<Record<string, Bounds>> = {
  // The identifier a new application may carry: as the API's clientId (1 to 999,999,999).
  SK_ID_CURR: { integer: true, min: 1, max: 999_999_999 },
  // Amounts are ≥ 0 (0: no income, say). Ceilings: 10× the real data's largest income
  // (117,000,000, an outlier the files keep) and, for the loan, ≈25× the real sample's largest
  // credit (2,156,400) and goods price (1,800,000) and ≈50× its largest annuity (180,576).
  AMT_INCOME_TOTAL: { integer: false, min: 0, max: 1_000_000_000 },
  AMT_CREDIT: { integer: false, min: 0, max: 100_000_000 },
  AMT_ANNUITY: { integer: false, min: 0, max: 10_000_000 },
  AMT_GOODS_PRICE: { integer: false, min: 0, max: 100_000_000 },
  // Normalised (Kaggle's description); the real sample spans 0.0013 to 0.0725.
  REGION_POPULATION_RELATIVE: { integer: false, min: 0, max: 1 },
  // An applicant is 18 to 100 years old (a year of 365.25 days, rounded inward to whole days: the
  // dashboard's 18 and 100 years are exactly these bounds). The real sample: 21.8 to 68.9 years.
  DAYS_BIRTH: { integer: true, min: CENTURY_DAYS, max: -Math.ceil(18 * YEAR) },
  // As any day count, plus the files' 365243 for "no employment" (pensioners, unemployed).
  DAYS_EMPLOYED: {
    integer: true,
    min: CENTURY_DAYS,
    max: 0,
    special: { value: DAYS_SENTINEL, meaning: 'no employment' },
  },
  // Years (the real sample: 0 to 65); a car older than a century is a typo.
  OWN_CAR_AGE: { integer: false, min: 0, max: 100 },
  // The real sample's largest families: 5 children, 7 members; 20 children is beyond any record.
  // The applicant counts as a member.
  CNT_CHILDREN: { integer: true, min: 0, max: 20 },
  CNT_FAM_MEMBERS: { integer: true, min: 1, max: 25 },
  // Ratings 1, 2 or 3 (the dictionary's label "1 to 3"; Kaggle: "(1,2,3)").
  REGION_RATING_CLIENT: { integer: true, min: 1, max: 3 },
  REGION_RATING_CLIENT_W_CITY: { integer: true, min: 1, max: 3 },
  // An hour of the day.
  HOUR_APPR_PROCESS_START: { integer: true, min: 0, max: 23 },
};

function numberField(name: string): NumberField {
  const label = dictionaryEntry(name)?.label_en ?? null;
  const unit = dictionaryEntry(name)?.unit;
  const bounds = BY_FIELD[name] ?? (unit === undefined ? undefined : BY_UNIT[unit]);
  if (!bounds) {
    throw new Error(`application field ${name} (unit ${unit ?? 'none'}) has no range: add one`);
  }
  return { name, kind: 'number', label, special: null, ...bounds };
}

function categoryField(name: string): CategoryField {
  const values = APPLICATION_VALUE_SETS[name];
  if (!values) throw new Error(`application field ${name} has no value set`);
  return { name, kind: 'category', values: values.map(([v]) => v) };
}

/** Every field of an application, in the order of application_test.csv. */
export const APPLICATION_FIELDS: readonly ApplicationField[] = Object.freeze(
  APPLICATION_TEST_COLUMNS.map(({ name, kind }) =>
    Object.freeze(kind === 'cat' ? categoryField(name) : numberField(name)),
  ),
);

const BY_NAME = new Map(APPLICATION_FIELDS.map((f) => [f.name, f]));

/** The field of that name, or undefined for a name that is no application field. */
export function applicationField(name: string): ApplicationField | undefined {
  return BY_NAME.get(name);
}

const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });

/** What the field accepts, as words: "a number between 0 and 100,000,000", 'one of "F", "M"'. */
export function allowedOf(field: ApplicationField): string {
  if (field.kind === 'category') return `one of ${field.values.map(quoted).join(', ')}`;
  if (field.integer && field.min === 0 && field.max === 1) return '0 or 1';
  const what = field.integer ? 'a whole number' : 'a number';
  const range = `${what} between ${NUMBER_FORMAT.format(field.min)} and ${NUMBER_FORMAT.format(field.max)}`;
  const special = field.special;
  return special ? `${range}, or ${special.value} (${special.meaning})` : range;
}

const quoted = (text: string) => JSON.stringify(text);

/** A value as the caller wrote it, near enough: -1e308 (not -1e+308), "0x10", Infinity. */
export function shownValue(value: unknown): string {
  if (typeof value === 'number') {
    // JSON's 1e309 arrives as Infinity: say so rather than JSON's "null".
    if (!Number.isFinite(value)) return `${String(value)} (a number beyond ±1.8e308)`;
    return String(value).replace('e+', 'e');
  }
  if (typeof value === 'string') {
    return `${quoted(value.length > 40 ? `${value.slice(0, 40)}…` : value)} (a text)`;
  }
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 40)}…` : json;
}

/** Whether the field accepts the value (null, missing, always). */
export function accepts(field: ApplicationField, value: unknown): boolean {
  if (value === null) return true;
  if (field.kind === 'category') return typeof value === 'string' && field.values.includes(value);
  if (typeof value !== 'number') return false;
  if (value === field.special?.value) return true;
  return value >= field.min && value <= field.max && (!field.integer || Number.isInteger(value));
}

/** Why the field refuses the value ("must be …; got …"), or null when it accepts it. */
export function refusalOf(field: ApplicationField, value: unknown): string | null {
  if (accepts(field, value)) return null;
  return `must be ${allowedOf(field)}; got ${shownValue(value)}`;
}

/** Columns of the stored table that are no input: derived at ingestion, with what to pass. */
export const DERIVED_INPUTS: Readonly<Record<string, string>> = {
  DAYS_EMPLOYED_ANOM: 'DAYS_EMPLOYED (365243 = no employment)',
};

/**
 * Throws a DataError naming the field unless `name` is an application field that accepts
 * `value`: UNKNOWN_FIELD, DERIVED_FIELD, BAD_FIELD (a value of the wrong type: a text for a
 * number…), OUT_OF_RANGE (a number outside the field's range) or UNKNOWN_CATEGORY.
 */
export function checkApplicationField(name: string, value: unknown): void {
  const field = applicationField(name);
  if (!field) {
    const source = DERIVED_INPUTS[name];
    if (source) throw new DataError('DERIVED_FIELD', { column: name, source });
    throw new DataError('UNKNOWN_FIELD', { column: name });
  }
  if (accepts(field, value)) return;
  const where = { column: name, value: String(value), shown: shownValue(value) };
  if (field.kind === 'category' && typeof value === 'string') {
    throw new DataError('UNKNOWN_CATEGORY', {
      ...where,
      shown: quoted(value),
      allowed: field.values.map(quoted).join(', '),
    });
  }
  if (typeof value !== 'number' || field.kind === 'category') {
    throw new DataError('BAD_FIELD', { ...where, expected: allowedOf(field) });
  }
  throw new DataError('OUT_OF_RANGE', { ...where, allowed: allowedOf(field) });
}
