/**
 * The application fields an adviser may change in a simulation, how the form holds them (text, as
 * typed) and how the typed form becomes the `changes` of POST /api/score. Sensitive fields (gender,
 * family status) and the history are left out: a simulation is about the loan and the situation.
 */
import type { ClientFile } from '../compare/compare-types.ts';

export type FieldKind = 'amount' | 'count' | 'category';

export interface WhatIfField {
  name: string;
  kind: FieldKind;
}

export const WHATIF_FIELDS: readonly WhatIfField[] = [
  { name: 'AMT_CREDIT', kind: 'amount' },
  { name: 'AMT_ANNUITY', kind: 'amount' },
  { name: 'AMT_GOODS_PRICE', kind: 'amount' },
  { name: 'AMT_INCOME_TOTAL', kind: 'amount' },
  { name: 'NAME_CONTRACT_TYPE', kind: 'category' },
  { name: 'CNT_CHILDREN', kind: 'count' },
  { name: 'CNT_FAM_MEMBERS', kind: 'count' },
  { name: 'NAME_INCOME_TYPE', kind: 'category' },
  { name: 'NAME_EDUCATION_TYPE', kind: 'category' },
  { name: 'FLAG_OWN_CAR', kind: 'category' },
  { name: 'FLAG_OWN_REALTY', kind: 'category' },
  { name: 'NAME_HOUSING_TYPE', kind: 'category' },
];

/** Field name → the text in its input. */
export type FormValues = Record<string, string>;

/** Y/N flags the feature table may hold as 1/0. */
const YES_NO = new Set(['FLAG_OWN_CAR', 'FLAG_OWN_REALTY']);

/** The form prefilled from the client's file (a field the file lacks starts empty). */
export function formFromFile(file: ClientFile): FormValues {
  const byName = new Map(file.sections.flatMap((s) => s.values.map((v) => [v.name, v] as const)));
  const form: FormValues = {};
  for (const field of WHATIF_FIELDS) {
    const v = byName.get(field.name);
    if (!v) form[field.name] = '';
    else if (v.category !== undefined && v.category !== null) form[field.name] = v.category;
    else if (v.value === null) form[field.name] = '';
    else if (YES_NO.has(field.name)) form[field.name] = v.value >= 0.5 ? 'Y' : 'N';
    else form[field.name] = String(v.value);
  }
  return form;
}

/**
 * A typed number: spaces (as French thousands separators) dropped, a decimal comma accepted;
 * '' is null (the field left empty), anything else not a number is NaN.
 */
export function parseTypedNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (compact === '') return null;
  return /^-?\d*\.?\d+$|^-?\d+\.$/.test(compact) ? Number(compact) : Number.NaN;
}

export interface Changes {
  /** The fields that differ from the file, as the API takes them. */
  changes: Record<string, string | number | null>;
  /** Fields whose text is not a number (not sent; shown beside the input). */
  invalid: string[];
}

export function changesOf(base: FormValues, form: FormValues): Changes {
  const changes: Record<string, string | number | null> = {};
  const invalid: string[] = [];
  for (const field of WHATIF_FIELDS) {
    const now = form[field.name] ?? '';
    const before = base[field.name] ?? '';
    if (field.kind === 'category') {
      if (now !== before) changes[field.name] = now === '' ? null : now;
      continue;
    }
    const value = parseTypedNumber(now);
    if (value !== null && Number.isNaN(value)) {
      invalid.push(field.name);
      continue;
    }
    if (value !== parseTypedNumber(before)) changes[field.name] = value;
  }
  return { changes, invalid };
}

/** Months of the loan as the data defines them (credit / annuity); null when not computable. */
export function termOf(form: FormValues): number | null {
  const credit = parseTypedNumber(form.AMT_CREDIT ?? '');
  const annuity = parseTypedNumber(form.AMT_ANNUITY ?? '');
  if (credit === null || annuity === null || !(credit > 0) || !(annuity > 0)) return null;
  return credit / annuity;
}

/** The annuity that gives the same credit over `months`, rounded to a cent. */
export function annuityForTerm(form: FormValues, months: number): string | null {
  const credit = parseTypedNumber(form.AMT_CREDIT ?? '');
  if (credit === null || !(credit > 0) || !(months > 0)) return null;
  return String(Math.round((credit / months) * 100) / 100);
}
