/**
 * What is wrong with a field, and where it is said: beside the field, whether found before sending
 * (a required field left empty, a text that is not a number) or refused by the API (a 400 naming
 * `body.changes.<FIELD>` or `body.application.<FIELD>`).
 */
import type { ApiFailure } from '../../api/client.ts';
import type { FormField } from './fields.ts';

export type FieldError =
  | { kind: 'missing' }
  | { kind: 'notNumber' }
  | { kind: 'refused'; message: string };

/** Field name → its error; a field without error is absent. */
export type FieldErrors = Readonly<Record<string, FieldError>>;

/** The errors found before sending: required fields left empty, texts that are not numbers. */
export function localFieldErrors(found: { missing?: string[]; invalid: string[] }): FieldErrors {
  const errors: Record<string, FieldError> = {};
  for (const name of found.missing ?? []) errors[name] = { kind: 'missing' };
  for (const name of found.invalid) errors[name] = { kind: 'notNumber' };
  return errors;
}

/**
 * The API's refusal as the error of the field it names, when it names one of `fields` under the
 * body's `key` ("changes" for a what-if, "application" for a new application); null otherwise
 * (an error for the whole form).
 */
export function refusedField(
  failure: ApiFailure,
  key: 'changes' | 'application',
  fields: readonly FormField[],
): { name: string; error: FieldError } | null {
  const prefix = `body.${key}.`;
  if (failure.status !== 400 || !failure.field?.startsWith(prefix)) return null;
  const name = failure.field.slice(prefix.length);
  if (!fields.some((f) => f.name === name)) return null;
  return { name, error: { kind: 'refused', message: failure.message } };
}

/** The first of `fields` (in form order) that has an error, to put the focus on. */
export function firstWithError(
  fields: readonly FormField[],
  errors: FieldErrors,
): FormField | undefined {
  return fields.find((f) => errors[f.name] !== undefined);
}
