/**
 * The typed form as the body of POST /api/score, with what keeps it from being sent: a what-if's
 * `changes` (the fields that differ from the client's file) or a new application's `application`
 * (the filled fields). Both go through the one parsing of values.ts.
 */
import { type FormField, NEW_APPLICATION_FIELDS, WHATIF_FIELDS } from './fields.ts';
import { apiValue, type FormValues } from './values.ts';

export interface Changes {
  /** The fields that differ from the file, as the API takes them (null: emptied). */
  changes: Record<string, string | number | null>;
  /** Fields whose text is not a number (not sent; shown beside the input). */
  invalid: string[];
}

/** A what-if's changes: the fields whose value differs from the file's (`base`). */
export function changesOf(
  base: FormValues,
  form: FormValues,
  fields: readonly FormField[] = WHATIF_FIELDS,
): Changes {
  const changes: Record<string, string | number | null> = {};
  const invalid: string[] = [];
  for (const field of fields) {
    const now = apiValue(field, form[field.name] ?? '');
    if (typeof now === 'number' && Number.isNaN(now)) {
      invalid.push(field.name);
      continue;
    }
    // The same number written differently ("350 000" and "350000") is no change.
    if (now !== apiValue(field, base[field.name] ?? '')) changes[field.name] = now;
  }
  return { changes, invalid };
}

export interface ApplicationDraft {
  /** The filled fields, as the API takes them (empty fields are left out: NULL). */
  application: Record<string, string | number>;
  /** Required fields left empty. */
  missing: string[];
  /** Fields whose text is not a number. */
  invalid: string[];
}

/** A new application: the filled fields, with the required ones missing and the invalid ones. */
export function applicationOf(
  form: FormValues,
  fields: readonly FormField[] = NEW_APPLICATION_FIELDS,
): ApplicationDraft {
  const application: Record<string, string | number> = {};
  const missing: string[] = [];
  const invalid: string[] = [];
  for (const field of fields) {
    const value = apiValue(field, form[field.name] ?? '');
    if (value === null) {
      if (field.required) missing.push(field.name);
    } else if (typeof value === 'number' && Number.isNaN(value)) invalid.push(field.name);
    else application[field.name] = value;
  }
  return { application, missing, invalid };
}
