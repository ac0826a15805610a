/**
 * From what a person types to the values the API takes, and back: the one parsing of numbers
 * (French and English typing), the conversion of years to days before the application, and the
 * form prefilled from a client's file. A form holds text as typed: field name → text.
 */
import type { ClientFile } from '../../api/types.ts';
import { type FormField, WHATIF_FIELDS } from './fields.ts';

/** Field name → the text in its input ('' for an empty field). */
export type FormValues = Record<string, string>;

/** Days in a year, as the feature SQL counts age and employment (`-DAYS_BIRTH / 365.25`). */
const DAYS_PER_YEAR = 365.25;

/**
 * A typed number: spaces (as French thousands separators) dropped, a decimal comma accepted;
 * '' is null (the field left empty), anything else not a number is NaN.
 */
export function parseTypedNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (compact === '') return null;
  return /^-?\d*\.?\d+$|^-?\d+\.$/.test(compact) ? Number(compact) : Number.NaN;
}

/**
 * Years as the data counts them: days before the application, negative. Rounded up, so the whole
 * years the features count back (⌊days / 365.25⌋) are the years typed: 29 years is 10,593 days
 * (29.002 years), not 10,592 (28.998, which the client list would show as 28).
 */
export function daysBefore(years: number): number {
  // −0 would read oddly in the audit trail; 0 years is 0 days.
  return years === 0 ? 0 : -Math.ceil(years * DAYS_PER_YEAR);
}

/** Days before the application as years, to one decimal (the inverse of daysBefore, rounded). */
export function yearsBefore(days: number): number {
  const years = Math.round((-days / DAYS_PER_YEAR) * 10) / 10;
  return years === 0 ? 0 : years;
}

/** A field's text as the API takes it: null when empty, NaN when not a number. */
export function apiValue(field: FormField, text: string): string | number | null {
  const trimmed = text.trim();
  if (field.kind === 'category') return trimmed === '' ? null : trimmed;
  const value = parseTypedNumber(trimmed);
  if (value === null || Number.isNaN(value)) return value;
  return field.kind === 'years' ? daysBefore(value) : value;
}

/** Y/N flags the feature table may hold as 1/0. */
const YES_NO = new Set(['FLAG_OWN_CAR', 'FLAG_OWN_REALTY']);

/** The form prefilled from the client's file (a field the file lacks starts empty). */
export function formFromFile(
  file: ClientFile,
  fields: readonly FormField[] = WHATIF_FIELDS,
): FormValues {
  const byName = new Map(file.sections.flatMap((s) => s.values.map((v) => [v.name, v] as const)));
  const form: FormValues = {};
  for (const field of fields) {
    const v = byName.get(field.name);
    if (!v) form[field.name] = '';
    else if (v.category !== undefined && v.category !== null) form[field.name] = v.category;
    else if (v.value === null) form[field.name] = '';
    else if (YES_NO.has(field.name)) form[field.name] = v.value >= 0.5 ? 'Y' : 'N';
    else if (field.kind === 'years') form[field.name] = String(yearsBefore(v.value));
    else form[field.name] = String(v.value);
  }
  return form;
}
