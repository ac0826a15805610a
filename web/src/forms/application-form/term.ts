/**
 * The loan's term, typed beside the annuity: months as the data defines them (credit / annuity).
 * A typed term asks for the annuity that gives it for the same credit; typing the credit or the
 * annuity makes the term follow them again.
 */
import { type FormValues, parseTypedNumber } from './values.ts';

/** Months of the loan (credit / annuity); null when not computable. */
export function termOf(form: FormValues): number | null {
  const credit = parseTypedNumber(form.AMT_CREDIT ?? '');
  const annuity = parseTypedNumber(form.AMT_ANNUITY ?? '');
  if (credit === null || annuity === null || !(credit > 0) || !(annuity > 0)) return null;
  return credit / annuity;
}

/**
 * The term a what-if form shows: its own credit / annuity once the annuity is typed; while only
 * the amount changes, the file's term, which the API's loan rule keeps (it recomputes the annuity
 * for the same term: src/explain/loan-terms.ts).
 */
export function shownTerm(file: FormValues, form: FormValues): number | null {
  return form.AMT_ANNUITY === file.AMT_ANNUITY ? termOf(file) : termOf(form);
}

/** The annuity that gives the same credit over `months`, rounded to a cent. */
export function annuityForTerm(form: FormValues, months: number): string | null {
  const credit = parseTypedNumber(form.AMT_CREDIT ?? '');
  if (credit === null || !(credit > 0) || !(months > 0)) return null;
  return String(Math.round((credit / months) * 100) / 100);
}

/** The annuity for a term as typed ("36", "16,5"); null when the text or the credit gives none. */
export function annuityForTypedTerm(form: FormValues, text: string): string | null {
  const months = parseTypedNumber(text);
  return months === null || Number.isNaN(months) ? null : annuityForTerm(form, months);
}

/** True for the fields the term is computed from: typing one drops a typed term. */
export function movesTerm(name: string): boolean {
  return name === 'AMT_CREDIT' || name === 'AMT_ANNUITY';
}
